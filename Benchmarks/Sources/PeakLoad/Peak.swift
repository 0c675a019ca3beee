import Foundation
import KinerjaASN
import KinerjaCrypto
import KinerjaDemo
import KinerjaProto
import KinerjaRPC

/// The measured morning peak: every seeded ASN uploads a small evidence file and files today's
/// report at a random moment of the (compressed) 07:30–08:00 window; every atasan opens the
/// verification inbox every few (compressed) minutes and verifies what is there in one batch;
/// the HR portal queries evaluation at a steady rate; a Python helper drives the web app's week
/// page over HTTPS with signed-in sessions. Open loop: each call starts at its scheduled time
/// whatever the others do, so a slow service shows as latency, not as a slower schedule.
enum Peak {
    static let services = ["identity", "planning", "reporting", "feedback", "evaluation", "web"]

    /// Evidence: a few KB each, different per person (a PDF header, then bytes of their own).
    static func evidence(_ index: Int, size: Int) -> [UInt8] {
        var state = UInt64(index) &* 0x9E37_79B9_7F4A_7C15 | 1
        return Array("%PDF-1.7\n".utf8) + (0..<max(0, size - 9)).map { _ in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
    }

    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? fill + text : text + fill
    }

    static func ms(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "—" }

    static func run(_ options: Options, webScript: String?) async throws {
        let seed = try JSONDecoder().decode(SeedFile.self, from: Data(contentsOf: URL(fileURLWithPath: options.seedFile)))
        guard seed.people.count >= options.employees else {
            throw PeakFailure("the seed has \(seed.people.count) employees, fewer than --employees \(options.employees)")
        }
        // Whole teams (an atasan, then their bawahan) until N, so a smaller run keeps the seed's ratio of atasan to staff.
        let byLeader = Dictionary(grouping: seed.people.filter { !$0.isAtasan }, by: \.atasan)
        var ordered: [Person] = []
        for leader in seed.people where leader.isAtasan { ordered.append(leader); ordered += byLeader[leader.nip] ?? [] }
        let people = Array(ordered.prefix(options.employees))
        let atasanSet = Set(people.filter(\.isAtasan).map(\.nip))

        // Sign everyone in (not measured): one session each, as the app holds it through the day.
        let identityClient = try client(options, service: "identity", certificate: "client/operator", connections: 2)
        let identity = Identity.IdentityService.Client(transport: identityClient)
        let signInStart = ContinuousClock.now
        let tokens = try await withThrowingTaskGroup(of: (String, String).self) { group in
            var result: [String: String] = [:]
            var next = 0
            func add() {
                let nip = people[next].nip
                next += 1
                group.addTask {
                    var lastError: (any Error)?
                    for _ in 0..<5 {
                        do {
                            let response = try await identity.login(Identity.LoginRequest(nip: nip, password: options.password, clientName: "peak-load"),
                                                                    options: CallOptions(timeout: .seconds(120)))
                            if let token = response.tokens?.accessToken, !token.isEmpty { return (nip, token) }
                        } catch { lastError = error; try await Task.sleep(for: .seconds(1)) }
                    }
                    throw PeakFailure("sign-in of \(nip) failed: \(lastError.map { "\($0)" } ?? "no token")")
                }
            }
            for _ in 0..<min(16, people.count) { add() }
            while let (nip, token) = try await group.next() {
                result[nip] = token
                if next < people.count { add() }
            }
            return result
        }
        let signInSeconds = (ContinuousClock.now - signInStart).seconds
        log("peak: \(tokens.count) signed in in \(String(format: "%.1f", signInSeconds)) s (not measured)")

        let reportingClient = try client(options, service: "reporting", certificate: "client/operator", connections: options.connections)
        let portalClient = try client(options, service: "evaluation", certificate: "client/hr-portal")
        let reporting = Reporting.ReportingService.Client(transport: reportingClient)
        let portal = Evaluation.EvaluationService.Client(transport: portalClient)
        defer { Task { await identityClient.close(); await reportingClient.close(); await portalClient.close() } }

        let today = Wita.today(now: Date())
        let window = options.windowMinutes * 60 / options.compress
        let recorder = Recorder()

        // Warm the connections and the services' caches of keys and the organisation (one call each).
        if let first = people.first, let token = tokens[first.nip] {
            _ = try? await reporting.listDailyReports(Reporting.ListDailyReportsRequest(nip: first.nip, page: Common.PageRequest(pageSize: 1)), options: bearer(token))
        }
        let hrQuery = Evaluation.ListEvaluationsRequest(unit: Common.UnitScope(unitID: seed.hrUnitID, includeSubunits: true),
                                                        period: Common.Period(year: seed.year, kind: .quarterly, triwulan: .iii),
                                                        predikats: [.baik], page: Common.PageRequest(pageSize: 50))
        _ = try? await portal.listEvaluations(hrQuery)

        // The web share: a helper signs its sessions in before the start, then requests the week page on schedule.
        var random = SeededRandom(seed: 2026_12_07)
        let webRequests = Int((Double(people.count) * options.webShare * 2).rounded())
        var web: Process?
        let webOutput = "\(options.dev)/peak-web-\(ProcessInfo.processInfo.processIdentifier).json"
        let startDelay = 15.0
        let startAt = Date().timeIntervalSince1970 + startDelay
        let webRunning = FileManager.default.fileExists(atPath: "\(options.dev)/run/web.pid")
        if let webScript, webRequests > 0, webRunning {
            let nips = people.filter { !atasanSet.contains($0.nip) }.prefix(options.webSessions).map(\.nip)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", webScript, "--port", "\(options.webPort)", "--ca", "\(options.pki)/ca.pem",
                                 "--password", options.password, "--nips", nips.joined(separator: ","), "--start-at", String(startAt),
                                 "--duration", String(window), "--requests", "\(webRequests)", "--out", webOutput]
            try process.run()
            web = process
        }
        let pids: [String: Int32] = Dictionary(uniqueKeysWithValues: services.compactMap { name in
            (try? String(contentsOfFile: "\(options.dev)/run/\(name).pid", encoding: .utf8))
                .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }.map { (name, $0) }
        })
        while Date().timeIntervalSince1970 < startAt { try await Task.sleep(for: .milliseconds(50)) }

        // Measurement starts.
        func snapshot() -> [String: Double] {
            var values = pids.compactMapValues { cpuSeconds(pid: $0) }
            values["peakload"] = cpuSeconds(pid: getpid())
            if let web { values["web-client"] = cpuSeconds(pid: web.processIdentifier) }
            values["machine"] = machineBusySeconds()
            return values
        }
        var before = snapshot()
        let origin = ContinuousClock.now
        let lag = Recorder()

        // The schedule (seconds from the origin): filings, inbox rounds, HR queries.
        let filings = people.enumerated().map { (offset: random.unit() * window, index: $0.offset, person: $0.element) }
        let period = options.atasanEveryMinutes * 60 / options.compress
        let rounds = people.filter(\.isAtasan).flatMap { atasan -> [(Double, Person)] in
            let first = random.unit() * period
            return stride(from: first, to: window, by: period).map { ($0, atasan) }
        }
        let hrCount = Int(options.hrPerSecond * options.compress * window)
        let hrTimes = (0..<hrCount).map { Double($0) * window / Double(max(hrCount, 1)) }
        log("peak: \(filings.count) filings, \(rounds.count) atasan rounds, \(hrCount) HR queries, \(webRequests) week pages over \(String(format: "%.0f", window)) s (compress \(options.compress)×)")

        await withTaskGroup(of: Void.self) { group in
            func at(_ offset: Double, _ body: @escaping @Sendable () async -> Void) {
                group.addTask {
                    let due = origin + .milliseconds(Int64(offset * 1000))
                    try? await Task.sleep(until: due, clock: .continuous)
                    lag.record("start lag", microseconds: (ContinuousClock.now - due).seconds * 1e6)
                    await body()
                }
            }
            for filing in filings {
                guard let token = tokens[filing.person.nip] else { continue }
                let person = filing.person, index = filing.index
                at(filing.offset) {
                    let bytes = Peak.evidence(index, size: options.evidenceBytes)
                    let header = Reporting.EvidenceUploadHeader(sha256: SHA256.hash(bytes), sizeBytes: UInt64(bytes.count), fileName: "bukti-\(index).pdf")
                    guard let uploaded = await recorder.time("UploadEvidence", {
                        try await reporting.uploadEvidence(options: bearer(token)) { writer in
                            try await writer.write(Reporting.UploadEvidenceRequest(item: .header(header)))
                            try await writer.write(Reporting.UploadEvidenceRequest(item: .chunk(bytes)))
                        }
                    }), let link = uploaded.evidence else { return }
                    let draft = Reporting.DailyReportDraft(reportDate: today, rhkID: person.rhk, ikiID: person.iki, realisationValue: Double(1 + index % 5),
                                                           description: "Melayani permohonan di loket \(index % 7 + 1) pagi ini", evidence: [link],
                                                           durationMinutes: 30)
                    _ = await recorder.time("SubmitDailyReport", {
                        try await reporting.submitDailyReport(Reporting.SubmitDailyReportRequest(report: draft), options: bearer(token))
                    })
                }
            }
            for (offset, atasan) in rounds {
                guard let token = tokens[atasan.nip] else { continue }
                at(offset) {
                    guard let inbox = await recorder.time("ListDailyReports (inbox)", {
                        try await reporting.listDailyReports(Reporting.ListDailyReportsRequest(
                            verifierNIP: atasan.nip, dateRange: Common.DateRange(startDate: today, endDate: today), states: [.diajukan],
                            page: Common.PageRequest(pageSize: 100)), options: bearer(token))
                    }), !inbox.reports.isEmpty else { return }
                    let reviews = inbox.reports.map { Reporting.ReportReview(reportID: $0.reportID, decision: .verify) }
                    _ = await recorder.time("BatchReviewDailyReports", {
                        try await reporting.batchReviewDailyReports(Reporting.BatchReviewDailyReportsRequest(reviews: reviews), options: bearer(token))
                    })
                }
            }
            for offset in hrTimes {
                at(offset) {
                    _ = await recorder.time("ListEvaluations (HR portal)", { try await portal.listEvaluations(hrQuery) })
                }
            }
        }
        let busyWall = (ContinuousClock.now - origin).seconds
        if let web { web.waitUntilExit() }
        let wall = (ContinuousClock.now - origin).seconds
        var after = snapshot()
        after["web-client"] = nil
        if let data = FileManager.default.contents(atPath: webOutput),
           let result = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            recorder.merge(kind: "GET /minggu (web, HTTPS)", microseconds: (result["latencies_us"] as? [Double]) ?? [],
                           failures: (result["failures"] as? Int) ?? 0)
            // The helper's own CPU over its measured part (it has exited; /proc no longer has it).
            if let helper = result["cpu_s"] as? Double { after["web-client"] = helper; before["web-client"] = 0 }
            if let failure = result["first_failure"] as? String, !failure.isEmpty { log("web: first failure: \(failure)") }
            try? FileManager.default.removeItem(atPath: webOutput)
        }

        // Report.
        let summaries = recorder.summaries()
        let lagSummary = lag.summaries().first
        var cpu: [String: Double] = [:]
        for (name, value) in after where name != "machine" { cpu[name] = value - (before[name] ?? 0) }
        let machine = (after["machine"] ?? .nan) - (before["machine"] ?? .nan)
        let ours = cpu.values.reduce(0, +)
        let other = max(0, machine - ours)
        let submitted = summaries.first { $0.kind == "SubmitDailyReport" }?.calls ?? 0
        let worstP99 = summaries.compactMap(\.p99_ms).max() ?? -1

        print("")
        print("Morning peak \(options.label): \(people.count) ASN (\(atasanSet.count) atasan), 30 min compressed \(options.compress)× into \(String(format: "%.0f", window)) s; evidence \(options.evidenceBytes) B")
        print(pad("call kind", 30) + pad("calls", 8, left: true) + pad("fail", 6, left: true) + pad("p50 ms", 9, left: true)
              + pad("p90 ms", 9, left: true) + pad("p99 ms", 9, left: true) + pad("max ms", 9, left: true))
        for s in summaries {
            print(pad(s.kind, 30) + pad("\(s.calls)", 8, left: true) + pad("\(s.failures)", 6, left: true) + pad(ms(s.p50_ms), 9, left: true)
                  + pad(ms(s.p90_ms), 9, left: true) + pad(ms(s.p99_ms), 9, left: true) + pad(ms(s.max_ms), 9, left: true))
        }
        print(String(format: "filed %d reports in %.1f s = %.1f reports/s (%.2f/s in real time); schedule lag p99 %.1f ms", submitted, busyWall,
                     Double(submitted) / window, Double(submitted) / (options.windowMinutes * 60), lagSummary?.p99_ms ?? .nan))
        print("CPU seconds over \(String(format: "%.1f", wall)) s (cores = CPU s ÷ wall s):")
        for name in cpu.keys.sorted() {
            print("  " + pad(name, 12) + String(format: " %7.2f s  %.2f cores", cpu[name] ?? .nan, (cpu[name] ?? .nan) / wall))
        }
        print(String(format: "  services+web %.2f cores; machine busy %.2f cores; other processes %.2f cores (of 2)",
                     Peak.services.compactMap { cpu[$0] }.reduce(0, +) / wall, machine / wall, other / wall))
        if let json = options.json {
            var object: [String: Any] = [
                "label": options.label, "date": ISO8601DateFormatter().string(from: Date()), "employees": people.count, "atasan": atasanSet.count,
                "compress": options.compress, "window_s": window, "wall_s": wall, "reports": submitted,
                "reports_per_s": Double(submitted) / window, "sign_in_s": signInSeconds, "worst_p99_ms": worstP99,
                "lag_p99_ms": lagSummary?.p99_ms ?? -1, "other_cores": other / wall, "machine_cores": machine / wall,
                "cpu_cores": cpu.mapValues { $0 / wall }, "cpu_s": cpu,
            ]
            object["calls"] = summaries.map { s -> [String: Any] in
                ["kind": s.kind, "calls": s.calls, "failures": s.failures, "p50_ms": s.p50_ms ?? -1, "p90_ms": s.p90_ms ?? -1,
                 "p99_ms": s.p99_ms ?? -1, "max_ms": s.max_ms ?? -1, "first_failure": s.first_failure ?? ""]
            }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            if let handle = FileHandle(forWritingAtPath: json) {
                handle.seekToEndOfFile(); handle.write(data); handle.write(Data("\n".utf8)); try handle.close()
            } else {
                try (data + Data("\n".utf8)).write(to: URL(fileURLWithPath: json))
            }
        }
        for s in summaries where s.failures > 0 { log("failures of \(s.kind): \(s.failures), first: \(s.first_failure ?? "")") }
    }
}

/// The demo's seeded generator (SplitMix64), so two runs schedule alike; `unit()` in [0, 1).
extension SeededRandom {
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
