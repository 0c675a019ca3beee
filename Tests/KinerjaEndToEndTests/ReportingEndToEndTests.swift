import Foundation
import GRDB
import KinerjaASN
import KinerjaCrypto
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import KinerjaTLS
import Synchronization
import Testing

/// `kinerja-reporting` beside `kinerja-identity` and `kinerja-planning` (demo SKPs), all real
/// processes over real TLS, driven by `kinerjactl report` and by a machine client.
@Suite("kinerja-reporting with identity and planning as real processes", .serialized)
struct ReportingEndToEndTests {
    struct System {
        let dir: String
        let identity: IdentityProcess
        let planning: PlanningProcess
        var reporting: ReportingProcess

        func stop() {
            reporting.running.stop()
            planning.running.stop()
            identity.running.stop()
            try? FileManager.default.removeItem(atPath: dir)
        }

        func login(_ persona: String) async throws {
            let nip = try IdentityProcess.persona(persona, in: dir)
            let result = try await identity.ctl(["login", "--nip", nip, "--password-stdin"], stdin: IdentityProcess.demoPassword + "\n", session: persona)
            #expect(result.status == 0, "\(persona): \(result.stderr)")
        }

        func ctl(_ arguments: [String], as persona: String) async throws -> (status: Int32, stdout: String, stderr: String) {
            try await reporting.ctl(arguments, identity: identity, planning: planning, session: persona)
        }

        /// A client of reporting presenting a test certificate.
        func client(_ peer: TestPeer) throws -> (Reporting.ReportingService.Client, RPCClient) {
            let tls: TLSContext
            switch peer {
            case .client(let name): tls = try TestPKI.context(client: name)
            case .service(let name): tls = try TestPKI.context(service: name)
            }
            let rpc = RPCClient(configuration: ClientConfiguration(host: "127.0.0.1", port: reporting.port,
                                                                   serverIdentity: try PeerIdentity(kind: .service, name: "reporting"), tls: tls))
            return (Reporting.ReportingService.Client(transport: rpc), rpc)
        }

        /// The Dukcapil employees planning has targets for, with one IKI each.
        func dukcapilTargets() async throws -> [(nip: String, rhk: String, iki: String)] {
            let unit = try identity.readStore { db in try String.fetchOne(db, sql: "SELECT unit_id FROM unit WHERE code = 'KPG.DUKCAPIL'") } ?? ""
            let rpc = RPCClient(configuration: ClientConfiguration(host: "127.0.0.1", port: planning.port,
                                                                   serverIdentity: try PeerIdentity(kind: .service, name: "planning"),
                                                                   tls: try TestPKI.context(service: "reporting")))
            defer { Task { await rpc.close() } }
            let year = Wita.today(now: Date()).year
            return try await Planning.PlanningService.Client(transport: rpc).streamTargets(Planning.StreamTargetsRequest(
                population: .unit(Common.UnitScope(unitID: unit, includeSubunits: true)), period: Common.Period(year: year, kind: .annual),
                allowProvisional: true)) { responses in
                var out: [(nip: String, rhk: String, iki: String)] = []
                for try await response in responses {
                    guard let targets = response.targets, let first = targets.targets.first(where: { $0.aggregation == .sum }) else { continue }
                    out.append((targets.employee?.nip ?? "", first.rhkID, first.ikiID))
                }
                return out
            }
        }
    }

    func start(demo: Bool = false) async throws -> System {
        let dir = NSTemporaryDirectory() + "kinerja-e2e-reporting-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let identity = try await IdentityProcess.start(directory: dir)
        do {
            let planning = try await PlanningProcess.start(directory: dir, identity: identity, demo: true)
            do {
                let reporting = try await ReportingProcess.start(directory: dir, identity: identity, planning: planning, demo: demo)
                return System(dir: dir, identity: identity, planning: planning, reporting: reporting)
            } catch {
                planning.running.stop()
                throw error
            }
        } catch {
            identity.running.stop()
            throw error
        }
    }

