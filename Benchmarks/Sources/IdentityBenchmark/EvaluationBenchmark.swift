import BenchSupport
import Foundation
import GRDB
import KinerjaASN
import KinerjaCrypto
import KinerjaDemo
import KinerjaEvaluation
import KinerjaIdentityClient
import KinerjaPlanning
import KinerjaProto
import KinerjaReporting
import KinerjaRPC
import KinerjaStore
import KinerjaTLS

/// Evaluation (issue 14), each figure against its peer in the same run:
/// - an annual period of 20 000 employees with a year of verified reports: ProposeEvaluations
///   (reporting's unit progress, planning's targets, feedback's summaries and identity's penilai
///   over the protocol, 20 000 proposals written) and FinalisePeriod (20 000 snapshots with their
///   SHA-256, one transaction) against the same computation in-process over GRDB (reporting's
///   ``ProgressReader`` on its store, the evaluation domain's ``EvaluationProposal``, the rows
///   written into a fresh store of the same columns; then the snapshots and their digests);
/// - the HR portal's query by unit and predikat (ListEvaluations, a page of 50 Baik, the
///   `client/hr-portal` certificate) at 64 in flight against the plain RPC echo of the same size.
///
/// Setup: the release kinerja-identity with the demo organisation and 20 000 synthetic employees in
/// one seksi under the demo atasan; 20 000 approved SKPs (2 RHKs of 1 IKI each: an amount summed
/// over the year, a level averaged) written straight into planning's store; 11 months of verified
/// reports per IKI (440 000) written straight into reporting's store; feedback with no round (its
/// summaries are empty: the Perilaku proposals say so); kinerja-evaluation beside them. The
/// ratings between proposal and finalisation are entered by each penilai over the protocol, 64
/// in flight (timed, reported apart: they are people's work, spread over weeks).
enum EvaluationBenchmark {
    static let population = 20_000
    static let unitCode = "KPG.DUKCAPIL.DAFDUK.IDENTITAS"
    static let scopeCode = "KPG.DUKCAPIL.DAFDUK"

    static func run(_ options: Options) async throws -> (figures: [Figure], notes: [String]) {
        log("==> evaluation: identity with \(population) extra employees, their SKPs and a year of reports, planning, reporting, feedback, evaluation")
        let identity = try await IdentityServer.start(options, name: "identity-for-evaluation")
        var children: [ChildProcess] = []
        do {
            let setup = try await prepare(options, identity: identity)
            let planning = try await PlanningBenchmark.startPlanning(options, identity: identity, store: setup.planningStore)
            children.append(planning)
            let planningPort = try PlanningBenchmark.planningPort(planning)
            let reporting = try await ReportingBenchmark.startReporting(options, identity: identity, planningPort: planningPort)
            children.append(reporting)
            let feedback = try await FeedbackBenchmark.start(options, "feedback", identity: identity, planningPort: planningPort,
                                                             store: "\(identity.directory)/feedback/feedback.sqlite")
            children.append(feedback)
            let evaluation = try await startEvaluation(options, identity: identity, planning: planningPort,
                                                       reporting: try PlanningBenchmark.planningPort(reporting),
                                                       feedback: try FeedbackBenchmark.port(of: feedback))
            children.append(evaluation)
            let echo = try ChildProcess(name: "echo", executable: "\(options.bin)/RPCBenchServer",
                                        arguments: ["--host", "127.0.0.1", "--port", String(options.echoPort), "--pki", options.pki], directory: identity.directory)
            children.append(echo)
            try await echo.waitForPort(options.echoPort)
            let result = try await measure(options, identity: identity, setup: setup, evaluation: evaluation, planningPort: planningPort, echo: echo)
            for child in children.reversed() { await child.stop() }
            await identity.stop(keep: options.keep)
            return result
        } catch {
            for child in children.reversed() { await child.stop() }
            await identity.stop(keep: true)
            log("the services' logs and stores kept in \(identity.directory)")
            throw error
        }
    }

    struct Setup {
        var planningStore: String
        var reportingStore: String
        var scopeID: String
        var year: Int32
        var reports: Int
        var hrToken: String
        var pimpinanToken: String
    }

