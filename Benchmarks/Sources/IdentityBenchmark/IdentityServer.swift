import Foundation
import KinerjaProto
import KinerjaRPC
import KinerjaTLS

/// The release `kinerja-identity serve` executable with a fresh store and the Kupang demo
/// organisation (seed 2026), listening on a free port of 127.0.0.1 with the development PKI.
///
/// Production settings everywhere (password hashing scrypt N=2^17, log level info in JSON on
/// standard error, default limits), except the demo seed and the personas' password.
final class IdentityServer: Sendable {
    static let seed: UInt64 = 2026
    static let demoPassword = "kinerja-demo-kupang"

    let child: ChildProcess
    let directory: String
    let port: Int
    /// Demo persona → NIP (pegawai, atasan, pimpinan, pengelola, admin, auditor).
    let personas: [String: String]
    var databasePath: String { "\(directory)/data/identity.sqlite" }

    /// Starts on a fresh store, or again on the store of `restarting` (stopped), as after a reboot.
    static func start(_ options: Options, name: String = "identity", restarting: IdentityServer? = nil) async throws -> IdentityServer {
        let directory = restarting?.directory ?? NSTemporaryDirectory() + "kinerja-identity-bench-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let pki = options.pki
        let json = """
            {
              "listen": { "host": "127.0.0.1", "port": 0 },
              "store": { "path": "\(directory)/data/identity.sqlite" },
              "tls": { "certificate": "\(pki)/service/identity.pem", "private_key": "\(pki)/service/identity.key", "trust_roots": "\(pki)/ca.pem" },
              "log": { "level": "\(options.identityLogLevel)", "format": "json" },
              "identity": { "demo_seed": \(seed), "demo_password": "\(demoPassword)" }
            }
            """
        try json.write(toFile: "\(directory)/identity.json", atomically: true, encoding: .utf8)
        let child = try ChildProcess(name: name, executable: "\(options.bin)/kinerja-identity",
                                     arguments: ["serve", "--config", "\(directory)/identity.json"],
                                     environment: ["KINERJA_BOOTSTRAP_PASSWORD": "bootstrap-one-time-pw"], directory: directory)
        try await child.waitForOutput("\"listening on\"") { $0.contains("listening on ") }
        let out = child.stdout
        guard let line = out.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }),
              let port = Int(line.split(separator: ":").last ?? "") else {
            await child.stop()
            throw BenchFailure("identity printed no port: \(out)")
        }
        var personas: [String: String] = restarting?.personas ?? [:]
        for line in out.split(separator: "\n") where line.hasPrefix("demo: ") {
            let parts = line.split(separator: " ")
            if parts.count >= 3 { personas[String(parts[1])] = String(parts[2]) }
        }
        return IdentityServer(child: child, directory: directory, port: port, personas: personas)
    }

    private init(child: ChildProcess, directory: String, port: Int, personas: [String: String]) {
        self.child = child
        self.directory = directory
        self.port = port
        self.personas = personas
    }

    func nip(_ persona: String) throws -> String {
        guard let nip = personas[persona] else { throw BenchFailure("identity printed no demo persona \(persona)") }
        return nip
    }

    /// A client over one connection with a client certificate (`client/NAME`) or a service one (`service/NAME`).
    func client(_ options: Options, certificate: String = "client/hr-portal", connections: Int = 1) throws -> RPCClient {
        try Peers.client(options, port: port, certificate: certificate, connections: connections)
    }

    /// Signs a demo persona in (one scrypt verification on the service); returns its access token.
    func signIn(_ persona: String, with client: RPCClient) async throws -> String {
        let identity = Identity.IdentityService.Client(transport: client)
        let response = try await identity.login(Identity.LoginRequest(nip: try nip(persona), password: Self.demoPassword,
                                                                      clientName: "identity-benchmark"),
                                                options: CallOptions(timeout: .seconds(60)))
        guard let token = response.tokens?.accessToken, !token.isEmpty else { throw BenchFailure("sign-in of \(persona) gave no token") }
        return token
    }

    func stop(keep: Bool) async {
        await child.stop()
        if !keep { try? FileManager.default.removeItem(atPath: directory) }
    }
}

enum Peers {
    /// An RPC client to 127.0.0.1:`port` expecting the identity certificate (the echo server
    /// presents the same one), keeping `connections` multiplexed connections.
    static func client(_ options: Options, port: Int, certificate: String, connections: Int = 1) throws -> RPCClient {
        let tls = try TLSContext(configuration: TLSConfiguration(
            certificateChainFile: "\(options.pki)/\(certificate).pem", privateKeyFile: "\(options.pki)/\(certificate).key",
            trustRootsFile: "\(options.pki)/ca.pem"))
        var configuration = ClientConfiguration(host: "127.0.0.1", port: port,
                                                serverIdentity: try PeerIdentity(kind: .service, name: "identity"), tls: tls)
        configuration.connections = connections
        return RPCClient(configuration: configuration)
    }

    static func bearer(_ token: String, idempotencyKey: String? = nil, timeout: Duration = .seconds(30)) -> CallOptions {
        var metadata = Metadata()
        metadata.add(Metadata.WellKnownKey.authorization, "Bearer \(token)")
        if let idempotencyKey { metadata.add(Metadata.WellKnownKey.idempotencyKey, idempotencyKey) }
        return CallOptions(timeout: timeout, metadata: metadata)
    }
}
