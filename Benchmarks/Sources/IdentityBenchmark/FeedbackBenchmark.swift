import BenchSupport
import Foundation
import GRDB
import KinerjaASN
import KinerjaDemo
import KinerjaFeedback
import KinerjaIdentityClient
import KinerjaProto
import KinerjaRPC
import KinerjaStore
import KinerjaTLS
import RPCBenchEcho

/// Feedback (issue 13): citizen ratings submitted concurrently (64 in flight) through the kiosk,
/// against the plain RPC echo of the same run with the same request size; and a unit's 2 000
/// behaviour summaries streamed to the evaluation service, against the same aggregation run
/// in-process over GRDB (`BehaviourSummaryReader`, the code the handler runs) on the same store.
///
/// Setup: the release kinerja-identity with the demo organisation and 2 000 synthetic employees in
/// one seksi under the demo `atasan` persona; a feedback store written straight with a closed
/// annual round over that seksi (self, the atasan and three rekan kerja per subject, four of five
/// answered) and 40 000 tickets issued an hour ago; the release kinerja-planning (empty) and
/// kinerja-feedback on that store; RPCBenchServer for the echo.
enum FeedbackBenchmark {
    static let population = 2_000
    static let tickets = 40_000

    static func run(_ options: Options) async throws -> (figures: [Figure], notes: [String]) {
        log("==> feedback: kinerja-identity with \(population) extra employees, a closed round over them, \(tickets) tickets, kinerja-planning, kinerja-feedback")
        let identity = try await IdentityServer.start(options, name: "identity-for-feedback")
        var children: [ChildProcess] = []
        do {
            let setup = try await prepare(options, identity: identity)
            let planning = try await start(options, "planning", identity: identity, planningPort: nil, store: "\(identity.directory)/planning/planning.sqlite")
            children.append(planning)
            let feedback = try await start(options, "feedback", identity: identity, planningPort: try port(of: planning), store: setup.storePath)
            children.append(feedback)
            let echo = try ChildProcess(name: "echo", executable: "\(options.bin)/RPCBenchServer",
                                        arguments: ["--host", "127.0.0.1", "--port", String(options.echoPort), "--pki", options.pki], directory: identity.directory)
            children.append(echo)
            try await echo.waitForPort(options.echoPort)
            let result = try await measure(options, setup: setup, feedback: feedback, echo: echo)
            for child in children.reversed() { await child.stop() }
            await identity.stop(keep: options.keep)
            return result
        } catch {
            for child in children.reversed() { await child.stop() }
            await identity.stop(keep: true)
            log("identity, planning and feedback logs kept in \(identity.directory)")
            throw error
        }
    }

    struct Setup {
        var storePath: String
        var unitID: String
        var members: [Identity.Employee]
        var codes: [String]
        var period: Common.Period
        var secret: [UInt8]
        /// Units serving the public at a counter (the handler's `publicServicePoints`).
        var counters: Set<String>
    }

