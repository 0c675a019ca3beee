public import KinerjaRPC
public import KinerjaService
import Foundation
import KinerjaCrypto
import KinerjaProto

/// The planning service assembled: handlers, identity directory, authentication, authorisation, server.
public struct PlanningService: Sendable {
    /// The handlers.
    public let handlers: PlanningHandlers
    /// The server (not yet started).
    public let server: RPCServer
    /// The client planning uses to reach identity (close it after the server).
    public let identityClient: RPCClient

    /// Builds the service over an opened runtime; `peers.identity` must be configured.
    public init(runtime: ServiceRuntime, configuration: PlanningConfiguration) throws {
        identityClient = try runtime.client(peer: "identity")
        let identity = Identity.IdentityService.Client(transport: identityClient)
        let directory = IdentityDirectory(client: identity, ttl: .seconds(configuration.identityCacheSeconds))
        handlers = PlanningHandlers(store: runtime.store, directory: directory, configuration: configuration)
        let auth = AuthInterceptor(
            table: PlanningAuthorization.table,
            authenticator: TokenAuthenticator(audience: Planning.PlanningService.descriptor.name, keys: RemoteKeySource(client: identity)),
            resolver: directory,
            audit: StoreAuditSink(store: runtime.store, logger: runtime.logger))
        server = runtime.server(services: [handlers], interceptors: [auth])
    }
}
