import KinerjaProto

/// Calls as the signed-in user: the access token is refreshed through identity shortly before it
/// expires, and a session the services no longer accept (signed out elsewhere, revoked) ends here too.
extension WebApp {
    /// The session ended while a call was made: the page sends the user to sign in.
    struct SessionEnded: Error {}

    /// Options for one call as `session`'s user; `write` names the operation of a write.
    func options(_ session: WebSession, write: String? = nil) async throws -> CallOptions {
        var session = session
        if session.accessTokenExpiresAt - clock.now() < 60 {
            let identity = try gateway.client(Identity.IdentityService.Client.self)
            do {
                let response = try await identity.refreshToken(.init(refreshToken: session.refreshToken), options: gateway.options(accessToken: nil))
                guard let tokens = response.tokens, !tokens.accessToken.isEmpty else { throw SessionEnded() }
                session.accessToken = tokens.accessToken
                session.accessTokenExpiresAt = tokens.accessTokenExpiresAt?.seconds ?? clock.now() + 300
                session.refreshToken = tokens.refreshToken
                let refreshed = session
                sessions.update(session.id) { $0.accessToken = refreshed.accessToken; $0.accessTokenExpiresAt = refreshed.accessTokenExpiresAt
                    $0.refreshToken = refreshed.refreshToken }
            } catch let error as RPCError where error.code == .unauthenticated {
                sessions.remove(session.id)
                throw SessionEnded()
            }
        }
        return gateway.options(accessToken: session.accessToken, write: write)
    }

    /// Runs `body` as the user; UNAUTHENTICATED ends the session.
    func asUser<R>(_ session: WebSession, write: String? = nil, _ body: (CallOptions) async throws -> R) async throws -> R {
        let options = try await options(session, write: write)
        do {
            return try await body(options)
        } catch let error as RPCError where error.code == .unauthenticated {
            sessions.remove(session.id)
            throw SessionEnded()
        }
    }
}
