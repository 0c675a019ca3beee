public import KinerjaCrypto
public import KinerjaProto
public import Foundation
import Synchronization

/// Where a service gets the public keys that verify access tokens.
public protocol VerificationKeySource: Sendable {
    /// The keys to verify with now (possibly cached).
    func keys() async throws -> [VerificationKey]
    /// Fresh keys after a token named an unknown key id (rate-limited by the source).
    func refreshedKeys() async throws -> [VerificationKey]
}

/// Identity's published keys fetched over the protocol with `ListSigningKeys`, cached for the
/// TTL identity gives, refetched on an unknown key id at most once every `minimumRefreshInterval`.
public actor RemoteKeySource: VerificationKeySource {
    private let fetch: @Sendable () async throws -> Identity.ListSigningKeysResponse
    private let minimumRefreshInterval: Duration
    private var cached: [VerificationKey] = []
    private var expires = ContinuousClock.Instant.now
    private var lastFetch: ContinuousClock.Instant?

    /// A source calling `client.listSigningKeys`.
    public init(client: Identity.IdentityService.Client, minimumRefreshInterval: Duration = .seconds(5)) {
        self.fetch = { try await client.listSigningKeys(Identity.ListSigningKeysRequest()) }
        self.minimumRefreshInterval = minimumRefreshInterval
    }

    /// A source calling `fetch` (tests).
    public init(minimumRefreshInterval: Duration = .seconds(5),
                fetch: @escaping @Sendable () async throws -> Identity.ListSigningKeysResponse) {
        self.fetch = fetch
        self.minimumRefreshInterval = minimumRefreshInterval
    }

    public func keys() async throws -> [VerificationKey] {
        if ContinuousClock.now < expires, !cached.isEmpty { return cached }
        return try await load()
    }

    public func refreshedKeys() async throws -> [VerificationKey] {
        if let lastFetch, ContinuousClock.now - lastFetch < minimumRefreshInterval { return cached }
        return try await load()
    }

    /// Forgets the cached set, so the next verification fetches the keys again (identity's
    /// revocation feed calls this when the key set changed, e.g. after an emergency rotation).
    public func invalidate() {
        expires = .now
        lastFetch = nil
    }

    private func load() async throws -> [VerificationKey] {
        lastFetch = .now
        let response = try await fetch()
        cached = response.keys.compactMap { try? VerificationKey($0) }
        expires = .now + .seconds(Int64(min(max(response.cacheTtlSeconds, 10), 3600)))
        return cached
    }
}

/// Turns an `authorization: Bearer …` header into a verified user.
///
/// One verifier is kept per key set, so its cache of accepted tokens survives between calls:
/// an Ed25519 verification costs ~250 µs on OpenSSL 3.0, a cache hit ~2 µs, and a token is
/// typically presented many times in its 15 minutes.
public final class TokenAuthenticator: Sendable {
    /// The audience this service accepts (its service name; `kinerja` is always accepted too).
    public let audience: String
    private let source: any VerificationKeySource
    private let sessions: (any SessionCheck)?
    private let current = Mutex<(keys: [VerificationKey], verifier: AccessTokenVerifier)?>(nil)

    /// An authenticator for tokens addressed to `audience`; `sessions`, when given, refuses tokens
    /// of revoked sessions.
    public init(audience: String, keys: any VerificationKeySource, sessions: (any SessionCheck)? = nil) {
        self.audience = audience
        self.source = keys
        self.sessions = sessions
    }

    /// The user the header proves, or UNAUTHENTICATED with a message saying why not.
    public func authenticate(header: String, now: Date = Date()) async throws -> AuthenticatedUser {
        let user = try await verify(header: header, now: now)
        try sessions?.check(user)
        return user
    }

    private func verify(header: String, now: Date) async throws -> AuthenticatedUser {
        guard header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            throw RPCError(.unauthenticated, "the authorization metadata must be \"Bearer <access token>\"", reason: "TOKEN_MALFORMED")
        }
        let token = String(header.dropFirst(7))
        let keys: [VerificationKey]
        do {
            keys = try await source.keys()
        } catch {
            throw RPCError(.unavailable, "cannot fetch the token verification keys from identity", reason: "IDENTITY_UNAVAILABLE")
        }
        do {
            return AuthenticatedUser(claims: try verifier(for: keys).verify(token, audience: audience, now: now))
        } catch .unknownKey {
            // Identity may have rotated its key since we cached the set.
            let fresh = (try? await source.refreshedKeys()) ?? keys
            do {
                return AuthenticatedUser(claims: try verifier(for: fresh).verify(token, audience: audience, now: now))
            } catch {
                throw error.rpcStatus ?? RPCError(.unauthenticated, "access token rejected")
            }
        } catch {
            throw error.rpcStatus ?? RPCError(.unauthenticated, "access token rejected")
        }
    }

    private func verifier(for keys: [VerificationKey]) -> AccessTokenVerifier {
        current.withLock { current in
            if let current, current.keys == keys { return current.verifier }
            let verifier = AccessTokenVerifier(keys: keys)
            current = (keys, verifier)
            return verifier
        }
    }
}