    static func prepare(_ options: Options, identity: IdentityServer) async throws -> Setup {
        let client = try identity.client(options, certificate: "client/hr-portal")
        defer { Task { await client.close() } }
        let hr = try await identity.signIn("pengelola", with: client)
        let pimpinan = try await identity.signIn("pimpinan", with: client)
        let atasan = try identity.nip("atasan")
        let today = Wita.today(now: Date())
        let synthetic = KupangDemo(seed: IdentityServer.seed).syntheticEmployees(count: population, unitCodes: [unitCode], today: today)
        let api = Identity.IdentityService.Client(transport: client)
        let started = ContinuousClock.now
        let report = try await api.importEmployees(options: Peers.bearer(hr, timeout: .seconds(600))) { writer in
            try await writer.write(Identity.ImportEmployeesRequest(item: .options(.init(sourceName: "evaluation-benchmark"))))
            for (index, person) in synthetic.enumerated() {
                var row = person.importRow
                row.rowNumber = UInt32(index + 2)
                row.atasanNIP = atasan
                row.employee?.status = .aktif
                try await writer.write(Identity.ImportEmployeesRequest(item: .row(row)))
            }
        }
        guard report.acceptedRows == UInt32(population) else { throw BenchFailure("identity accepted \(report.acceptedRows) of \(population) employees") }
        log("  \(population) employees imported in \(String(format: "%.1f", (ContinuousClock.now - started).seconds)) s")
        let units = try await api.listUnits(Identity.ListUnitsRequest(query: "KPG"), options: Peers.bearer(hr)).units
        guard let unitID = units.first(where: { $0.code == unitCode })?.unitID, let scopeID = units.first(where: { $0.code == scopeCode })?.unitID else {
            throw BenchFailure("no unit \(unitCode)")
        }
        let year = today.year
        // The SKPs: 2 Utama RHKs of one IKI each.
        var skps: [Planning.Skp] = []
        var people: [(nip: String, name: String, skpID: String, ikis: [Planning.Iki])] = []
        for (n, person) in synthetic.enumerated() {
            var skp = Planning.Skp()
            skp.skpID = String(format: "EVLSKP%020d", n)
            skp.version = 1
            skp.nip = person.employee.nip
            skp.employee = Common.EmployeeRef(nip: person.employee.nip, displayName: person.employee.fullName, unitID: unitID)
            skp.year = year
            skp.periodStart = Common.Date(year: year, month: 1, day: 1)
            skp.periodEnd = Common.Date(year: year, month: 12, day: 31)
            skp.approach = .kuantitatif
            skp.jenisJabatan = person.employee.jenisJabatan
            skp.unitID = unitID
            skp.atasanNIP = atasan
            skp.state = .disetujui
            skp.revision = 1
            let amountRHK = String(format: "EVLRHK%018d01", n), levelRHK = String(format: "EVLRHK%018d02", n)
            let amount = Planning.Iki(ikiID: String(format: "EVLIKA%018d01", n), rhkID: amountRHK, aspek: .kuantitas,
                                      indicator: "Jumlah dokumen kependudukan diterbitkan",
                                      annualTarget: Planning.Target(value: 1200, unit: "dokumen", direction: .higherIsBetter),
                                      periodicTargets: [Common.Triwulan.i, .ii, .iii, .iv].map {
                                          Planning.PeriodicTarget(period: Common.Period(year: year, kind: .quarterly, triwulan: $0), value: 300)
                                      }, position: 1, aggregation: .sum)
            let level = Planning.Iki(ikiID: String(format: "EVLIKL%018d02", n), rhkID: levelRHK, aspek: .kualitas,
                                     indicator: "Persentase dokumen terbit tepat waktu",
                                     annualTarget: Planning.Target(value: 95, unit: "persen", direction: .higherIsBetter),
                                     position: 1, aggregation: .average)
            skp.rhks = [
                Planning.Rhk(rhkID: amountRHK, skpID: skp.skpID, kind: .utama, text: "Terlayaninya penerbitan dokumen kependudukan", ikis: [amount], position: 1),
                Planning.Rhk(rhkID: levelRHK, skpID: skp.skpID, kind: .utama, text: "Tepat waktunya pelayanan dokumen", ikis: [level], position: 2),
            ]
            skps.append(skp)
            people.append((person.employee.nip, person.employee.fullName, skp.skpID, [amount, level]))
        }
        let planningStore = "\(identity.directory)/planning/planning.sqlite"
        let planning = try Store(configuration: StoreConfiguration(path: planningStore), migrations: PlanningSchema.migrations)
        try await PlanningBulkLoader.insert(skps, into: planning)
        try planning.close()

        // A year of verified reports: one per IKI and month, January to the month before this one.
        let reportingStore = "\(identity.directory)/reporting/reporting.sqlite"
        let reports = try ReportLoader.write(people: people, unitID: unitID, verifier: atasan, year: year,
                                             months: max(1, Int(today.month) - 1), into: reportingStore)
        log("  \(skps.count) SKPs and \(reports) verified reports written in \(String(format: "%.1f", (ContinuousClock.now - started).seconds)) s since the import")
        return Setup(planningStore: planningStore, reportingStore: reportingStore, scopeID: scopeID, year: year, reports: reports,
                     hrToken: hr, pimpinanToken: pimpinan)
    }

