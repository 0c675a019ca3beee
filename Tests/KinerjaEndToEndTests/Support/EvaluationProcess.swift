import Foundation
import GRDB
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import KinerjaTLS

/// `kinerja-evaluation` as a real process beside identity, planning, reporting and feedback (or
/// addresses where nothing listens: it starts without its peers and queues what they must be told).
final class EvaluationProcess: Sendable {
    let directory: String
    let configPath: String
    let databasePath: String
    let running: RunningProcess
    let port: Int

    /// Starts (or restarts, on the same directory) evaluation with its four peers at these ports.
    static func start(directory: String, identity: Int, planning: Int, reporting: Int, feedback: Int, demo: Bool = false,
                      name: String = "evaluation", port: Int? = nil) async throws -> EvaluationProcess {
        let pki = try TestPKI.directory()
        let configPath = "\(directory)/evaluation.json"
        let databasePath = "\(directory)/edata/evaluation.sqlite"
        func peer(_ name: String, _ port: Int) -> String {
            "\"\(name)\": { \"address\": \"127.0.0.1:\(port)\", \"identity\": \"spiffe://kinerja.kupangkota.go.id/service/\(name)\" }"
        }
        if !FileManager.default.fileExists(atPath: configPath) {
            let json = """
                {
                  "listen": { "host": "127.0.0.1", "port": 0 },
                  "store": { "path": "\(databasePath)" },
                  "tls": { "certificate": "\(pki)/service/evaluation.pem", "private_key": "\(pki)/service/evaluation.key", "trust_roots": "\(pki)/ca.pem" },
                  "peers": { \(peer("identity", identity)), \(peer("planning", planning)), \(peer("reporting", reporting)), \(peer("feedback", feedback)) },
                  "log": { "level": "info", "format": "json" },
                  "evaluation": { "notify_retry_seconds": 5\(demo ? ", \"demo_seed\": 2026" : "") }
                }
                """
            try json.write(toFile: configPath, atomically: true, encoding: .utf8)
        }
        let running = try RunningProcess(executable: "\(Paths.bin)/kinerja-evaluation", arguments: ["serve", "--config", configPath],
                                         environment: ["KINERJA_LISTEN__PORT": String(port ?? 0)], directory: directory, name: name)
        try await running.waitFor("\"listening on\"", seconds: 300) { $0.stdout.contains("listening on ") }
        guard let line = running.stdout.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }),
              let port = Int(line.split(separator: ":").last ?? "") else {
            running.stop()
            throw EndToEndFailure("no port in: \(running.stdout)")
        }
        return EvaluationProcess(directory: directory, configPath: configPath, databasePath: databasePath, running: running, port: port)
    }

    private init(directory: String, configPath: String, databasePath: String, running: RunningProcess, port: Int) {
        self.directory = directory
        self.configPath = configPath
        self.databasePath = databasePath
        self.running = running
        self.port = port
    }

    /// A client of evaluation presenting a test certificate.
    func client(_ peer: TestPeer) throws -> (Evaluation.EvaluationService.Client, RPCClient) {
        let tls: TLSContext
        switch peer {
        case .client(let name): tls = try TestPKI.context(client: name)
        case .service(let name): tls = try TestPKI.context(service: name)
        }
        let rpc = RPCClient(configuration: ClientConfiguration(host: "127.0.0.1", port: port,
                                                               serverIdentity: try PeerIdentity(kind: .service, name: "evaluation"), tls: tls))
        return (Evaluation.EvaluationService.Client(transport: rpc), rpc)
    }

    /// Runs `kinerja-evaluation SUBCOMMAND … --config` (backup, audit verify); returns status and output.
    func tool(_ arguments: [String]) async throws -> (status: Int32, stdout: String) {
        let process = try RunningProcess(executable: "\(Paths.bin)/kinerja-evaluation", arguments: arguments + ["--config", configPath],
                                         directory: directory, name: "tool-\(UUID().uuidString.prefix(8))")
        let status = try await process.waitForExit()
        return (status, process.stdout + process.stderr)
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

/// Signs people in at a real identity process over the operator's certificate: personas with the
/// demo password, anyone else through pengelola kinerja's password reset (identity's own flow).
final class Sessions: Sendable {
    let identity: Identity.IdentityService.Client
    let transport: RPCClient
    let directory: String

    init(identity: IdentityProcess, directory: String) throws {
        transport = RPCClient(configuration: ClientConfiguration(host: "127.0.0.1", port: identity.port,
                                                                 serverIdentity: try PeerIdentity(kind: .service, name: "identity"),
                                                                 tls: try TestPKI.context(client: "operator")))
        self.identity = Identity.IdentityService.Client(transport: transport)
        self.directory = directory
    }

    static func bearer(_ token: String) -> CallOptions {
        var metadata = Metadata()
        metadata.add(Metadata.WellKnownKey.authorization, "Bearer \(token)")
        return CallOptions(timeout: .seconds(60), metadata: metadata)
    }

    /// A demo persona (pegawai, atasan, pimpinan, pengelola, walikota, plt).
    func persona(_ name: String) async throws -> CallOptions {
        let nip = try IdentityProcess.persona(name, in: directory)
        let response = try await identity.login(Identity.LoginRequest(nip: nip, password: IdentityProcess.demoPassword))
        return Self.bearer(response.tokens?.accessToken ?? "")
    }

    /// Anyone: pengelola kinerja issue a one-time password, the employee changes it.
    func nip(_ nip: String, hr: CallOptions) async throws -> CallOptions {
        let reset = try await identity.resetPassword(Identity.ResetPasswordRequest(nip: nip, reason: "uji ujung ke ujung"), options: hr)
        let first = try await identity.login(Identity.LoginRequest(nip: nip, password: reset.oneTimePassword))
        let changed = try await identity.changePassword(Identity.ChangePasswordRequest(
            currentPassword: reset.oneTimePassword, newPassword: "Evaluasi-uji-\(nip.suffix(6))-Kupang"), options: Self.bearer(first.tokens?.accessToken ?? ""))
        return Self.bearer(changed.tokens?.accessToken ?? "")
    }

    func close() async { await transport.close() }
}
