public import KinerjaService
import GRDB

/// How long identity keeps sign-in data once it can no longer be used (docs/OPERATIONS.md,
/// "Retention"). Employees, accounts and role grants are kept: they are the basis of the
/// performance records the other services keep.
public enum IdentityRetention {
    /// Refresh tokens (stored as hashes), counted from their expiry. Until then a spent token is
    /// kept so that its reuse (a stolen token) revokes the session; after expiry it is refused anyway.
    public static let refreshTokenDays = 30
    /// Sessions, counted from their end (revocation, or expiry when not revoked): long enough for
    /// a person or an auditor to ask "who signed in as me, from where" about the last half year.
    public static let sessionDays = 180

    /// The rules, tokens before the sessions they belong to.
    public static let rules: [RetentionRule] = [
        RetentionRule("identity.refresh_token", retainedSeconds: RetentionRule.days(refreshTokenDays)) { db, cutoff in
            try db.execute(sql: "DELETE FROM refresh_token WHERE expires_at < ?", arguments: [cutoff])
            return db.changesCount
        },
        RetentionRule("identity.session", retainedSeconds: RetentionRule.days(sessionDays)) { db, cutoff in
            let ended = "SELECT session_id FROM session WHERE MIN(COALESCE(revoked_at, expires_at), expires_at) < ?"
            try db.execute(sql: "DELETE FROM refresh_token WHERE session_id IN (\(ended))", arguments: [cutoff])
            try db.execute(sql: "DELETE FROM session WHERE session_id IN (\(ended))", arguments: [cutoff])
            return db.changesCount
        },
    ]
}
