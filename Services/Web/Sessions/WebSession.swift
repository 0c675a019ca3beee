import KinerjaProto

/// One signed-in browser: held only in the gateway's memory, keyed by a random id the browser
/// keeps in its cookie. The tokens never leave the gateway.
struct WebSession: Sendable {
    /// The cookie value: 32 random bytes, base64url.
    let id: String
    /// The token every form of this session carries (32 random bytes, base64url).
    let csrfToken: String
    let nip: String
    let displayName: String
    let unitID: String
    let unitName: String
    /// The user's bawahan (direct reports), by NIP; not empty for an atasan langsung.
    let bawahanNIPs: [String]
    let roles: Set<Common.Role>
    var accessToken: String
    /// Unix seconds.
    var accessTokenExpiresAt: Int64
    var refreshToken: String
    /// Unix seconds of the sign-in and of the last request.
    let signedInAt: Int64
    var lastSeenAt: Int64
    /// True for the half-session of an account that must change its one-time password first: it
    /// reaches only the change-password page and sign-out.
    var mustChangePassword = false
    /// The week grid's draft (field name → value), kept until submitted or signed out.
    var weekDraft: [String: String] = [:]

    /// True when the user has bawahan (is an atasan langsung).
    var isAtasan: Bool { !bawahanNIPs.isEmpty }

    /// True when the user administers or leads (sees compliance, the curve, leniency).
    var isManager: Bool { roles.contains(.pengelolaKinerja) || roles.contains(.pimpinan) }
}
