public import KinerjaProto
public import KinerjaService

/// How a service reaches identity: the directory it asks, and how it authenticates tokens
/// (identity's published keys, refused sessions from the revocation feed).
public struct IdentityConnection: Sendable {
    /// Who people are, who supervises whom, the unit tree.
    public var directory: any IdentityDirectory
    /// Token verification with identity's keys and the revocation feed.
    public var authentication: Authentication

    /// A connection of these parts (tests build one over an ``InMemoryDirectory``).
    public init(directory: any IdentityDirectory, authentication: Authentication) {
        self.directory = directory
        self.authentication = authentication
    }
}

extension ServiceAssembly {
    /// The connection to identity (`peers.identity`), built once: a client with the service's
    /// certificate, the live directory with the `identity_client` cache settings, identity's
    /// published keys, and the revocation feed polling beside the server. A connection injected
    /// under `identity` (tests) is used instead.
    public func identity() throws -> IdentityConnection {
        if let injected = injected("identity") as? IdentityConnection { return injected }
        let transport = try client(peer: "identity")
        let client = Identity.IdentityService.Client(transport: transport)
        let settings = runtime.configuration.identityClient
        let directory = LiveIdentityDirectory(client: client, ttl: .seconds(settings.cacheSeconds), capacity: settings.cacheEntries)
        let keys = RemoteKeySource(client: client)
        let feed = RevocationFeed(client: client, keys: keys, directory: directory, interval: .seconds(settings.revocationPollSeconds),
                                  staleness: .seconds(settings.revocationStalenessSeconds), logger: logger)
        run("revocation-feed", feed)
        // One answer before serving, so the first signed-in calls are not refused as "feed stale".
        prepare("revocation-feed") { await feed.poll() }
        let connection = IdentityConnection(directory: directory, authentication: Authentication(keys: keys, sessions: feed))
        inject("identity", connection)
        return connection
    }
}