    static func prepare(_ options: Options, identity: IdentityServer) async throws -> Setup {
        let client = try identity.client(options, certificate: "client/hr-portal")
        defer { Task { await client.close() } }
        let hr = try await identity.signIn("pengelola", with: client)
        let atasan = try identity.nip("atasan")
        let today = Wita.today(now: Date())
        let unitCode = "KPG.DUKCAPIL.DAFDUK.IDENTITAS"
        let people = KupangDemo(seed: IdentityServer.seed).syntheticEmployees(count: population, unitCodes: [unitCode], today: today)
        let api = Identity.IdentityService.Client(transport: client)
        let report = try await api.importEmployees(options: Peers.bearer(hr, timeout: .seconds(300))) { writer in
            try await writer.write(Identity.ImportEmployeesRequest(item: .options(.init(sourceName: "feedback-benchmark"))))
            for (index, person) in people.enumerated() {
                var row = person.importRow
                row.rowNumber = UInt32(index + 2)
                row.atasanNIP = atasan
                row.employee?.status = .aktif
                try await writer.write(Identity.ImportEmployeesRequest(item: .row(row)))
            }
        }
        guard report.acceptedRows == UInt32(population) else { throw BenchFailure("identity accepted \(report.acceptedRows) of \(population) employees") }
        guard let unitID = try await api.listUnits(Identity.ListUnitsRequest(query: unitCode), options: Peers.bearer(hr)).units.first(where: { $0.code == unitCode })?.unitID else {
            throw BenchFailure("no unit \(unitCode)")
        }
        // The unit's members and the public counters as the handler sees them (LiveIdentityDirectory,
        // with the feedback service's certificate).
        let serviceClient = try identity.client(options, certificate: "service/feedback")
        defer { Task { await serviceClient.close() } }
        let identityDirectory = LiveIdentityDirectory(client: Identity.IdentityService.Client(transport: serviceClient))
        let members = try await identityDirectory.members(of: unitID, includeSubunits: false)
        let counters = Set(try await identityDirectory.unitTree().all.filter(\.publicServicePoint).map(\.unitID))
        guard members.count >= population else { throw BenchFailure("identity lists \(members.count) employees in the unit") }

        // The feedback store, written straight: a closed round and the tickets.
        let directory = "\(identity.directory)/feedback"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let secret = [UInt8]((0..<32).map { UInt8($0 * 7 + 3) })
        try Data(secret).write(to: URL(fileURLWithPath: "\(directory)/feedback-pseudonym.secret"))
        chmod("\(directory)/feedback-pseudonym.secret", 0o600)
        let storePath = "\(directory)/feedback.sqlite"
        let store = try Store(configuration: StoreConfiguration(path: storePath), migrations: FeedbackSchema.migrations)
        let period = Common.Period(year: today.year, kind: .annual)
        let now = Int64(Date().timeIntervalSince1970)
        var random = SeededRandom(seed: 13)
        let round = Feedback.AssessmentRound(roundID: "BENCHROUND0000000000000001", unit: Common.UnitScope(unitID: unitID), period: period, state: .closed,
                                             deadline: Common.Timestamp(seconds: now - 3600, nanos: 0), peersPerSubject: 3, includeSelf: true,
                                             anonymityThreshold: 3, opened: Common.AuditStamp(principal: "system", principalKind: .system,
                                                                                              at: Common.Timestamp(seconds: now - 86_400, nanos: 0)))
        var assignments: [Feedback.AssessmentAssignment] = []
        var answers: [Feedback.BehaviourAssessment] = []
        let values: [Common.BerakhlakValue] = [.berorientasiPelayanan, .akuntabel, .kompeten, .harmonis, .loyal, .adaptif, .kolaboratif]
        for (index, member) in members.enumerated() {
            let peers = (1...3).map { members[(index + $0 * 97) % members.count].nip }
            let raters: [(String, Feedback.RaterRelation)] = [(member.nip, .selfAssessment), (atasan, .atasan)] + peers.map { ($0, .rekanKerja) }
            for (number, (rater, relation)) in raters.enumerated() {
                let answered = number < 4
                let assignment = Feedback.AssessmentAssignment(
                    assignmentID: String(format: "BENCHASG%014d%02d", index, number), roundID: round.roundID, raterNIP: rater,
                    subject: member.reference, relation: relation, state: answered ? .submitted : .expired, dueAt: round.deadline, period: period)
                assignments.append(assignment)
                guard answered else { continue }
                answers.append(Feedback.BehaviourAssessment(
                    assessmentID: String(format: "BENCHANS%014d%02d", index, number), assignmentID: assignment.assignmentID, subjectNIP: member.nip,
                    relation: relation, scores: values.map { Feedback.ValueScore(value: $0, score: UInt32(random.int(in: 2...4))) },
                    overallComment: number == 2 ? "Rekan yang dapat diandalkan" : "",
                    submitted: Common.AuditStamp(principal: "rater:0000000000000000", principalKind: .user, at: Common.Timestamp(seconds: now - 7200, nanos: 0))))
            }
        }
        var issued: [(Feedback.ServiceTicket, code: String)] = []
        for index in 0..<tickets {
            let code = TicketCode.generate()
            let at = Common.Timestamp(seconds: now - 3600, nanos: 0)
            issued.append((Feedback.ServiceTicket(ticketCode: code.display, unitID: unitID, servedByNIP: members[index % members.count].nip,
                                                  serviceName: "Penerbitan KTP-el", counterName: "Loket \(1 + index % 4)", issuedAt: at,
                                                  expiresAt: Common.Timestamp(seconds: at.seconds + 7 * 86_400, nanos: 0), state: .issued,
                                                  issued: Common.AuditStamp(principal: "spiffe://kinerja.kupangkota.go.id/client/citizen-kiosk",
                                                                            principalKind: .machineClient, at: at)), code.canonical))
        }
        try await FeedbackBulkLoader.insert(rounds: [round], assignments: assignments, assessments: answers, tickets: issued, into: store)
        try store.close()
        return Setup(storePath: storePath, unitID: unitID, members: members, codes: issued.map(\.0.ticketCode), period: period, secret: secret,
                     counters: counters)
    }

