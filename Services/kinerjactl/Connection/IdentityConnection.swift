import Foundation
import KinerjaProto
import KinerjaRPC
import KinerjaTLS

/// A mutual-TLS client of the identity service and the generated stub over it.
struct IdentityConnection: Sendable {
    /// The identity service's SPIFFE identity, which its certificate must carry.
    static let serverIdentityURI = "spiffe://kinerja.kupangkota.go.id/service/identity"

    /// The generated client.
    let client: Identity.IdentityService.Client
    /// The server it talks to.
    let server: ServerAddress
    private let shutdown: @Sendable () async -> Void

    /// A connection over any transport (tests pass an in-memory one).
    init(client: Identity.IdentityService.Client, server: ServerAddress, shutdown: @escaping @Sendable () async -> Void = {}) {
        self.client = client
        self.server = server
        self.shutdown = shutdown
    }

    /// The client certificate `PKI/client/NAME.pem|key` and CA `PKI/ca.pem`, checked before TLS sees them.
    static func tlsConfiguration(pki: String, certificateName: String) throws -> TLSConfiguration {
        let allowed = certificateName.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        guard !certificateName.isEmpty, allowed else {
            throw CLIError.invalidArguments("--cert must be a certificate name such as operator, not \(certificateName.debugDescription)")
        }
        let configuration = TLSConfiguration(
            certificateChainFile: "\(pki)/client/\(certificateName).pem",
            privateKeyFile: "\(pki)/client/\(certificateName).key",
            trustRootsFile: "\(pki)/ca.pem")
        for file in [configuration.trustRootsFile, configuration.certificateChainFile, configuration.privateKeyFile]
        where !FileManager.default.isReadableFile(atPath: file) {
            throw CLIError(.failure, "cannot read \(file): pass --pki DIR and --cert NAME, or make a development PKI "
                + "with deploy/pki/make-dev-pki.sh DIR")
        }
        return configuration
    }

    /// Opens a client (it connects on the first call).
    static func open(server: ServerAddress, pki: String, certificateName: String) throws -> IdentityConnection {
        let configuration = try tlsConfiguration(pki: pki, certificateName: certificateName)
        let tls: TLSContext
        let identity: PeerIdentity
        do {
            tls = try TLSContext(configuration: configuration)
            identity = try PeerIdentity(uri: serverIdentityURI)
        } catch {
            throw CLIError(.failure, "cannot load the client certificate: \(error.message)", cause: error)
        }
        let rpc = RPCClient(configuration: ClientConfiguration(host: server.host, port: server.port,
                                                               serverIdentity: identity, tls: tls))
        return IdentityConnection(client: Identity.IdentityService.Client(transport: rpc), server: server,
                                  shutdown: { await rpc.close() })
    }

    /// Closes the connections.
    func close() async {
        await shutdown()
    }
}
