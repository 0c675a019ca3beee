import Foundation
import KinerjaTestSupport
import GRDB

/// `kinerja-planning` as a real process beside an ``IdentityProcess``.
final class PlanningProcess: Sendable {
    let configPath: String
    let databasePath: String
    let running: RunningProcess
    let port: Int

    /// Starts (or restarts, on the same directory) planning, pointed at `identity`.
    static func start(directory: String, identity: IdentityProcess, demo: Bool, name: String = "planning", port: Int? = nil) async throws -> PlanningProcess {
        let pki = try TestPKI.directory()
        let configPath = "\(directory)/planning.json"
        let databasePath = "\(directory)/pdata/planning.sqlite"
        if !FileManager.default.fileExists(atPath: configPath) {
            let json = """
                {
                  "listen": { "host": "127.0.0.1", "port": 0 },
                  "store": { "path": "\(databasePath)" },
                  "tls": { "certificate": "\(pki)/service/planning.pem", "private_key": "\(pki)/service/planning.key", "trust_roots": "\(pki)/ca.pem" },
                  "peers": { "identity": { "address": "127.0.0.1:\(identity.port)", "identity": "spiffe://kinerja.kupangkota.go.id/service/identity" } },
                  "log": { "level": "info", "format": "json" },
                  "planning": { \(demo ? "\"demo_seed\": 2026" : "") }
                }
                """
            try json.write(toFile: configPath, atomically: true, encoding: .utf8)
        }
        let running = try RunningProcess(executable: "\(Paths.bin)/kinerja-planning", arguments: ["serve", "--config", configPath],
                                         environment: ["KINERJA_LISTEN__PORT": String(port ?? 0)], directory: directory, name: name)
        try await running.waitFor("\"listening on\"") { $0.stdout.contains("listening on ") }
        guard let line = running.stdout.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }),
              let port = Int(line.split(separator: ":").last ?? "") else {
            running.stop()
            throw EndToEndFailure("no port in: \(running.stdout)")
        }
        return PlanningProcess(configPath: configPath, databasePath: databasePath, running: running, port: port)
    }

    private init(configPath: String, databasePath: String, running: RunningProcess, port: Int) {
        self.configPath = configPath
        self.databasePath = databasePath
        self.running = running
        self.port = port
    }

    /// Opens the store read-only.
    func readStore<T>(_ body: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: databasePath, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read(body)
    }
}