    static func start(_ options: Options, _ name: String, identity: IdentityServer, planningPort: Int?, store: String) async throws -> ChildProcess {
        let pki = options.pki
        var peers = "\"identity\": { \"address\": \"127.0.0.1:\(identity.port)\", \"identity\": \"spiffe://kinerja.kupangkota.go.id/service/identity\" }"
        if let planningPort {
            peers += ", \"planning\": { \"address\": \"127.0.0.1:\(planningPort)\", \"identity\": \"spiffe://kinerja.kupangkota.go.id/service/planning\" }"
        }
        let section = name == "feedback" ? "\"feedback\": { \"kiosks\": { \"citizen-kiosk\": [\"KPG.DUKCAPIL\"] } }" : "\"planning\": {}"
        let json = """
            {
              "listen": { "host": "127.0.0.1", "port": 0 },
              "store": { "path": "\(store)" },
              "tls": { "certificate": "\(pki)/service/\(name).pem", "private_key": "\(pki)/service/\(name).key", "trust_roots": "\(pki)/ca.pem" },
              "peers": { \(peers) },
              "log": { "level": "\(options.identityLogLevel)", "format": "json" },
              \(section)
            }
            """
        try json.write(toFile: "\(identity.directory)/\(name).json", atomically: true, encoding: .utf8)
        let child = try ChildProcess(name: name, executable: "\(options.bin)/kinerja-\(name)",
                                     arguments: ["serve", "--config", "\(identity.directory)/\(name).json"], directory: identity.directory)
        try await child.waitForOutput("\"listening on\"") { $0.contains("listening on ") }
        return child
    }

