import Foundation
import KinerjaTestSupport
import GRDB

/// `kinerja-reporting` as a real process beside an ``IdentityProcess`` and a ``PlanningProcess``.
final class ReportingProcess: Sendable {
    let directory: String
    let configPath: String
    let databasePath: String
    let evidencePath: String
    let running: RunningProcess
    let port: Int

    /// Starts (or restarts, on the same directory) reporting, pointed at identity and planning.
    static func start(directory: String, identity: IdentityProcess, planning: PlanningProcess, demo: Bool, name: String = "reporting",
                      port: Int? = nil) async throws -> ReportingProcess {
        let pki = try TestPKI.directory()
        let configPath = "\(directory)/reporting.json"
        let databasePath = "\(directory)/rdata/reporting.sqlite"
        if !FileManager.default.fileExists(atPath: configPath) {
            let json = """
                {
                  "listen": { "host": "127.0.0.1", "port": 0 },
                  "store": { "path": "\(databasePath)" },
                  "tls": { "certificate": "\(pki)/service/reporting.pem", "private_key": "\(pki)/service/reporting.key", "trust_roots": "\(pki)/ca.pem" },
                  "peers": { "identity": { "address": "127.0.0.1:\(identity.port)", "identity": "spiffe://kinerja.kupangkota.go.id/service/identity" },
                             "planning": { "address": "127.0.0.1:\(planning.port)", "identity": "spiffe://kinerja.kupangkota.go.id/service/planning" } },
                  "log": { "level": "info", "format": "json" },
                  "reporting": { \(demo ? "\"demo_seed\": 2026, " : "")"bulk_clients": { "siak-dukcapil": "KPG.DUKCAPIL" } }
                }
                """
            try json.write(toFile: configPath, atomically: true, encoding: .utf8)
        }
        let running = try RunningProcess(executable: "\(Paths.bin)/kinerja-reporting", arguments: ["serve", "--config", configPath],
                                         environment: ["KINERJA_LISTEN__PORT": String(port ?? 0)], directory: directory, name: name)
        try await running.waitFor("\"listening on\"", seconds: 300) { $0.stdout.contains("listening on ") }
        guard let line = running.stdout.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }),
              let port = Int(line.split(separator: ":").last ?? "") else {
            running.stop()
            throw EndToEndFailure("no port in: \(running.stdout)")
        }
        return ReportingProcess(directory: directory, configPath: configPath, databasePath: databasePath,
                                evidencePath: "\(directory)/rdata/evidence", running: running, port: port)
    }

    private init(directory: String, configPath: String, databasePath: String, evidencePath: String, running: RunningProcess, port: Int) {
        self.directory = directory
        self.configPath = configPath
        self.databasePath = databasePath
        self.evidencePath = evidencePath
        self.running = running
        self.port = port
    }

    /// Opens the store read-only (the service may be running or dead).
    func readStore<T>(_ body: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: databasePath, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read(body)
    }

    /// Runs `kinerja-reporting SUBCOMMAND … --config` (backup, audit verify, evidence verify); returns status and output.
    func tool(_ arguments: [String]) async throws -> (status: Int32, stdout: String) {
        let process = try RunningProcess(executable: "\(Paths.bin)/kinerja-reporting", arguments: arguments + ["--config", configPath],
                                         directory: directory, name: "tool-\(UUID().uuidString.prefix(8))")
        let status = try await process.waitForExit()
        return (status, process.stdout + process.stderr)
    }

    /// Runs `kinerjactl` with a persona's session against identity, planning and reporting.
    func ctl(_ arguments: [String], identity: IdentityProcess, planning: PlanningProcess, session: String, stdin: String? = nil)
        async throws -> (status: Int32, stdout: String, stderr: String) {
        let pki = try TestPKI.directory()
        let process = try RunningProcess(
            executable: "\(Paths.bin)/kinerjactl",
            arguments: arguments + ["--server", "127.0.0.1:\(identity.port)", "--planning", "127.0.0.1:\(planning.port)",
                                    "--reporting", "127.0.0.1:\(port)", "--pki", pki],
            environment: ["KINERJACTL_SESSION": "\(directory)/\(session).json", "NO_COLOR": "1"],
            directory: directory, name: "ctl-\(UUID().uuidString.prefix(8))", stdin: stdin)
        let status = try await process.waitForExit()
        return (status, process.stdout, process.stderr)
    }
}
