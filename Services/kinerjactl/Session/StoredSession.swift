import KinerjaProto

/// What `kinerjactl login` keeps between commands: where the user signed in, as whom, and the
/// current token pair with its expiries (Unix seconds, UTC).
struct StoredSession: Codable, Equatable, Sendable {
    /// The identity service as HOST:PORT.
    var server: String
    /// The signed-in user's NIP.
    var nip: String
    var accessToken: String
    var accessTokenExpiresAt: Int64
    var refreshToken: String
    var refreshTokenExpiresAt: Int64
    var sessionID: String

    enum CodingKeys: String, CodingKey {
        case server, nip
        case accessToken = "access_token"
        case accessTokenExpiresAt = "access_token_expires_at"
        case refreshToken = "refresh_token"
        case refreshTokenExpiresAt = "refresh_token_expires_at"
        case sessionID = "session_id"
    }

    /// A session from a fresh token pair.
    init(server: String, nip: String, tokens: Identity.TokenPair) {
        self.server = server
        self.nip = nip
        self.accessToken = tokens.accessToken
        self.accessTokenExpiresAt = tokens.accessTokenExpiresAt?.seconds ?? 0
        self.refreshToken = tokens.refreshToken
        self.refreshTokenExpiresAt = tokens.refreshTokenExpiresAt?.seconds ?? 0
        self.sessionID = tokens.sessionID
    }

    /// Takes a rotated token pair (refresh, password change); the session id stays when the pair has none.
    mutating func replaceTokens(with tokens: Identity.TokenPair) {
        accessToken = tokens.accessToken
        accessTokenExpiresAt = tokens.accessTokenExpiresAt?.seconds ?? 0
        refreshToken = tokens.refreshToken
        refreshTokenExpiresAt = tokens.refreshTokenExpiresAt?.seconds ?? 0
        if !tokens.sessionID.isEmpty { sessionID = tokens.sessionID }
    }

    /// Seconds of validity an access token must have left to be sent as it is.
    static let refreshMargin: Int64 = 30

    /// Whether the access token is expired or expires within ``refreshMargin`` of `now`.
    func accessTokenNeedsRefresh(now: Int64) -> Bool {
        accessTokenExpiresAt - now <= Self.refreshMargin
    }

    /// Whether the refresh token can no longer be used at `now`.
    func refreshTokenExpired(now: Int64) -> Bool {
        refreshTokenExpiresAt <= now
    }
}
