import GRDB
import KinerjaProto

/// Reading role grants and accounts.
enum RoleRecords {
    static func grant(_ row: Row) -> Identity.RoleGrant {
        var grant = Identity.RoleGrant()
        grant.grantID = row["grant_id"]
        grant.nip = row["nip"]
        grant.role = Common.Role(rawValue: row["role"])
        grant.scopeUnitIDs = RowCoding.ids(row["scope_unit_ids"])
        grant.includeSubunits = row["include_subunits"]
        grant.reason = row["reason"]
        grant.expiresAt = RowCoding.timestamp(row["expires_at"])
        grant.granted = RowCoding.stamp(row, "granted")
        grant.revoked = RowCoding.stamp(row, "revoked")
        return grant
    }

    static func grants(where condition: String, _ arguments: StatementArguments, limit: Int, offset: Int = 0,
                       in db: Database) throws -> [Identity.RoleGrant] {
        try Row.fetchAll(db, sql: "SELECT * FROM role_grant WHERE \(condition) ORDER BY granted_at DESC, grant_id LIMIT ? OFFSET ?",
                         arguments: arguments + [limit, offset]).map(grant)
    }

    static func insert(_ grant: Identity.RoleGrant, actor: Actor, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO role_grant (grant_id, nip, role, scope_unit_ids, include_subunits, reason, expires_at,
                                    granted_by, granted_kind, granted_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: StatementArguments([
                grant.grantID, grant.nip, grant.role.rawValue, grant.scopeUnitIDs.joined(separator: ","), grant.includeSubunits,
                grant.reason, grant.expiresAt?.seconds,
            ] as [(any DatabaseValueConvertible)?]) + StatementArguments(actor.arguments))
    }

    static func account(_ row: Row) -> Identity.Account {
        var account = Identity.Account()
        account.nip = row["nip"]
        account.state = Identity.AccountState(rawValue: row["state"])
        account.mustChangePassword = row["must_change_password"]
        account.passwordChangedAt = RowCoding.timestamp(row["password_changed_at"])
        account.lastLoginAt = RowCoding.timestamp(row["last_login_at"])
        account.failedLoginCount = UInt32(row["failed_login_count"] as Int64)
        account.lockedUntil = RowCoding.timestamp(row["locked_until"])
        account.disabledReason = row["disabled_reason"]
        account.updated = RowCoding.stamp(row, "updated")
        return account
    }

    static func account(_ nip: String, in db: Database) throws -> Identity.Account? {
        try Row.fetchOne(db, sql: "SELECT * FROM account WHERE nip = ?", arguments: [nip]).map(account)
    }

    /// A new account without a password (PENDING_ACTIVATION).
    static func insertAccount(nip: String, actor: Actor, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO account (nip, state, must_change_password, failed_login_count, disabled_reason,
                                 updated_by, updated_kind, updated_at)
            VALUES (?, ?, 0, 0, '', ?, ?, ?)
            """).execute(arguments: StatementArguments([nip, Identity.AccountState.pendingActivation.rawValue] as [any DatabaseValueConvertible])
                + StatementArguments(actor.arguments))
    }
}
