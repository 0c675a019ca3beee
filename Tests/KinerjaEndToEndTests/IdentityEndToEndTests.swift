import KinerjaASN
import KinerjaDemo
import Foundation
import KinerjaTestSupport
import GRDB
import KinerjaIdentity
import KinerjaProto
import KinerjaRPC
import KinerjaTLS
import Synchronization
import Testing

/// The real `kinerja-identity` and `kinerjactl` executables as processes, over real TLS.
@Suite("kinerja-identity and kinerjactl as real processes", .serialized)
struct IdentityEndToEndTests {
    func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "kinerja-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("a newcomer signs in with kinerjactl and lists the Kupang units and employees")
    func newcomer() async throws {
        let dir = try scratch()
        let identity = try await IdentityProcess.start(directory: dir)
        defer { identity.running.stop(); try? FileManager.default.removeItem(atPath: dir) }
        let nip = try IdentityProcess.persona("pengelola", in: dir)
        let login = try await identity.ctl(["login", "--nip", nip, "--password-stdin"], stdin: IdentityProcess.demoPassword + "\n")
        #expect(login.status == 0, "\(login.stderr)")
        #expect(login.stdout.contains("Signed in as"))
        let whoami = try await identity.ctl(["whoami", "--json"])
        #expect(whoami.status == 0)
        #expect(whoami.stdout.contains("\"principal\": \"\(nip)\""))
        let tree = try await identity.ctl(["units", "tree", "--depth", "1"])
        #expect(tree.stdout.contains("KPG.DUKCAPIL"))
        #expect(tree.stdout.contains("Kecamatan Oebobo"))
        let list = try await identity.ctl(["employees", "list", "--unit-code", "KPG.DUKCAPIL", "--subunits", "--all-pages"])
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").count > 10)
        // Bad input: one line, the status name, a non-zero exit.
        let missing = try await identity.ctl(["employees", "get", "199001012015031999"])
        #expect(missing.status != 0)
        #expect(missing.stderr.hasPrefix("error: NOT_FOUND: "))
        let denied = try await identity.ctl(["audit", "verify"])
        #expect(denied.stderr.hasPrefix("error: PERMISSION_DENIED: "))
        #expect(denied.status == 77)
        // The session file is readable only by its owner.
        let mode = try FileManager.default.attributesOfItem(atPath: "\(dir)/session.json")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("kinerjactl call: reflection lists the methods, health needs no session, a signed-in call carries the token; units by code")
    func callAndUnitCodes() async throws {
        let dir = try scratch()
        let identity = try await IdentityProcess.start(directory: dir)
        defer { identity.running.stop(); try? FileManager.default.removeItem(atPath: dir) }
        let list = try await identity.ctl(["call", "--list", "identity"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("kinerja.identity.v1.IdentityService"))
        let health = try await identity.ctl(["call", "kinerja.rpc.v1.HealthService/Check", "--service", "identity"])
        #expect(health.stdout.contains("\"status\": \"SERVING_STATUS_SERVING\""), "\(health.stderr)")
        let nip = try IdentityProcess.persona("pengelola", in: dir)
        #expect(try await identity.ctl(["login", "--nip", nip, "--password-stdin"], stdin: IdentityProcess.demoPassword + "\n").status == 0)
        let whoami = try await identity.ctl(["call", "identity/WhoAmI"])
        #expect(whoami.stdout.contains("\"principal\": \"\(nip)\""), "\(whoami.stderr)")
        let units = try await identity.ctl(["call", "IdentityService/ListUnits", "--json", #"{"query": "DUKCAPIL", "page": {"pageSize": 5}}"#])
        #expect(units.stdout.contains("\"code\": \"KPG.DUKCAPIL\""), "\(units.stderr)")
        let unknownField = try await identity.ctl(["call", "identity/ListUnits", "--json", #"{"qurey": "x"}"#])
        #expect(unknownField.status == 64)
        #expect(unknownField.stderr.contains("field qurey: unknown field"))
        let byCode = try await identity.ctl(["units", "get", "KPG.DUKCAPIL"])
        #expect(byCode.status == 0, "\(byCode.stderr)")
        #expect(byCode.stdout.contains("KPG.DUKCAPIL"))
        let noSuchCode = try await identity.ctl(["units", "get", "KPG.NOPE"])
        #expect(noSuchCode.stderr == "error: NOT_FOUND: no unit with code KPG.NOPE\n")
    }

    @Test("SIGKILL during a 10 000-row import: after restart every acknowledged row is there, integrity_check is ok, the audit chain verifies, and re-running completes the import")
    func killDuringImport() async throws {
        let dir = try scratch()
        var identity = try await IdentityProcess.start(directory: dir)
        defer { identity.running.stop(); try? FileManager.default.removeItem(atPath: dir) }
        let nip = try IdentityProcess.persona("pengelola", in: dir)
        #expect(try await identity.ctl(["login", "--nip", nip, "--password-stdin"], stdin: IdentityProcess.demoPassword + "\n").status == 0)

        let rows = KupangDemo(seed: 2026).syntheticEmployees(count: 10_000, unitCodes: ["KPG.DUKCAPIL", "KPG.DINKES", "KPG.KEC.OEBOBO"],
                                                             today: Wita.today(now: Date()))
        let csvPath = "\(dir)/employees.csv"
        try KupangDemo.csv(rows).write(toFile: csvPath, atomically: true, encoding: .utf8)
        let imported = Set(rows.map(\.employee.nip))
        let pki = try TestPKI.directory()
        let importer = try RunningProcess(
            executable: "\(Paths.bin)/kinerjactl",
            arguments: ["employees", "import", csvPath, "--chunk-size", "500", "--retries", "0", "--server", "127.0.0.1:\(identity.port)", "--pki", pki],
            environment: ["KINERJACTL_SESSION": "\(dir)/session.json"], directory: dir, name: "import")
        // Kill the service once some chunks are acknowledged and more are on their way.
        try await importer.waitFor("two acknowledged chunks") { $0.stderr.contains("1 000/10 000 rows acknowledged") }
        identity.running.signal(SIGKILL)
        let status = try await importer.waitForExit()
        #expect(status != 0)
        let acknowledged = importer.stderr.split(separator: "\n").compactMap { line -> Int? in
            guard line.hasSuffix("rows acknowledged"), let slash = line.firstIndex(of: "/") else { return nil }
            return Int(line[..<slash].replacingOccurrences(of: " ", with: ""))
        }.max() ?? 0
        #expect(acknowledged >= 1000)

        // Restarted where it was, as systemd would: same data, same address.
        identity = try await IdentityProcess.start(directory: dir, name: "identity-restarted", port: identity.port)
        let (present, check) = try identity.readStore { db in
            (try String.fetchAll(db, sql: "SELECT nip FROM employee").filter { imported.contains($0) }.count,
             try String.fetchAll(db, sql: "PRAGMA integrity_check"))
        }
        #expect(check == ["ok"])
        #expect(present >= acknowledged)
        #expect(present % 500 == 0, "a chunk is one transaction: all of its rows or none")
        let verify = try await runIdentity(["audit", "verify", "--config", identity.configPath])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.contains("audit chain intact"))

        // The same command again resumes: acknowledged chunks are replayed, the rest applied.
        let again = try await identity.ctl(["employees", "import", csvPath, "--chunk-size", "500"])
        #expect(again.status == 0, "\(again.stderr)")
        // It says what happened: the chunks already applied were not created again.
        func grouped(_ n: Int) -> String { n >= 1000 ? "\(n / 1000) \(String(format: "%03d", n % 1000))" : "\(n)" }
        #expect(again.stdout.contains("created \(grouped(10_000 - present))"), "\(again.stdout)")
        #expect(again.stdout.contains("already imported \(grouped(present))"), "\(again.stdout)")
        let total = try identity.readStore { db in try String.fetchAll(db, sql: "SELECT nip FROM employee").filter { imported.contains($0) }.count }
        #expect(total == 10_000)
    }

    @Test("SIGTERM during load drains: every call that was started succeeds and the service exits 0 with a clean store")
    func drainUnderLoad() async throws {
        let dir = try scratch()
        let identity = try await IdentityProcess.start(directory: dir)
        defer { identity.running.stop(); try? FileManager.default.removeItem(atPath: dir) }
        let pki = try TestPKI.directory()
        let tls = try TLSContext(configuration: TLSConfiguration(certificateChainFile: "\(pki)/service/planning.pem",
                                                                 privateKeyFile: "\(pki)/service/planning.key", trustRootsFile: "\(pki)/ca.pem"))
        var configuration = ClientConfiguration(host: "127.0.0.1", port: identity.port, serverIdentity: try PeerIdentity(kind: .service, name: "identity"), tls: tls)
        configuration.connections = 2
        let client = RPCClient(configuration: configuration)
        let identityClient = Identity.IdentityService.Client(transport: client)
        let nip = try IdentityProcess.persona("pegawai", in: dir)
        let counts = Counts()
        let workers = (0..<16).map { _ in
            Task {
                while !Task.isCancelled {
                    do {
                        _ = try await identityClient.getEmployee(Identity.GetEmployeeRequest(nip: nip))
                        counts.ok()
                    } catch let error as RPCError where error.code == .unavailable {
                        counts.refused()  // not started: the server had stopped accepting
                        return
                    } catch {
                        counts.failed("\(error)")
                        return
                    }
                }
            }
        }
        while counts.okCount < 500 { try await Task.sleep(for: .milliseconds(20)) }
        identity.running.signal(SIGTERM)
        for worker in workers { await worker.value }
        await client.close()
        let status = try await identity.running.waitForExit()
        #expect(status == 0)
        #expect(counts.failures.isEmpty, "failed calls: \(counts.failures.prefix(5))")
        #expect(counts.okCount >= 500)
        #expect(identity.running.stderr.contains("drained"))
        #expect(identity.running.stderr.contains("store closed"))
        let check = try identity.readStore { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(check == ["ok"])
    }

    @Test("backup writes a verified copy; check-config names a bad key and exits 78")
    func operatorCommands() async throws {
        let dir = try scratch()
        let identity = try await IdentityProcess.start(directory: dir)
        defer { identity.running.stop(); try? FileManager.default.removeItem(atPath: dir) }
        let backup = try await runIdentity(["backup", "--config", identity.configPath, "--output", "\(dir)/backup/identity.sqlite"])
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdout.contains("integrity ok"))
        let copy = try DatabaseQueue(path: "\(dir)/backup/identity.sqlite")
        let employees = try await copy.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM employee") ?? 0 }
        #expect(employees >= 600)
        let bad = "\(dir)/bad.json"
        try String(contentsOfFile: identity.configPath, encoding: .utf8).replacingOccurrences(of: "\"listen\": {", with: "\"listen\": { \"hots\": \"x\",")
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let checked = try await runIdentity(["check-config", "--config", bad])
        #expect(checked.status == 78)
        #expect(checked.stderr.contains("listen.hots"))
    }

    @Test("SIGHUP reloads the certificates without dropping the service; the logs carry no NIP, password or token")
    func reloadAndLogPrivacy() async throws {
        let dir = try scratch()
        let identity = try await IdentityProcess.start(directory: dir)
        defer { identity.running.stop(); try? FileManager.default.removeItem(atPath: dir) }
        let nip = try IdentityProcess.persona("pengelola", in: dir)
        #expect(try await identity.ctl(["login", "--nip", nip, "--password-stdin"], stdin: IdentityProcess.demoPassword + "\n").status == 0)
        identity.running.signal(SIGHUP)
        try await identity.running.waitFor("the reload line") { $0.stderr.contains("certificates reloaded") }
        let after = try await identity.ctl(["whoami", "--json"])
        #expect(after.status == 0, "\(after.stderr)")
        let session = try String(contentsOfFile: "\(dir)/session.json", encoding: .utf8)
        // Call lines are written in batches within 5 ms (docs/OPERATIONS.md, "Logs").
        try await identity.running.waitFor("the WhoAmI call line") { $0.stderr.contains("IdentityService/WhoAmI") }
        let log = identity.running.stderr
        #expect(log.contains("\"method\":\"/kinerja.identity.v1.IdentityService/Login\""))
        #expect(log.contains("\"principal\":\"user:"))
        #expect(!log.contains(nip), "a NIP in the log")
        #expect(!log.contains(IdentityProcess.demoPassword), "a password in the log")
        if let token = session.split(separator: "\"").first(where: { $0.count > 200 }) {
            #expect(!log.contains(String(token.prefix(60))), "a token in the log")
        }
    }

    func runIdentity(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let process = try RunningProcess(executable: "\(Paths.bin)/kinerja-identity", arguments: arguments, directory: dir, name: "cmd")
        let status = try await process.waitForExit()
        return (status, process.stdout, process.stderr)
    }
}

/// Call outcomes counted across tasks.
final class Counts: Sendable {
    private let state = Mutex<(ok: Int, refused: Int, failures: [String])>((0, 0, []))
    var okCount: Int { state.withLock { $0.ok } }
    var failures: [String] { state.withLock { $0.failures } }
    func ok() { state.withLock { $0.ok += 1 } }
    func refused() { state.withLock { $0.refused += 1 } }
    func failed(_ text: String) { state.withLock { $0.failures.append(text) } }
}
