public import KinerjaProto

/// Code that runs around every call a server handles: authentication, logging, metrics.
///
/// An interceptor may change the context (e.g. set the authenticated principal) before calling
/// `next`, or throw an ``RPCError`` instead to end the call with that status.
public protocol ServerInterceptor: Sendable {
    /// Runs the call by invoking `next`, or refuses it by throwing.
    func intercept(
        context: ServerContext,
        next: @Sendable (ServerContext) async throws -> Void
    ) async throws
}
