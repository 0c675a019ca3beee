public import KinerjaProto

/// Decides whether the session of a verified token is still open (a signature alone cannot say:
/// a session may be revoked before its tokens expire).
public protocol SessionCheck: Sendable {
    /// Returns when `user`'s session is open; throws UNAUTHENTICATED (`SESSION_REVOKED`) when it
    /// was revoked, UNAVAILABLE when that cannot be known now.
    func check(_ user: AuthenticatedUser) throws(RPCError)
}