    static func startEvaluation(_ options: Options, identity: IdentityServer, planning: Int, reporting: Int, feedback: Int) async throws -> ChildProcess {
        let pki = options.pki
        func peer(_ name: String, _ port: Int) -> String {
            "\"\(name)\": { \"address\": \"127.0.0.1:\(port)\", \"identity\": \"spiffe://kinerja.kupangkota.go.id/service/\(name)\" }"
        }
        let json = """
            {
              "listen": { "host": "127.0.0.1", "port": 0 },
              "store": { "path": "\(identity.directory)/evaluation/evaluation.sqlite" },
              "tls": { "certificate": "\(pki)/service/evaluation.pem", "private_key": "\(pki)/service/evaluation.key", "trust_roots": "\(pki)/ca.pem" },
              "peers": { \(peer("identity", identity.port)), \(peer("planning", planning)), \(peer("reporting", reporting)), \(peer("feedback", feedback)) },
              "log": { "level": "\(options.identityLogLevel)", "format": "json" },
              "evaluation": { "notify_retry_seconds": 5 }
            }
            """
        try json.write(toFile: "\(identity.directory)/evaluation.json", atomically: true, encoding: .utf8)
        let child = try ChildProcess(name: "evaluation", executable: "\(options.bin)/kinerja-evaluation",
                                     arguments: ["serve", "--config", "\(identity.directory)/evaluation.json"], directory: identity.directory)
        try await child.waitForOutput("\"listening on\"") { $0.contains("listening on ") }
        return child
    }

    static func client(_ options: Options, port: Int, certificate: String) throws -> RPCClient {
        try FeedbackBenchmark.client(options, port: port, certificate: certificate, service: "evaluation")
    }

