import Foundation
import KinerjaProto

/// Calls the identity service as the signed-in user: sends `authorization: Bearer <access>`,
/// first refreshing a token that is expired or expires within 30 s (and saving the new pair),
/// and turns a later UNAUTHENTICATED into "session expired: run kinerjactl login".
struct SignedInCaller: Sendable {
    let client: Identity.IdentityService.Client
    let store: SessionStore
    /// How long each call may take.
    let timeout: Duration
    /// The current time in Unix seconds; tests replace it.
    var now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }

    /// The stored session with an access token good for at least 30 s, refreshed under the
    /// session lock when needed.
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
                response = try await client.refreshToken(.init(refreshToken: session.refreshToken),
                                                         options: CallOptions(timeout: timeout))
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

    /// Call options carrying the access token, the timeout and an optional idempotency key.
    func options(idempotencyKey: String? = nil) async throws -> CallOptions {
        let session = try await freshSession()
        var metadata = Metadata()
        metadata[Metadata.WellKnownKey.authorization] = "Bearer \(session.accessToken)"
        if let idempotencyKey { metadata[Metadata.WellKnownKey.idempotencyKey] = idempotencyKey }
        return CallOptions(timeout: timeout, metadata: metadata, idempotent: idempotencyKey != nil)
    }

    /// Runs one call as the signed-in user. `sessionExpiredOnUnauthenticated` is false for calls
    /// whose UNAUTHENTICATED means something else (a wrong current password).
    func call<R>(idempotencyKey: String? = nil, sessionExpiredOnUnauthenticated: Bool = true,
                 _ body: (Identity.IdentityService.Client, CallOptions) async throws -> R) async throws -> R {
        let options = try await options(idempotencyKey: idempotencyKey)
        do {
            return try await body(client, options)
        } catch let error as RPCError where error.code == .unauthenticated && sessionExpiredOnUnauthenticated {
            throw CLIError.sessionExpired
        }
    }
}
