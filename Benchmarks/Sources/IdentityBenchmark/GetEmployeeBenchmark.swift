import BenchSupport
import Foundation
import GRDB
import KinerjaProto
import KinerjaRPC
import RPCBenchEcho
#if canImport(Glibc)
import Glibc
#endif

/// GetEmployee over mutual TLS against the plain echo (RPCBenchServer) of the same run.
///
/// - user: the `atasan` persona's bearer token reads their bawahan `pegawai`: token verification
///   (cached after the first call, as in production), the session gate, the atasan relationship,
///   and the employee, unit and atasan reads; client certificate hr-portal.
/// - service: the planning service's certificate, no token (any service may read employees).
/// - echo: RPCBenchServer, hr-portal certificate, request = response = the GetEmployee response size.
/// - echo + SQL (the goal's peer): the same echo doing GetEmployee's SQLite reads on every call
///   (RPCBenchServer `--sql-store`, GetEmployeeSQL on a copy of identity's store, one read).
enum GetEmployeeBenchmark {
    static func run(_ options: Options) async throws -> (figures: [Figure], notes: [String]) {
        log("==> getemployee: starting kinerja-identity (demo seed \(IdentityServer.seed)) and RPCBenchServer")
        let identity = try await IdentityServer.start(options)
        let echo = try ChildProcess(name: "echo", executable: "\(options.bin)/RPCBenchServer",
                                    arguments: ["--host", "127.0.0.1", "--port", String(options.echoPort), "--pki", options.pki],
                                    directory: identity.directory)
        do {
            try await echo.waitForPort(options.echoPort)
            let result = try await measure(options, identity: identity, echo: echo)
            await echo.stop()
            await identity.stop(keep: options.keep)
            return result
        } catch {
            await echo.stop()
            await identity.stop(keep: true)
            log("identity log kept in \(identity.directory)")
            throw error
        }
    }

