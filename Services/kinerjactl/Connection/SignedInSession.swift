import Foundation
import KinerjaProto

/// What every call as the signed-in user shares, whichever service it goes to: the session file,
/// the access token (refreshed through identity under the session lock), the call policy and the
/// command's connections. Identity is always connected: it refreshes the token.
struct SignedInSession: Sendable {
    let store: SessionStore
    let connections: ServiceConnections
    let policy: CallPolicy
    /// The identity client (token refresh) and where it listens.
    let identityClient: Identity.IdentityService.Client
    let identityAddress: ServerAddress
    /// The current time in Unix seconds; tests replace it.
    var now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }

    init(store: SessionStore, connections: ServiceConnections, policy: CallPolicy) throws {
        self.store = store
        self.connections = connections
        self.policy = policy
        (identityClient, identityAddress) = try connections.client(Identity.IdentityService.Client.self)
    }

    /// The caller of identity.
    var identity: IdentityCaller {
        SignedInCaller(session: self, client: identityClient, server: identityAddress)
    }

    /// The caller of `Client`'s service (its connection opened now).
    func caller<Client: ServiceClient>(_ type: Client.Type) throws -> SignedInCaller<Client> {
        let (client, address) = try connections.client(type)
        return SignedInCaller(session: self, client: client, server: address)
    }

    /// The signed-in user's NIP.
    func signedInNIP() throws -> String {
        guard let session = try store.load() else { throw CLIError.notSignedIn }
        return session.nip
    }

    /// The stored session with an access token good for at least 30 s, refreshed under the
    /// session lock when needed (and the new pair saved).
    func freshSession() async throws -> StoredSession {
        guard let stored = try store.load() else { throw CLIError.notSignedIn }
        guard stored.accessTokenNeedsRefresh(now: now()) else { return stored }
        return try await store.withLock {
            // Another kinerjactl may have refreshed while we waited for the lock.
            guard var session = try store.load() else { throw CLIError.notSignedIn }
            guard session.accessTokenNeedsRefresh(now: now()) else { return session }
            guard !session.refreshTokenExpired(now: now()) else { throw CLIError.sessionExpired }
            let response: Identity.RefreshTokenResponse
            do {
                response = try await identityClient.refreshToken(.init(refreshToken: session.refreshToken),
                                                                 options: policy.options())
            } catch let error as RPCError where error.code == .unauthenticated {
                throw CLIError.sessionExpired
            }
            guard let tokens = response.tokens, !tokens.accessToken.isEmpty else {
                throw CLIError(.failure, "the server answered RefreshToken without tokens", status: .internal)
            }
            session.replaceTokens(with: tokens)
            try store.save(session)
            return session
        }
    }

    /// Options for one call as the signed-in user: the policy's, with the access token.
    func options(idempotencyKey: String? = nil) async throws -> CallOptions {
        let session = try await freshSession()
        return policy.options(accessToken: session.accessToken, idempotencyKey: idempotencyKey)
    }

    /// What UNAUTHENTICATED from `service` means once identity has accepted the session for refresh.
    /// Identity owns sessions, so there it means the session ended; another service verifies
    /// tokens itself, so its reason is kept next to the advice to sign in again.
    static func refused(by service: ServiceEndpoint, at server: ServerAddress, _ error: RPCError) -> CLIError {
        if service == .identity { return .sessionExpired }
        return CLIError(.notPermitted, "the \(service.name) service at \(server) refused the session "
            + "(\(ErrorReporting.message(of: error))): run kinerjactl login", status: .unauthenticated, cause: error)
    }
}
