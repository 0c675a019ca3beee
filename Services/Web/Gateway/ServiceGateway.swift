public import KinerjaClient
public import KinerjaProto
import Foundation
import KinerjaRPC
import KinerjaTLS

/// The gateway's side of the protocol: one mutual-TLS connection per service with the gateway's
/// own certificate (`spiffe://…/client/web`), and the options of each call (the user's token, a
/// request id, a deadline, an idempotency key for writes).
public final class ServiceGateway: Sendable {
    let connections: ServiceConnections
    /// How long a call may take.
    let timeout: Duration

    public init(connections: ServiceConnections, timeout: Duration = .seconds(10)) {
        self.connections = connections
        self.timeout = timeout
    }

    /// Connections with the certificate `client/web` of `configuration.pki`, each checking that the
    /// server's certificate names the service asked for.
    public static func mutualTLS(_ configuration: WebConfiguration) throws -> ServiceGateway {
        let tls = try TLSContext(configuration: TLSConfiguration(
            certificateChainFile: configuration.clientCertificate, privateKeyFile: configuration.clientKey,
            trustRootsFile: configuration.trustRoots))
        let addresses = configuration.services
        let connections = ServiceConnections(addresses: { service in
            guard let address = addresses[service] else { throw RPCError(.unavailable, "no address for \(service)") }
            return address
        }) { service, address in
            let client = RPCClient(configuration: ClientConfiguration(
                host: address.host, port: address.port, serverIdentity: try PeerIdentity(uri: service.identityURI), tls: tls))
            return ServiceConnections.Opened(transport: client, close: { await client.close() })
        }
        return ServiceGateway(connections: connections)
    }

    /// The generated client of `Client`'s service.
    public func client<Client: ServiceClient>(_ type: Client.Type) throws -> Client {
        try connections.client(type).client
    }

    /// The options of one call: `accessToken` for a user's call, an idempotency key for a write, and
    /// the browser's address (`clientAddress`) where the service limits per address (identity's sign-in).
    func options(accessToken: String?, write operation: String? = nil, clientAddress: String? = nil) -> CallOptions {
        var metadata = Metadata()
        if let clientAddress, clientAddress != "unknown" { metadata[Metadata.WellKnownKey.clientAddress] = clientAddress }
        metadata[Metadata.WellKnownKey.requestID] = "web-" + UUID().uuidString.lowercased().prefix(16)
        if let accessToken { metadata[Metadata.WellKnownKey.authorization] = "Bearer \(accessToken)" }
        if let operation { metadata[Metadata.WellKnownKey.idempotencyKey] = "web-\(operation)-\(UUID().uuidString.lowercased())" }
        return CallOptions(timeout: timeout, metadata: metadata, idempotent: operation != nil)
    }

    /// Closes every connection.
    public func close() async { await connections.close() }
}
