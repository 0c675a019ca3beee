import Foundation
import GRDB
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import KinerjaTLS

/// `kinerja-feedback` as a real process beside an ``IdentityProcess`` and a ``PlanningProcess``.
final class FeedbackProcess: Sendable {
    let configPath: String
    let databasePath: String
    let running: RunningProcess
    let port: Int

    /// Starts (or restarts, on the same directory) feedback, pointed at `identity` and `planning`;
    /// the citizen kiosk issues for Dukcapil, DPMPTSP and Dinas Kesehatan.
    static func start(directory: String, identity: IdentityProcess, planning: PlanningProcess, demo: Bool, name: String = "feedback",
                      port: Int? = nil) async throws -> FeedbackProcess {
        let pki = try TestPKI.directory()
        let configPath = "\(directory)/feedback.json"
        let databasePath = "\(directory)/fdata/feedback.sqlite"
        if !FileManager.default.fileExists(atPath: configPath) {
            let json = """
                {
                  "listen": { "host": "127.0.0.1", "port": 0 },
                  "store": { "path": "\(databasePath)" },
                  "tls": { "certificate": "\(pki)/service/feedback.pem", "private_key": "\(pki)/service/feedback.key", "trust_roots": "\(pki)/ca.pem" },
                  "peers": {
                    "identity": { "address": "127.0.0.1:\(identity.port)", "identity": "spiffe://kinerja.kupangkota.go.id/service/identity" },
                    "planning": { "address": "127.0.0.1:\(planning.port)", "identity": "spiffe://kinerja.kupangkota.go.id/service/planning" }
                  },
                  "log": { "level": "info", "format": "json" },
                  "feedback": { "kiosks": { "citizen-kiosk": ["KPG.DUKCAPIL", "KPG.DPMPTSP", "KPG.DINKES"] }\(demo ? ", \"demo_seed\": 2026" : "") }
                }
                """
            try json.write(toFile: configPath, atomically: true, encoding: .utf8)
        }
        let running = try RunningProcess(executable: "\(Paths.bin)/kinerja-feedback", arguments: ["serve", "--config", configPath],
                                         environment: ["KINERJA_LISTEN__PORT": String(port ?? 0)], directory: directory, name: name)
        try await running.waitFor("\"listening on\"") { $0.stdout.contains("listening on ") }
        guard let line = running.stdout.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }),
              let port = Int(line.split(separator: ":").last ?? "") else {
            running.stop()
            throw EndToEndFailure("no port in: \(running.stdout)")
        }
        return FeedbackProcess(configPath: configPath, databasePath: databasePath, running: running, port: port)
    }

    private init(configPath: String, databasePath: String, running: RunningProcess, port: Int) {
        self.configPath = configPath
        self.databasePath = databasePath
        self.running = running
        self.port = port
    }

    /// The demo tickets the first start printed (`demo: ticket CODE NIP SERVICE`).
    var demoTickets: [(code: String, nip: String)] {
        running.stdout.split(separator: "\n").filter { $0.hasPrefix("demo: ticket ") }.map { line in
            let words = line.split(separator: " ")
            return (String(words[2]), String(words[3]))
        }
    }

    /// A client presenting the citizen kiosk's certificate.
    func kiosk() throws -> (client: Feedback.FeedbackService.Client, transport: RPCClient) {
        let transport = RPCClient(configuration: ClientConfiguration(
            host: "127.0.0.1", port: port, serverIdentity: try PeerIdentity(kind: .service, name: "feedback"), tls: try TestPKI.context(client: "citizen-kiosk")))
        return (Feedback.FeedbackService.Client(transport: transport), transport)
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
