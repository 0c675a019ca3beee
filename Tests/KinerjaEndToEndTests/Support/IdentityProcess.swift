import Foundation
import KinerjaTestSupport
import GRDB

/// `kinerja-identity` as a real process with its own data directory and the development PKI.
final class IdentityProcess: Sendable {
    static let demoPassword = "kinerja-demo-kupang"

    let directory: String
    let configPath: String
    let databasePath: String
    let running: RunningProcess
    let port: Int

    /// Starts (or restarts, on the same directory) the service and waits until it listens.
    static func start(directory: String, name: String = "identity", port: Int? = nil) async throws -> IdentityProcess {
        let pki = try TestPKI.directory()
        let configPath = "\(directory)/identity.json"
        let databasePath = "\(directory)/data/identity.sqlite"
        if !FileManager.default.fileExists(atPath: configPath) {
            let json = """
                {
                  "listen": { "host": "127.0.0.1", "port": 0 },
                  "store": { "path": "\(databasePath)" },
                  "tls": { "certificate": "\(pki)/service/identity.pem", "private_key": "\(pki)/service/identity.key", "trust_roots": "\(pki)/ca.pem" },
                  "log": { "level": "info", "format": "json" },
                  "identity": { "demo_seed": 2026, "demo_password": "\(demoPassword)",
                                "password_hash": { "algorithm": "scrypt", "scrypt_log_n": 12 } }
                }
                """
            try json.write(toFile: configPath, atomically: true, encoding: .utf8)
        }
        let running = try RunningProcess(executable: "\(Paths.bin)/kinerja-identity", arguments: ["serve", "--config", configPath],
                                         environment: ["KINERJA_BOOTSTRAP_PASSWORD": "bootstrap-one-time-pw",
                                                       "KINERJA_LISTEN__PORT": String(port ?? 0)],
                                         directory: directory, name: name)
        try await running.waitFor("\"listening on\"") { $0.stdout.contains("listening on ") }
        guard let line = running.stdout.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }),
              let port = Int(line.split(separator: ":").last ?? "") else {
            running.stop()
            throw EndToEndFailure("no port in: \(running.stdout)")
        }
        return IdentityProcess(directory: directory, configPath: configPath, databasePath: databasePath, running: running, port: port)
    }

    private init(directory: String, configPath: String, databasePath: String, running: RunningProcess, port: Int) {
        self.directory = directory
        self.configPath = configPath
        self.databasePath = databasePath
        self.running = running
        self.port = port
    }

    /// A demo persona's NIP, from what the first start printed (`demo: <persona> <nip> <name>`).
    static func persona(_ name: String, in directory: String) throws -> String {
        let out = (try? String(contentsOfFile: "\(directory)/identity.out", encoding: .utf8)) ?? ""
        guard let line = out.split(separator: "\n").first(where: { $0.hasPrefix("demo: \(name) ") }) else {
            throw EndToEndFailure("no persona \(name) in the first start's output")
        }
        return String(line.split(separator: " ")[2])
    }

    /// Runs `kinerjactl` against this service with its own session file; returns status, stdout, stderr.
    func ctl(_ arguments: [String], stdin: String? = nil, name: String = "ctl", session: String = "session",
             planning: Int? = nil, feedback: Int? = nil) async throws -> (status: Int32, stdout: String, stderr: String) {
        let pki = try TestPKI.directory()
        let process = try RunningProcess(
            executable: "\(Paths.bin)/kinerjactl",
            arguments: arguments + ["--server", "127.0.0.1:\(port)", "--pki", pki] + (planning.map { ["--planning", "127.0.0.1:\($0)"] } ?? [])
                + (feedback.map { ["--feedback", "127.0.0.1:\($0)"] } ?? []),
            environment: ["KINERJACTL_SESSION": "\(directory)/\(session).json", "NO_COLOR": "1"],
            directory: directory, name: "\(name)-\(UUID().uuidString.prefix(8))", stdin: stdin)
        let status = try await process.waitForExit()
        return (status, process.stdout, process.stderr)
    }

    /// Opens the store read-only (the service may be running or dead).
    func readStore<T>(_ body: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: databasePath, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read(body)
    }
}
