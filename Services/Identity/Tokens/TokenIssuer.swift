import KinerjaASN
import Foundation
import GRDB
import KinerjaCrypto
import KinerjaProto
import KinerjaStore

/// Makes token pairs: Ed25519-signed access tokens and stored-hashed refresh tokens.
struct TokenIssuer {
    /// The audience of every Kinerja service.
    static let allServices = "kinerja"
    /// The only audience while a one-time password awaits its change.
    static let passwordChangeOnly = Identity.IdentityService.descriptor.name

    let ring: SigningKeyRing
    let configuration: IdentityConfiguration

    /// Roles in force for `nip`, including the implicit ROLE_PEGAWAI.
    static func roleClaims(of nip: String, now: Int64, in db: Database) throws -> [Identity.RoleClaim] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT role, scope_unit_ids, include_subunits FROM role_grant
            WHERE nip = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?) ORDER BY granted_at
            """, arguments: [nip, now])
        let granted = rows.map {
            Identity.RoleClaim(role: Common.Role(rawValue: $0["role"]), scopeUnitIDs: RowCoding.ids($0["scope_unit_ids"]),
                               includeSubunits: $0["include_subunits"])
        }
        // Pimpinan follows from the position: the units the person heads, and those whose head
        // position they act in today (Plt/Plh) — never a role pengelola kinerja hands out.
        let today = Wita.today(now: Date(timeIntervalSince1970: TimeInterval(now)))
        var headed = try String.fetchAll(db, sql: "SELECT unit_id FROM unit WHERE head_nip = ? AND active = 1", arguments: [nip])
        headed += try ActingRecords.inForce(on: today, in: db).values.filter { $0.actingNIP == nip }.map(\.unitID)
        let derived = headed.isEmpty ? [] : [Identity.RoleClaim(role: .pimpinan, scopeUnitIDs: Array(Set(headed)).sorted(), includeSubunits: true, derived: true)]
        return [Identity.RoleClaim(role: .pegawai)] + granted + derived
    }

    /// The acting assignments (Plt/Plh) of `nip` in force at `now`, for the token.
    static func actingClaims(of nip: String, now: Int64, in db: Database) throws -> [Identity.ActingClaim] {
        let today = Wita.today(now: Date(timeIntervalSince1970: TimeInterval(now)))
        return try ActingRecords.inForce(on: today, in: db).values.filter { $0.actingNIP == nip }.sorted { $0.unitID < $1.unitID }
            .map { Identity.ActingClaim(unitID: $0.unitID, kind: $0.kind, validUntil: $0.validUntil) }
    }

    /// Signs an access token for a session.
    func accessToken(nip: String, unitID: String, sessionID: String, audience: [String], now: Int64,
                     in db: Database) throws -> (token: String, expiresAt: Int64) {
        let key = try ring.active()
        let expires = now + Int64(min(max(configuration.accessTokenMinutes, 1), 15) * 60)
        var claims = Identity.AccessTokenClaims()
        claims.issuer = AccessTokenVerifier.issuer
        claims.subject = nip
        claims.audience = audience
        claims.issuedAt = Common.Timestamp(seconds: now, nanos: 0)
        claims.notBefore = Common.Timestamp(seconds: now, nanos: 0)
        claims.expiresAt = Common.Timestamp(seconds: expires, nanos: 0)
        claims.tokenID = ULID.make()
        claims.sessionID = sessionID
        claims.keyID = key.keyID
        claims.roles = try Self.roleClaims(of: nip, now: now, in: db)
        claims.unitID = unitID
        claims.subjectNonAsn = PersonIdentifier.isNonASN(nip)
        claims.acting = try Self.actingClaims(of: nip, now: now, in: db)
        return (try key.signer.sign(claims), expires)
    }

    /// Stores a new refresh token for `sessionID` and returns it with its expiry.
    func refreshToken(sessionID: String, sessionExpiresAt: Int64, now: Int64, in db: Database) throws -> (token: String, expiresAt: Int64) {
        let (token, hash) = RefreshToken.generate()
        let expires = min(now + Int64(configuration.refreshTokenHours * 3600), sessionExpiresAt)
        try db.execute(sql: "INSERT INTO refresh_token (token_hash, session_id, issued_at, expires_at) VALUES (?, ?, ?, ?)",
                       arguments: [Data(hash), sessionID, now, expires])
        return (token, expires)
    }

    /// A full token pair for an open session.
    func pair(nip: String, unitID: String, sessionID: String, sessionExpiresAt: Int64, audience: [String], now: Int64,
              in db: Database) throws -> Identity.TokenPair {
        let access = try accessToken(nip: nip, unitID: unitID, sessionID: sessionID, audience: audience, now: now, in: db)
        let refresh = try refreshToken(sessionID: sessionID, sessionExpiresAt: sessionExpiresAt, now: now, in: db)
        return Identity.TokenPair(accessToken: access.token, accessTokenExpiresAt: Common.Timestamp(seconds: access.expiresAt, nanos: 0),
                                  refreshToken: refresh.token, refreshTokenExpiresAt: Common.Timestamp(seconds: refresh.expiresAt, nanos: 0),
                                  sessionID: sessionID)
    }

    /// Ends sessions (and spends their refresh tokens); returns how many were open.
    static func revokeSessions(where condition: String, _ arguments: StatementArguments, reason: String, now: Int64,
                               in db: Database) throws -> Int {
        let ids = try String.fetchAll(db, sql: "SELECT session_id FROM session WHERE revoked_at IS NULL AND \(condition)", arguments: arguments)
        for id in ids {
            try db.execute(sql: "UPDATE session SET revoked_at = ?, revoked_reason = ? WHERE session_id = ?", arguments: [now, reason, id])
            try db.execute(sql: "UPDATE refresh_token SET spent_at = ? WHERE session_id = ? AND spent_at IS NULL", arguments: [now, id])
        }
        return ids.count
    }
}
