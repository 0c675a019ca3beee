import KinerjaProto

/// Calls one service as the signed-in user, the same way for every service: through
/// ``SignedInSession`` each call carries the access token (refreshed first when it is about to
/// expire), a request id, the deadline and, for writes, an idempotency key; UNAUTHENTICATED
/// becomes "run kinerjactl login" (exit 77).
struct SignedInCaller<Client: ServiceClient>: Sendable {
    /// What all callers of the command share.
    let session: SignedInSession
    /// The generated stub.
    let client: Client
    /// Where the service listens (for messages).
    let server: ServerAddress

    /// The identity caller of the same session (look-ups: names, units).
    var identity: IdentityCaller { session.identity }
    /// The session file.
    var store: SessionStore { session.store }

    /// The signed-in user's NIP (the default owner of "my" records).
    func signedInNIP() throws -> String {
        try session.signedInNIP()
    }

    /// Runs one call. `idempotencyKey` marks a write that the service applies once however often
    /// it arrives. `sessionExpiredOnUnauthenticated` is false for calls whose UNAUTHENTICATED
    /// means something else (a wrong current password).
    func call<R>(idempotencyKey: String? = nil, sessionExpiredOnUnauthenticated: Bool = true,
                 _ body: (Client, CallOptions) async throws -> R) async throws -> R {
        let options = try await session.options(idempotencyKey: idempotencyKey)
        do {
            return try await body(client, options)
        } catch let error as RPCError where error.code == .unauthenticated && sessionExpiredOnUnauthenticated {
            throw SignedInSession.refused(by: Client.endpoint, at: server, error)
        }
    }
}
