import KinerjaProto
import KinerjaRPC

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

    /// Opens a client (it connects on the first call).
    static func open(server: ServerAddress, pki: String, certificateName: String) throws -> IdentityConnection {
        let rpc = try MutualTLSClient.open(server: server, serverIdentityURI: serverIdentityURI, pki: pki,
                                           certificateName: certificateName)
        return IdentityConnection(client: Identity.IdentityService.Client(transport: rpc), server: server,
                                  shutdown: { await rpc.close() })
    }

    /// Closes the connections.
    func close() async {
        await shutdown()
    }
}