    /// Every refusal or crash leaves a store that opens, checks and verifies.
    func checkIntact(_ system: System) async throws {
        let check = try system.reporting.readStore { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(check == ["ok"])
        let audit = try await system.reporting.tool(["audit", "verify"])
        #expect(audit.status == 0, "\(audit.stdout)")
        let evidence = try await system.reporting.tool(["evidence", "verify"])
        #expect(evidence.status == 0, "\(evidence.stdout)")
    }

    @Test("the demo flow through kinerjactl: submit with evidence (upload progress) → the atasan's inbox → verify → progress moves; a week from a CSV")
    func demoFlow() async throws {
        let system = try await start()
        defer { system.stop() }
        try await system.login("pegawai")
        try await system.login("atasan")
        let evidence = "\(system.dir)/rekap-loket.pdf"
        try Data("%PDF-1.4\n% rekap loket KTP-el\n%%EOF\n".utf8).write(to: URL(fileURLWithPath: evidence))
        let before = try await system.ctl(["report", "progress"], as: "pegawai")
        #expect(before.status == 0, "\(before.stderr)")
        let submitted = try await system.ctl(["report", "submit", "--iki", "1.1", "--value", "7", "--description", "Pelayanan KTP-el di loket",
                                              "--minutes", "240", "--evidence", evidence], as: "pegawai")
        #expect(submitted.status == 0, "\(submitted.stderr)")
        #expect(submitted.stderr.contains("rekap-loket.pdf") && submitted.stderr.contains("stored as application/pdf"), "upload progress: \(submitted.stderr)")
        let reportID = try #require(submitted.stdout.split(separator: " ").dropFirst(2).first.map { String($0.dropLast()) })
        let inbox = try await system.ctl(["report", "inbox"], as: "atasan")
        #expect(inbox.status == 0 && inbox.stdout.contains(reportID), "\(inbox.stdout) \(inbox.stderr)")
        let verified = try await system.ctl(["report", "verify", reportID, "--note", "Sesuai rekap"], as: "atasan")
        #expect(verified.status == 0 && verified.stdout.contains("Diverifikasi"), "\(verified.stderr)")
        let progress = try await system.ctl(["report", "progress", "--json"], as: "pegawai")
        let ikis = ((try JSONSerialization.jsonObject(with: Data(progress.stdout.utf8)) as? [String: Any])?["progress"] as? [String: Any])?["ikis"] as? [[String: Any]]
        #expect(ikis?.first?["realisationVerified"] as? Double == 7, "\(progress.stdout.prefix(600))")
        let table = try await system.ctl(["report", "progress"], as: "pegawai")
        #expect(table.stdout.contains("[") && table.stdout.contains("%"))
        // The pegawai cannot verify; the refusal is one line with the status.
        let denied = try await system.ctl(["report", "verify", reportID], as: "pegawai")
        #expect(denied.status == 77 && denied.stderr.hasPrefix("error: "), "\(denied.status) \(denied.stderr)")
        // A week at once from a CSV.
        let csv = "\(system.dir)/minggu.csv"
        let yesterday = Wita.today(now: Date()).adding(days: -1) ?? Wita.today(now: Date())
        try "date,iki,value,description,minutes\n\(yesterday.isoString),1.1,5,Pencetakan KTP-el,180\n\(yesterday.isoString),1.2,90,Layanan tepat waktu,60\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let week = try await system.ctl(["report", "week", "--csv", csv, "--date", yesterday.isoString], as: "pegawai")
        #expect(week.status == 0 && week.stdout.contains("2 of 2 rows accepted"), "\(week.stdout) \(week.stderr)")
        let again = try await system.ctl(["report", "week", "--csv", csv, "--date", yesterday.isoString], as: "pegawai")
        #expect(again.status == 0)
        let count = try system.reporting.readStore { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM daily_report") ?? 0 }
        #expect(count == 3, "running the same week again stores nothing twice")
        try await checkIntact(system)
    }

    @Test("the machine client siak-dukcapil bulk-submits a day's totals for Dukcapil; rows for another unit are refused; kinerjactl compliance shows the unit")
    func machineClientBulk() async throws {
        let system = try await start()
        defer { system.stop() }
        let people = try await system.dukcapilTargets()
        #expect(people.count >= 20)
        let today = Wita.today(now: Date())
        var rows = people.enumerated().map { index, person in
            Reporting.DailyReportRow(rowNumber: UInt32(index + 1), nip: person.nip, report: Reporting.DailyReportDraft(
                reportDate: today, rhkID: person.rhk, ikiID: person.iki, realisationValue: Double(10 + index % 7),
                description: "Rekap SIAK harian: KTP-el dicetak"))
        }
        let outsider = try IdentityProcess.persona("auditor", in: system.dir)
        rows.append(Reporting.DailyReportRow(rowNumber: UInt32(rows.count + 1), nip: outsider, report: rows[0].report))
        let (siak, rpc) = try system.client(.client("siak-dukcapil"))
        let sent = rows
        let response = try await siak.bulkSubmitDailyReports(options: CallOptions(timeout: .seconds(60))) { writer in
            try await writer.write(Reporting.BulkSubmitDailyReportsRequest(item: .options(Reporting.BulkSubmitOptions(sourceName: "siak-harian"))))
            for row in sent { try await writer.write(Reporting.BulkSubmitDailyReportsRequest(item: .row(row))) }
        }
        await rpc.close()
        #expect(response.acceptedRows == UInt32(people.count) && response.rejectedRows == 1)
        #expect(response.results.last?.statusCode == 7)
        try await system.login("pengelola")
        let compliance = try await system.ctl(["report", "compliance", "--unit", "KPG.DUKCAPIL", "--subunits"], as: "pengelola")
        #expect(compliance.status == 0, "\(compliance.stderr)")
        #expect(compliance.stdout.contains("Compliance of unit"))
        try await checkIntact(system)
    }

    @Test("SIGKILL during bulk submissions: after restart every acknowledged report is there, each call whole or absent, the store and the audit chain intact")
    func killDuringBulk() async throws {
        var system = try await start()
        defer { system.stop() }
        let people = try await system.dukcapilTargets()
        let today = Wita.today(now: Date())
        let days = (0...3).compactMap { today.adding(days: -$0) }
        let perCall = 400
        let calls = 10
        let acknowledged = ReportIDs()
        let (siak, rpc) = try system.client(.client("siak-dukcapil"))
        let sender = Task {
            for call in 0..<calls {
                let rows = (0..<perCall).map { offset -> Reporting.DailyReportRow in
                    let index = call * perCall + offset
                    let person = people[index % people.count]
                    let day = days[(index / people.count) % days.count]
                    return Reporting.DailyReportRow(rowNumber: UInt32(offset + 1), nip: person.nip, report: Reporting.DailyReportDraft(
                        reportDate: day, rhkID: person.rhk, ikiID: person.iki, realisationValue: 1, description: "Rekap SIAK \(index)"))
                }
                var options = CallOptions(timeout: .seconds(120))
                options.metadata.add(Metadata.WellKnownKey.idempotencyKey, "siak-\(call)")
                let response = try await siak.bulkSubmitDailyReports(options: options) { writer in
                    for row in rows { try await writer.write(Reporting.BulkSubmitDailyReportsRequest(item: .row(row))) }
                }
                acknowledged.add(response.results.map(\.reportID).filter { !$0.isEmpty })
            }
        }
        let deadline = Date().addingTimeInterval(240)
        while acknowledged.calls < 3 && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        system.reporting.running.signal(SIGKILL)
        _ = try? await system.reporting.running.waitForExit()
        _ = await sender.result
        await rpc.close()
        #expect(acknowledged.calls >= 3 && acknowledged.calls < calls, "the kill came mid-way (\(acknowledged.calls) calls acknowledged)")
        system.reporting = try await ReportingProcess.start(directory: system.dir, identity: system.identity, planning: system.planning, demo: false,
                                                            name: "reporting-restarted")
        let stored = Set(try system.reporting.readStore { db in try String.fetchAll(db, sql: "SELECT report_id FROM daily_report") })
        #expect(acknowledged.ids.isSubset(of: stored), "every acknowledged report survived")
        #expect(stored.count % perCall == 0, "a bulk call is stored whole or not at all (\(stored.count))")
        try await checkIntact(system)
    }

    @Test("SIGKILL during an upload: after restart the acknowledged files are whole, no partial file remains, the store and the audit chain intact")
    func killDuringUpload() async throws {
        var system = try await start()
        defer { system.stop() }
        try await system.login("pegawai")
        let options = try await system.identity.signInOptions("pegawai", dir: system.dir)
        let (client, rpc) = try system.client(.client("operator"))
        var stored: [[UInt8]] = []
        for index in 0..<3 {
            let bytes = Array("%PDF-1.4\n% bukti \(index)\n%%EOF\n".utf8)
            let response = try await client.upload(bytes, name: "bukti-\(index).pdf", callOptions: options)
            #expect(response.evidence?.sha256 == SHA256.hash(bytes))
            stored.append(bytes)
        }
        // A large upload, sent slowly; the service is killed while it streams.
        let large = Array("%PDF-1.4\n".utf8) + (0..<(8 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let slow = Task {
            try await client.uploadEvidence(options: options) { writer in
                try await writer.write(Reporting.UploadEvidenceRequest(item: .header(Reporting.EvidenceUploadHeader(
                    sha256: SHA256.hash(large), sizeBytes: UInt64(large.count), fileName: "besar.pdf"))))
                var offset = 0
                while offset < large.count {
                    try await writer.write(Reporting.UploadEvidenceRequest(item: .chunk(Array(large[offset..<min(offset + (64 << 10), large.count)]))))
                    offset += 64 << 10
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
        }
        let incoming = system.reporting.evidencePath + "/incoming"
        let deadline = Date().addingTimeInterval(120)
        while ((try? FileManager.default.contentsOfDirectory(atPath: incoming)) ?? []).isEmpty && Date() < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(!((try? FileManager.default.contentsOfDirectory(atPath: incoming)) ?? []).isEmpty, "the upload was in progress")
        system.reporting.running.signal(SIGKILL)
        _ = try? await system.reporting.running.waitForExit()
        #expect(await statusCode { try await slow.value } != nil, "the cut-off upload was not acknowledged")
        await rpc.close()
        system.reporting = try await ReportingProcess.start(directory: system.dir, identity: system.identity, planning: system.planning, demo: false,
                                                            name: "reporting-restarted")
        #expect(try FileManager.default.contentsOfDirectory(atPath: incoming).isEmpty, "the partial upload was removed at start")
        let (again, rpc2) = try system.client(.client("operator"))
        for bytes in stored {
            let (_, downloaded) = try await again.download(SHA256.hash(bytes), callOptions: try await system.identity.signInOptions("pegawai", dir: system.dir))
            #expect(downloaded == bytes)
        }
        #expect(await statusCode { try await again.download(SHA256.hash(large), callOptions: options) } == .notFound)
        await rpc2.close()
        let uploads = try system.reporting.readStore { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM evidence_upload") ?? 0 }
        #expect(uploads == 3)
        try await checkIntact(system)
    }

    @Test("demo data: the first start seeds a year of reports (most verified, some rejected, some pending, absences); the pegawai's progress shows capaian; a restart reuses them")
    func demoData() async throws {
        var system = try await start(demo: true)
        defer { system.stop() }
        let counts = try system.reporting.readStore { db in
            try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM daily_report GROUP BY state").reduce(into: [Int: Int]()) { $0[$1["state"]] = $1["n"] }
        }
        let total = counts.values.reduce(0, +)
        #expect(total > 100_000)
        #expect((counts[Int(Reporting.ReportState.diverifikasi.rawValue)] ?? 0) > total / 2, "most verified")
        #expect((counts[Int(Reporting.ReportState.ditolak.rawValue)] ?? 0) > 0 && (counts[Int(Reporting.ReportState.diajukan.rawValue)] ?? 0) > 0)
        #expect(try system.reporting.readStore { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM absence") ?? 0 } > 100)
        try await system.login("pegawai")
        let progress = try await system.ctl(["report", "progress"], as: "pegawai")
        #expect(progress.status == 0 && progress.stdout.contains("%"), "\(progress.stderr)")
        #expect(!progress.stdout.contains("  —  "), "capaian from verified reports: \(progress.stdout)")
        system.reporting.running.signal(SIGTERM)
        _ = try await system.reporting.running.waitForExit()
        system.reporting = try await ReportingProcess.start(directory: system.dir, identity: system.identity, planning: system.planning, demo: true,
                                                            name: "reporting-restarted")
        let after = try system.reporting.readStore { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM daily_report") ?? 0 }
        #expect(after == total)
        let seeds = try system.reporting.readStore { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE action = 'reporting.demo_seed'") ?? 0 }
        #expect(seeds == 1)
        try await checkIntact(system)
    }
}

/// Report ids acknowledged by the service, from the sending task.
final class ReportIDs: Sendable {
    private let state = Mutex<(ids: Set<String>, calls: Int)>(([], 0))
    func add(_ ids: [String]) { state.withLock { $0.ids.formUnion(ids); $0.calls += 1 } }
    var ids: Set<String> { state.withLock { $0.ids } }
    var calls: Int { state.withLock { $0.calls } }
}

extension IdentityProcess {
    /// Call options with a fresh access token of `persona` (signed in over the protocol).
    func signInOptions(_ persona: String, dir: String) async throws -> CallOptions {
        let nip = try IdentityProcess.persona(persona, in: dir)
        let rpc = RPCClient(configuration: ClientConfiguration(host: "127.0.0.1", port: port,
                                                               serverIdentity: try PeerIdentity(kind: .service, name: "identity"),
                                                               tls: try TestPKI.context(client: "operator")))
        defer { Task { await rpc.close() } }
        let response = try await Identity.IdentityService.Client(transport: rpc).login(Identity.LoginRequest(nip: nip, password: IdentityProcess.demoPassword))
        return IdentityFixture.bearer(response.tokens?.accessToken ?? "")
    }
}