    private static func measure(_ options: Options, identity: IdentityServer, echo: ChildProcess) async throws -> (figures: [Figure], notes: [String]) {
        let userClient = try identity.client(options, certificate: "client/hr-portal")
        let serviceClient = try identity.client(options, certificate: "service/planning")
        let echoClient = try Peers.client(options, port: options.echoPort, certificate: "client/hr-portal")
        defer { Task { await userClient.close(); await serviceClient.close(); await echoClient.close() } }

        let token = try await identity.signIn("atasan", with: userClient)
        let target = try identity.nip("pegawai")
        let user = Identity.IdentityService.Client(transport: userClient)
        let service = Identity.IdentityService.Client(transport: serviceClient)
        let userOptions = Peers.bearer(token)
        let request = Identity.GetEmployeeRequest(nip: target)

        // Correctness and sizes, before the clock.
        let asUser = try await user.getEmployee(request, options: userOptions)
        let asService = try await service.getEmployee(request)
        guard asUser.employee?.nip == target, asService.employee?.nip == target, asUser.atasan != nil else {
            throw BenchFailure("GetEmployee did not return \(target) with its atasan")
        }
        let responseBytes = try asUser.serializedBytes().count
        let requestBytes = try request.serializedBytes().count
        let payload = [UInt8](repeating: 0x6B, count: responseBytes)
        let echoed = try await echoCall(echoClient, payload)
        guard echoed == responseBytes else { throw BenchFailure("short echo") }
        log("  GetEmployee request \(requestBytes) B + bearer token \(token.utf8.count) characters; response \(responseBytes) B; echo \(responseBytes) B each way")

        // The goal's peer: the echo doing the same SQLite reads per call, on a copy of the store
        // made now (the atasan's session is in it).
        let atasanNIP = try identity.nip("atasan")
        let copy = "\(identity.directory)/copy.sqlite"
        let source = try DatabaseQueue(path: identity.databasePath, configuration: { var c = Configuration(); c.readonly = true; return c }())
        let sessionID = try source.inDatabase { db in
            try db.execute(sql: "VACUUM INTO ?", arguments: [copy])
            return try String.fetchOne(db, sql: "SELECT session_id FROM session WHERE nip = ? ORDER BY created_at DESC", arguments: [atasanNIP]) ?? ""
        }
        try source.close()
        let sqlPort = options.echoPort + 1
        let sqlEcho = try ChildProcess(name: "echo-sql", executable: "\(options.bin)/RPCBenchServer",
                                       arguments: ["--host", "127.0.0.1", "--port", String(sqlPort), "--pki", options.pki,
                                                   "--sql-store", copy, "--sql-session", sessionID, "--sql-user", atasanNIP, "--sql-target", target],
                                       directory: identity.directory)
        defer { Task { await sqlEcho.stop() } }
        try await sqlEcho.waitForPort(sqlPort)
        let sqlClient = try Peers.client(options, port: sqlPort, certificate: "client/hr-portal")
        defer { Task { await sqlClient.close() } }
        guard try await echoCall(sqlClient, payload) == responseBytes else { throw BenchFailure("short echo from the SQL-reading echo") }

        var figures: [Figure] = []
        for inFlight in options.inFlight {
            var userRuns: [BenchResult] = [], serviceRuns: [BenchResult] = [], echoRuns: [BenchResult] = [], sqlRuns: [BenchResult] = []
            var userCPU: [Double] = [], serviceCPU: [Double] = [], echoCPU: [Double] = [], sqlCPU: [Double] = []
            for repeatIndex in 0..<options.repeats {
                func timed(_ server: ChildProcess, _ call: @escaping @Sendable () async throws -> Void) async throws -> (BenchResult, Double) {
                    let cpu0 = server.cpuSeconds() ?? 0
                    let result = try await closedLoop(inFlight: inFlight, warmup: options.warmup, duration: options.duration, call)
                    let cpu = (server.cpuSeconds() ?? 0) - cpu0
                    // Server CPU per call over warm-up and window together (µs).
                    let calls = (result.callsPerSecond ?? 0) * (options.duration + options.warmup)
                    return (result, calls > 0 ? cpu / calls * 1e6 : .nan)
                }
                let (u, uc) = try await timed(identity.child) {
                    let response = try await user.getEmployee(request, options: userOptions)
                    precondition(response.employee != nil)
                }
                let (s, sc) = try await timed(identity.child) {
                    let response = try await service.getEmployee(request)
                    precondition(response.employee != nil)
                }
                let (e, ec) = try await timed(echo) {
                    let count = try await echoCall(echoClient, payload)
                    precondition(count == responseBytes, "short echo")
                }
                let (q, qc) = try await timed(sqlEcho) {
                    let count = try await echoCall(sqlClient, payload)
                    precondition(count == responseBytes, "short echo")
                }
                userRuns.append(u); serviceRuns.append(s); echoRuns.append(e); sqlRuns.append(q)
                userCPU.append(uc); serviceCPU.append(sc); echoCPU.append(ec); sqlCPU.append(qc)
                log("  @\(inFlight) run \(repeatIndex + 1)/\(options.repeats): user \(Table.number(u.callsPerSecond)) calls/s, "
                    + "service \(Table.number(s.callsPerSecond)), echo + SQL \(Table.number(q.callsPerSecond)), echo \(Table.number(e.callsPerSecond))")
            }
            func figure(_ kind: String, _ label: String, _ runs: [BenchResult], _ cpu: [Double],
                        peerName: String, _ peerRuns: [BenchResult], _ peerCPU: [Double], goal: Figure.Goal) -> Figure {
                Figure(key: "getemployee_\(kind)_\(inFlight)", label: "GetEmployee \(label) @\(inFlight)", unit: "calls/s",
                       ours: runs.compactMap(\.callsPerSecond), peerName: peerName, peer: peerRuns.compactMap(\.callsPerSecond),
                       goal: goal,
                       extra: [("p50_us", median(runs.compactMap(\.p50Microseconds))), ("p99_us", median(runs.compactMap(\.p99Microseconds))),
                               ("peer_p50_us", median(peerRuns.compactMap(\.p50Microseconds))),
                               ("peer_p99_us", median(peerRuns.compactMap(\.p99Microseconds))),
                               ("server_cpu_us_per_call", median(cpu)), ("peer_server_cpu_us_per_call", median(peerCPU))])
            }
            let goal: Figure.Goal = inFlight == 64 ? .ratioAtLeast(0.7) : .none
            figures.append(figure("user", "as user (atasan token)", userRuns, userCPU, peerName: "echo + the same SQL", sqlRuns, sqlCPU, goal: goal))
            figures.append(figure("service", "as service (planning cert)", serviceRuns, serviceCPU, peerName: "echo + the same SQL", sqlRuns, sqlCPU, goal: goal))
            figures.append(figure("sqlecho", "peer: echo + GetEmployee's SQL", sqlRuns, sqlCPU, peerName: "bare echo", echoRuns, echoCPU, goal: .none))
        }
        let rss = identity.child.statusKiB("VmHWM").map { Double($0) / 1024 }
        // The SQL of one GetEmployee as a user, on the copy (diagnostic).
        let sql = try await SQLCost.measure(storeCopy: copy, target: target, atasanNIP: atasanNIP, seconds: min(options.duration, 3))
        log(String(format: "  GetEmployee's SQL in-process: %.0f µs per call in three reads as the service runs it, %.0f µs in one read", sql.threeReads, sql.oneRead))
        figures.append(Figure(key: "getemployee_sql_us", label: "GetEmployee's SQL in-process, three reads (diagnostic)", unit: "µs/call",
                              ours: [sql.threeReads], peerName: "one read", peer: [sql.oneRead]))
        let notes = [
            "getemployee: request \(requestBytes) B + a \(token.utf8.count)-character bearer token, response \(responseBytes) B; the echo sends \(responseBytes) B each way; one TLS connection per client; identity log level \(options.identityLogLevel) (one JSON line per call)",
            "getemployee: identity's peak RSS (VmHWM) during the runs \(Table.number(rss, digits: 1)) MiB",
        ]
        return (figures, notes)
    }

    static func echoCall(_ client: RPCClient, _ payload: [UInt8]) async throws -> Int {
        try await client.call(BenchEcho.unary, options: .defaults, request: payload) { responses in
            var count = 0
            for try await message in responses { count = message.count }
            return count
        }
    }
}