    static func port(of child: ChildProcess) throws -> Int {
        guard let line = child.stdout.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }),
              let port = Int(line.split(separator: ":").last ?? "") else { throw BenchFailure("\(child) printed no port") }
        return port
    }

    /// A client of the service `service` (feedback by default) on `port`, presenting `certificate`.
    static func client(_ options: Options, port: Int, certificate: String, service: String = "feedback") throws -> RPCClient {
        let tls = try TLSContext(configuration: TLSConfiguration(
            certificateChainFile: "\(options.pki)/\(certificate).pem", privateKeyFile: "\(options.pki)/\(certificate).key",
            trustRootsFile: "\(options.pki)/ca.pem"))
        return RPCClient(configuration: ClientConfiguration(host: "127.0.0.1", port: port,
                                                            serverIdentity: try PeerIdentity(kind: .service, name: service), tls: tls))
    }

    static func measure(_ options: Options, setup: Setup, feedback: ChildProcess, echo: ChildProcess) async throws -> (figures: [Figure], notes: [String]) {
        let feedbackPort = try port(of: feedback)
        let kioskClient = try client(options, port: feedbackPort, certificate: "client/citizen-kiosk")
        let evaluationClient = try client(options, port: feedbackPort, certificate: "service/evaluation")
        let echoClient = try Peers.client(options, port: options.echoPort, certificate: "client/hr-portal")
        defer { Task { await kioskClient.close(); await evaluationClient.close(); await echoClient.close() } }
        let kiosk = Feedback.FeedbackService.Client(transport: kioskClient)
        let evaluation = Feedback.FeedbackService.Client(transport: evaluationClient)

        // Ratings: each call rates a ticket of its own, as citizens at the kiosk do.
        // Each rating comes from its own citizen's address, as through a public rating page: the
        // per-address guess limit (a burst of 10) then sees one citizen, not 64 calls of one kiosk.
        var draft = Feedback.SubmitCitizenRatingRequest(ticketCode: setup.codes[0], score: 5, comment: "Pelayanan cepat",
                                                        skmAnswers: [Feedback.SkmUnsur.persyaratan, .sistemMekanismeProsedur, .waktuPenyelesaian,
                                                                     .biayaTarif, .produkSpesifikasi, .kompetensiPelaksana, .perilakuPelaksana,
                                                                     .penangananPengaduan, .saranaPrasarana].map { Feedback.SkmAnswer(unsur: $0, score: 4) })
        draft.clientAddress = "10.20.255.255"
        let sample = draft
        let requestBytes = try sample.serializedBytes().count
        let payload = [UInt8](repeating: 0x6B, count: requestBytes)
        let codes = setup.codes
        let next = Counter()
        let echoCalls = Counter()
        var ratingRuns: [Double] = [], echoRuns: [Double] = [], ratingP50: [Double] = [], ratingP99: [Double] = []
        var ratingCPU: [Double] = [], echoCPU: [Double] = []
        for repeatIndex in 0..<options.repeats {
            // Server CPU per call (warm-up included), from /proc/PID/stat.
            let (feedbackBefore, ratedBefore) = (feedback.cpuSeconds() ?? .nan, next.value)
            let rated = try await closedLoop(inFlight: 64, warmup: options.warmup, duration: options.duration) {
                let index = next.increment() - 1
                guard index < codes.count else { throw BenchFailure("out of tickets: raise FeedbackBenchmark.tickets") }
                var request = sample
                request.ticketCode = codes[index]
                request.score = UInt32(1 + index % 5)
                request.clientAddress = "10.20.\(index / 256 % 256).\(index % 256)"
                _ = try await kiosk.submitCitizenRating(request)
            }
            ratingCPU.append(((feedback.cpuSeconds() ?? .nan) - feedbackBefore) * 1e6 / Double(max(next.value - ratedBefore, 1)))
            let (echoBefore, echoedBefore) = (echo.cpuSeconds() ?? .nan, echoCalls.value)
            let echoed = try await closedLoop(inFlight: 64, warmup: options.warmup, duration: options.duration) {
                _ = echoCalls.increment()
                _ = try await GetEmployeeBenchmark.echoCall(echoClient, payload)
            }
            echoCPU.append(((echo.cpuSeconds() ?? .nan) - echoBefore) * 1e6 / Double(max(echoCalls.value - echoedBefore, 1)))
            ratingRuns.append(rated.callsPerSecond ?? 0)
            echoRuns.append(echoed.callsPerSecond ?? 0)
            ratingP50.append(rated.p50Microseconds ?? .nan)
            ratingP99.append(rated.p99Microseconds ?? .nan)
            log("  ratings @64 run \(repeatIndex + 1)/\(options.repeats): \(Table.number(rated.callsPerSecond)) ratings/s, echo \(Table.number(echoed.callsPerSecond))")
        }
        // The storage bound of a service that commits every call: 64 tasks each committing one small
        // row per transaction on a fresh store of the same settings (WAL, synchronous=FULL, one writer).
        let commits = try await commitRate(inFlight: 64, seconds: min(options.duration, 5), keep: options.keep)
        log("  GRDB commits of one row, 64 in flight: \(Table.number(commits))/s")
        var figures = [Figure(key: "feedback_ratings_64", label: "SubmitCitizenRating @64 (kiosk, a new ticket each)", unit: "calls/s",
                              ours: ratingRuns, peerName: "echo", peer: echoRuns,
                              extra: [("p50_us", median(ratingP50)), ("p99_us", median(ratingP99)),
                                      ("server_cpu_us_per_call", median(ratingCPU)), ("echo_server_cpu_us_per_call", median(echoCPU)),
                                      ("grdb_commits_per_s", commits)])]

        // Summaries: the unit's 2 000 behaviour summaries to the evaluation service, against the same read in-process.
        let request = Feedback.StreamBehaviourSummariesRequest(unit: Common.UnitScope(unitID: setup.unitID), period: setup.period)
        func streamOnce() async throws -> (rows: Int, seconds: Double) {
            let start = ContinuousClock.now
            let rows = try await evaluation.streamBehaviourSummaries(request, options: CallOptions(timeout: .seconds(300))) { responses in
                var rows = 0
                for try await response in responses where response.summary?.groups.isEmpty == false { rows += 1 }
                return rows
            }
            return (rows, (ContinuousClock.now - start).seconds)
        }
        let peerStore = try Store(configuration: StoreConfiguration(path: setup.storePath), migrations: FeedbackSchema.migrations)
        let members = setup.members
        func readOnce() async throws -> (rows: Int, seconds: Double) {
            let start = ContinuousClock.now
            let summaries = try await BehaviourSummaryReader.summaries(of: members, period: setup.period, publicServicePoints: setup.counters,
                                                                       store: peerStore, secret: setup.secret,
                                                                       now: Common.Timestamp(seconds: Int64(Date().timeIntervalSince1970), nanos: 0))
            return (summaries.filter { !$0.groups.isEmpty }.count, (ContinuousClock.now - start).seconds)
        }
        let warm = try await streamOnce()
        guard warm.rows >= population else { throw BenchFailure("StreamBehaviourSummaries returned \(warm.rows) summaries with a round") }
        _ = try await readOnce()
        var ours: [Double] = [], peer: [Double] = []
        for _ in 0..<options.repeats {
            let rpc = try await streamOnce()
            ours.append(Double(rpc.rows) / rpc.seconds)
            let local = try await readOnce()
            peer.append(Double(local.rows) / local.seconds)
        }
        try peerStore.close()
        figures.append(Figure(key: "feedback_stream_summaries", label: "StreamBehaviourSummaries, unit of \(warm.rows)", unit: "summaries/s",
                              ours: ours, peerName: "BehaviourSummaryReader in-process", peer: peer, goal: .ratioAtLeast(0.5)))
        let notes = [
            "feedback: a rating request is \(requestBytes) B (comment and the nine SKM answers); the echo sends \(requestBytes) B each way; each rating is one write transaction (ticket, rating, outlier neighbours, audit entry) with synchronous=FULL",
            "feedback: \(warm.rows) summaries per stream, each from 4 answers of 5 assignments and the citizen ratings of the run above",
        ]
        return (figures, notes)
    }

    /// Write transactions per second, each inserting one 100-byte row, `inFlight` tasks at a time
    /// for `seconds`, on a fresh ``Store`` in a temporary folder.
    static func commitRate(inFlight: Int, seconds: Double, keep: Bool) async throws -> Double {
        let directory = NSTemporaryDirectory() + "kinerja-commit-rate-\(UUID().uuidString.prefix(8))"
        defer { if !keep { try? FileManager.default.removeItem(atPath: directory) } }
        let store = try Store(configuration: StoreConfiguration(path: "\(directory)/commits.sqlite"), migrations: [
            Migration("bench.v1") { db in try db.execute(sql: "CREATE TABLE row (id INTEGER PRIMARY KEY, body BLOB NOT NULL)") },
        ])
        let body = Data(repeating: 0x6B, count: 100)
        let until = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        let count = Counter()
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<inFlight {
                group.addTask {
                    while ContinuousClock.now < until {
                        try await store.pool.write { db in try db.execute(sql: "INSERT INTO row (body) VALUES (?)", arguments: [body]) }
                        _ = count.increment()
                    }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = (ContinuousClock.now - start).seconds
        try store.close()
        return Double(count.value) / elapsed
    }
}
