import KinerjaProto
@testable import kinerjactl

/// A signed-in session whose services are in-memory fakes: a session file in a temporary
/// directory and one ``FakeTransport`` per service that the test answers for.
struct TestSession {
    static let nip = "199001012015031001"
    static let now: Int64 = 10_000

    let temporary: TemporaryDirectory
    let store: SessionStore
    let connections: ServiceConnections
    var session: SignedInSession

    /// A session whose access token expires at `accessExpires` (refresh token: in an hour), with
    /// `transports` as its services; a service without one cannot be connected.
    init(accessExpires: Int64 = TestSession.now + 600, signedIn: Bool = true, timeout: Duration = .seconds(5),
         in directory: TemporaryDirectory? = nil, _ transports: [ServiceEndpoint: FakeTransport]) throws {
        temporary = try directory ?? TemporaryDirectory()
        store = SessionStore(path: temporary.path + "/session.json")
        if signedIn {
            try store.save(StoredSession(server: "127.0.0.1:7401", nip: Self.nip, tokens: Self.pair(1, accessExpires: accessExpires)))
        }
        connections = ServiceConnections(addresses: { $0.defaultAddress }) { service, _ in
            guard let transport = transports[service] else { throw RPCError(.unavailable, "no fake for \(service.name)") }
            return ServiceConnections.Opened(transport: transport, close: {})
        }
        var policy = CallPolicy(timeout: timeout)
        policy.requestID = { "ctl-test" }
        session = try SignedInSession(store: store, connections: connections, policy: policy)
        session.now = { Self.now }
    }

    /// Token pair `n`: access `A<n>`, refresh `R<n>`.
    static func pair(_ n: Int, accessExpires: Int64) -> Identity.TokenPair {
        Identity.TokenPair(accessToken: "A\(n)", accessTokenExpiresAt: Common.Timestamp(seconds: accessExpires),
                           refreshToken: "R\(n)", refreshTokenExpiresAt: Common.Timestamp(seconds: now + 3_600),
                           sessionID: "S1")
    }

    /// A transport that must not be called.
    static func unused(_ name: String) -> FakeTransport {
        FakeTransport { _, _, _ in throw RPCError(.internal, "\(name) is not called") }
    }
}