    static func measure(_ options: Options, identity: IdentityServer, setup: Setup, evaluation: ChildProcess, planningPort: Int,
                        echo: ChildProcess) async throws -> (figures: [Figure], notes: [String]) {
        let port = try FeedbackBenchmark.port(of: evaluation)
        let operatorClient = try client(options, port: port, certificate: "client/operator")
        let portalClient = try client(options, port: port, certificate: "client/hr-portal")
        let identityClient = try identity.client(options, certificate: "client/operator")
        let echoClient = try Peers.client(options, port: options.echoPort, certificate: "client/hr-portal")
        defer { Task { await operatorClient.close(); await portalClient.close(); await identityClient.close(); await echoClient.close() } }
        let api = Evaluation.EvaluationService.Client(transport: operatorClient)
        let portal = Evaluation.EvaluationService.Client(transport: portalClient)
        let people = Identity.IdentityService.Client(transport: identityClient)
        let hr = Peers.bearer(setup.hrToken, timeout: .seconds(900))
        let pimpinan = Peers.bearer(setup.pimpinanToken, timeout: .seconds(900))
        let annual = Common.Period(year: setup.year, kind: .annual)
        let scope = Common.UnitScope(unitID: setup.scopeID, includeSubunits: true)

        // Opened by HR, the unit decided Baik by the pimpinan above it, proposed.
        guard let period = try await api.openPeriod(Evaluation.OpenPeriodRequest(unit: scope, period: annual), options: hr).period else {
            throw BenchFailure("OpenPeriod returned no period")
        }
        _ = try await api.setOrganisationRating(Evaluation.SetOrganisationRatingRequest(
            periodID: period.periodID, rating: .baik, reason: "Capaian kinerja organisasi tahunan (benchmark)"), options: pimpinan)
        let cpuBefore = evaluation.cpuSeconds() ?? .nan
        var started = ContinuousClock.now
        let proposed = try await api.proposeEvaluations(Evaluation.ProposeEvaluationsRequest(periodID: period.periodID), options: hr)
        let proposeSeconds = (ContinuousClock.now - started).seconds
        let proposeCPU = (evaluation.cpuSeconds() ?? .nan) - cpuBefore
        guard proposed.proposedCount >= UInt32(population) else { throw BenchFailure("proposed \(proposed.proposedCount) of \(period.population)") }
        log("  ProposeEvaluations: \(proposed.proposedCount) in \(String(format: "%.1f", proposeSeconds)) s (\(proposed.failures.count) without a full proposal)")

        // Every evaluation of the period, then each rated by its pejabat penilai within a Baik curve.
        func listAll() async throws -> [Evaluation.EmployeeEvaluation] {
            var evaluations: [Evaluation.EmployeeEvaluation] = []
            var cursor = ""
            repeat {
                let page = try await api.listEvaluations(Evaluation.ListEvaluationsRequest(
                    unit: scope, period: annual, page: Common.PageRequest(pageSize: 500, cursor: cursor)), options: hr)
                evaluations += page.evaluations
                cursor = page.page?.nextCursor ?? ""
            } while !cursor.isEmpty
            return evaluations
        }
        let evaluations = try await listAll()
        let (sessions, penilaiCount) = try await penilaiSessions(of: evaluations, identity: people, hr: hr)
        let work = evaluations.sorted { ($0.employee?.nip ?? "") < ($1.employee?.nip ?? "") }
        let next = Counter()
        started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    while true {
                        let index = next.increment() - 1
                        guard index < work.count else { return }
                        let item = work[index]
                        guard let options = sessions[item.employee?.nip ?? ""] else { throw BenchFailure("no penilai for \(item.employee?.nip ?? "")") }
                        let (hk, pk): (Common.Rating, Common.Rating) = index % 100 == 0 ? (.diBawahEkspektasi, .sesuaiEkspektasi)
                            : index % 3 == 0 ? (.diAtasEkspektasi, .diAtasEkspektasi) : (.sesuaiEkspektasi, .sesuaiEkspektasi)
                        _ = try await api.setHasilKerjaRating(Evaluation.SetHasilKerjaRatingRequest(
                            evaluationID: item.evaluationID, rating: hk, reason: "Dinilai dari capaian dan pengamatan tahunan"), options: options)
                        _ = try await api.setPerilakuRating(Evaluation.SetPerilakuRatingRequest(
                            evaluationID: item.evaluationID, rating: pk, reason: "Dinilai dari perilaku kerja tahunan"), options: options)
                    }
                }
            }
            try await group.waitForAll()
        }
        let rateSeconds = (ContinuousClock.now - started).seconds
        log("  \(work.count * 2) ratings by \(penilaiCount) penilai in \(String(format: "%.1f", rateSeconds)) s")

        let rated = try await listAll()
        let cpuBeforeFinal = evaluation.cpuSeconds() ?? .nan
        started = ContinuousClock.now
        let finalised = try await api.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: pimpinan)
        let finaliseSeconds = (ContinuousClock.now - started).seconds
        let finaliseCPU = (evaluation.cpuSeconds() ?? .nan) - cpuBeforeFinal
        guard finalised.finalisedCount == UInt32(work.count) else { throw BenchFailure("finalised \(finalised.finalisedCount) of \(work.count)") }
        log("  FinalisePeriod: \(finalised.finalisedCount) in \(String(format: "%.1f", finaliseSeconds)) s")

        // The same computation in-process over GRDB.
        let local = try await LocalEvaluation.prepare(options, identity: identity, planningPort: planningPort, setup: setup, period: annual,
                                                      rated: rated, keep: options.keep)
        let peerPropose = try await local.propose()
        let peerFinalise = try local.finalise()
        local.close()
        log("  in-process: proposals \(String(format: "%.1f", peerPropose.seconds)) s, snapshots \(String(format: "%.1f", peerFinalise.seconds)) s")
        guard peerPropose.count == work.count else { throw BenchFailure("in-process proposals: \(peerPropose.count) of \(work.count)") }

        let ours = proposeSeconds + finaliseSeconds, peer = peerPropose.seconds + peerFinalise.seconds
        var figures = [
            Figure(key: "evaluation_annual_cycle", label: "annual period of \(work.count): ProposeEvaluations + FinalisePeriod", unit: "employees/s",
                   ours: [Double(work.count) / ours], peerName: "the same computation in-process over GRDB", peer: [Double(work.count) / peer],
                   goal: .none,
                   extra: [("propose_s", proposeSeconds), ("finalise_s", finaliseSeconds), ("peer_propose_s", peerPropose.seconds),
                           ("peer_finalise_s", peerFinalise.seconds), ("evaluation_cpu_propose_s", proposeCPU), ("evaluation_cpu_finalise_s", finaliseCPU)]),
            Figure(key: "evaluation_annual_cycle_seconds", label: "the same, total seconds (propose + finalise)", unit: "s",
                   ours: [ours], goal: .atMost(60)),
            Figure(key: "evaluation_ratings_64", label: "SetHasilKerjaRating + SetPerilakuRating by the penilai, 64 in flight", unit: "calls/s",
                   ours: [Double(work.count * 2) / rateSeconds]),
        ]

        // The HR portal's query by unit and predikat: a page of 50 Baik, against the echo of the same size.
        let query = Evaluation.ListEvaluationsRequest(unit: scope, period: annual, predikats: [.baik], page: Common.PageRequest(pageSize: 50))
        let sample = try await portal.listEvaluations(query)
        let responseBytes = try sample.serializedBytes().count
        guard sample.evaluations.count == 50 else { throw BenchFailure("the HR portal's page held \(sample.evaluations.count) evaluations") }
        let payload = [UInt8](repeating: 0x6B, count: responseBytes)
        var queryRuns: [Double] = [], echoRuns: [Double] = [], p50: [Double] = [], p99: [Double] = []
        for repeatIndex in 0..<options.repeats {
            let queried = try await closedLoop(inFlight: 64, warmup: options.warmup, duration: options.duration) {
                _ = try await portal.listEvaluations(query)
            }
            let echoed = try await closedLoop(inFlight: 64, warmup: options.warmup, duration: options.duration) {
                _ = try await GetEmployeeBenchmark.echoCall(echoClient, payload)
            }
            queryRuns.append(queried.callsPerSecond ?? 0)
            echoRuns.append(echoed.callsPerSecond ?? 0)
            p50.append(queried.p50Microseconds ?? .nan)
            p99.append(queried.p99Microseconds ?? .nan)
            log("  HR portal query @64 run \(repeatIndex + 1)/\(options.repeats): \(Table.number(queried.callsPerSecond)) calls/s, echo \(Table.number(echoed.callsPerSecond))")
        }
        figures.append(Figure(key: "evaluation_hr_portal_query_64", label: "ListEvaluations by unit and predikat, a page of 50 (hr-portal) @64",
                              unit: "calls/s", ours: queryRuns, peerName: "echo", peer: echoRuns,
                              extra: [("p50_us", median(p50)), ("p99_us", median(p99)), ("response_bytes", Double(responseBytes))]))
        let notes = [
            "evaluation: \(work.count) evaluations (the seksi's \(population) synthetic employees and the bidang's demo staff), \(setup.reports) verified reports of \(setup.year); propose \(String(format: "%.1f", proposeSeconds)) s, finalise \(String(format: "%.1f", finaliseSeconds)) s; in-process \(String(format: "%.1f", peerPropose.seconds)) s + \(String(format: "%.1f", peerFinalise.seconds)) s",
            "evaluation: the HR portal's page is \(responseBytes) B; the echo sends \(responseBytes) B each way",
        ]
        return (figures, notes)
    }

    /// Signs in each distinct pejabat penilai of `evaluations` (a one-time password from HR, then a
    /// password of their own, as a person's first sign-in goes); their call options by rated NIP.
    static func penilaiSessions(of evaluations: [Evaluation.EmployeeEvaluation], identity: Identity.IdentityService.Client,
                                hr: CallOptions) async throws -> (byNIP: [String: CallOptions], penilai: Int) {
        let nips = evaluations.compactMap { $0.employee?.nip }
        var penilaiOf: [String: String] = [:]
        for offset in stride(from: 0, to: nips.count, by: 500) {
            let batch = Array(nips[offset..<min(offset + 500, nips.count)])
            for answer in try await identity.getPejabatPenilai(Identity.GetPejabatPenilaiRequest(nips: batch), options: hr).penilai {
                if let penilai = answer.penilai?.nip, !penilai.isEmpty { penilaiOf[answer.nip] = penilai }
            }
        }
        var signedIn: [String: CallOptions] = [:]
        for penilai in Set(penilaiOf.values).sorted() {
            let reset = try await identity.resetPassword(Identity.ResetPasswordRequest(nip: penilai, reason: "benchmark evaluasi"), options: hr)
            let first = try await identity.login(Identity.LoginRequest(nip: penilai, password: reset.oneTimePassword, clientName: "evaluation-benchmark"))
            let changed = try await identity.changePassword(Identity.ChangePasswordRequest(
                currentPassword: reset.oneTimePassword, newPassword: "Benchmark-evaluasi-\(penilai.suffix(6))-Kupang"),
                options: Peers.bearer(first.tokens?.accessToken ?? ""))
            signedIn[penilai] = Peers.bearer(changed.tokens?.accessToken ?? "", timeout: .seconds(120))
        }
        return (penilaiOf.compactMapValues { signedIn[$0] }, signedIn.count)
    }
}
