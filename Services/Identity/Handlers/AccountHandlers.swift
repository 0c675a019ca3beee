import KinerjaASN
public import KinerjaProto
import Foundation
import GRDB
import KinerjaCrypto
import KinerjaService
import KinerjaStore

extension IdentityHandlers {
    /// Validates an account request and checks the caller may administer `nip`'s account.
    private func administeredAccount(_ nip: String, reason: String?, context: ServerContext) async throws {
        try Invalid.requireNIP(nip)
        if let reason { try Invalid.requireText(reason, "reason", max: 500) }
        let exists = try await store.read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE nip = ?", arguments: [nip]) != nil }
        guard exists else { throw RPCError(.notFound, "no account for NIP \(nip)") }
        try await Access.required().require(.employee(nip: nip))
    }

    public func getAccount(_ request: Identity.GetAccountRequest, context: ServerContext) async throws -> Identity.GetAccountResponse {
        try await administeredAccount(request.nip, reason: nil, context: context)
        return try await store.read { db in Identity.GetAccountResponse(account: try RoleRecords.account(request.nip, in: db)) }
    }

    public func enableAccount(_ request: Identity.EnableAccountRequest, context: ServerContext) async throws -> Identity.EnableAccountResponse {
        try await administeredAccount(request.nip, reason: request.reason, context: context)
        return try await write(context, request) { [self] db, actor in
            guard try Int32.fetchOne(db, sql: "SELECT status FROM employee WHERE nip = ?", arguments: [request.nip])
                    == Identity.EmploymentStatus.aktif.rawValue else {
                throw RPCError(.failedPrecondition, "the employee is not AKTIF; only active employees may sign in")
            }
            // An account that never had a password goes back to pending; otherwise active.
            try db.execute(sql: """
                UPDATE account SET state = CASE WHEN password_hash IS NULL THEN ? ELSE ? END, disabled_reason = '',
                       updated_by = ?, updated_kind = ?, updated_at = ? WHERE nip = ? AND state = ?
                """, arguments: StatementArguments([Identity.AccountState.pendingActivation.rawValue, Identity.AccountState.active.rawValue] as [Int32])
                    + StatementArguments(actor.arguments) + [request.nip, Identity.AccountState.disabled.rawValue])
            try audit(db, context, actor, target: request.nip, detail: request.reason)
            return Identity.EnableAccountResponse(account: try RoleRecords.account(request.nip, in: db))
        }
    }

    public func disableAccount(_ request: Identity.DisableAccountRequest, context: ServerContext) async throws -> Identity.DisableAccountResponse {
        let access = try Access.required()
        if access.isSelf(request.nip) { throw RPCError(.failedPrecondition, "you cannot disable your own account") }
        try await administeredAccount(request.nip, reason: request.reason, context: context)
        return try await write(context, request) { [self] db, actor in
            try db.execute(sql: """
                UPDATE account SET state = ?, disabled_reason = ?, updated_by = ?, updated_kind = ?, updated_at = ? WHERE nip = ?
                """, arguments: StatementArguments([Identity.AccountState.disabled.rawValue, request.reason] as [any DatabaseValueConvertible])
                    + StatementArguments(actor.arguments) + [request.nip])
            let revoked = try TokenIssuer.revokeSessions(where: "nip = ?", [request.nip], reason: "account disabled", now: actor.now, in: db)
            try audit(db, context, actor, target: request.nip, detail: request.reason)
            return Identity.DisableAccountResponse(account: try RoleRecords.account(request.nip, in: db), revokedSessions: UInt32(revoked))
        }
    }

    public func unlockAccount(_ request: Identity.UnlockAccountRequest, context: ServerContext) async throws -> Identity.UnlockAccountResponse {
        try await administeredAccount(request.nip, reason: request.reason, context: context)
        return try await write(context, request) { [self] db, actor in
            guard let account = try RoleRecords.account(request.nip, in: db) else { throw RPCError(.notFound, "no account for NIP \(request.nip)") }
            let lockedNow = account.state == .locked && (account.lockedUntil?.seconds ?? 0) > actor.now
            guard lockedNow else { throw RPCError(.failedPrecondition, "the account is not locked") }
            try db.execute(sql: """
                UPDATE account SET state = ?, locked_until = NULL, failed_login_count = 0, updated_by = ?, updated_kind = ?,
                       updated_at = ? WHERE nip = ?
                """, arguments: StatementArguments([Identity.AccountState.active.rawValue] as [Int32]) + StatementArguments(actor.arguments) + [request.nip])
            try audit(db, context, actor, target: request.nip, detail: request.reason)
            return Identity.UnlockAccountResponse(account: try RoleRecords.account(request.nip, in: db))
        }
    }

    public func resetPassword(_ request: Identity.ResetPasswordRequest, context: ServerContext) async throws -> Identity.ResetPasswordResponse {
        let access = try Access.required()
        if access.isSelf(request.nip) {
            throw await access.denial(target: request.nip, "you cannot reset your own password; use ChangePassword")
        }
        try await administeredAccount(request.nip, reason: request.reason, context: context)
        let oneTime = OneTimePassword.generate()
        let hasher = PasswordHasher(parameters: configuration.passwordHash)
        let hash = try await hashing.run { try hasher.hash(oneTime) }
        // Not idempotent by design: every call issues a new password (the key is ignored).
        let actor = try actor()
        let expires = actor.now + 86_400
        let account: Identity.Account? = try await store.write { [self] db in
            guard let current = try RoleRecords.account(request.nip, in: db) else { throw RPCError(.notFound, "no account for NIP \(request.nip)") }
            if current.state == .disabled { throw RPCError(.failedPrecondition, "the account is disabled; enable it first") }
            try db.execute(sql: """
                UPDATE account SET password_hash = ?, must_change_password = 1, password_expires_at = ?, state = ?, locked_until = NULL,
                       failed_login_count = 0, updated_by = ?, updated_kind = ?, updated_at = ? WHERE nip = ?
                """, arguments: StatementArguments([hash, expires, Identity.AccountState.active.rawValue] as [any DatabaseValueConvertible])
                    + StatementArguments(actor.arguments) + [request.nip])
            _ = try TokenIssuer.revokeSessions(where: "nip = ?", [request.nip], reason: "password reset", now: actor.now, in: db)
            try audit(db, context, actor, target: request.nip, detail: request.reason)
            return try RoleRecords.account(request.nip, in: db)
        }
        return Identity.ResetPasswordResponse(oneTimePassword: oneTime, expiresAt: Common.Timestamp(seconds: expires, nanos: 0),
                                              account: account)
    }

    // MARK: Audit (the shared implementation).

    public func listAuditEvents(_ request: Identity.ListAuditEventsRequest, context: ServerContext) async throws -> Identity.ListAuditEventsResponse {
        let (events, page) = try await auditEvents(filter: request.filter, page: request.page)
        return Identity.ListAuditEventsResponse(events: events, page: page)
    }

    public func verifyAuditChain(_ request: Identity.VerifyAuditChainRequest, context: ServerContext) async throws -> Identity.VerifyAuditChainResponse {
        Identity.VerifyAuditChainResponse(verification: try await auditChain(from: request.fromSequence, to: request.toSequence))
    }
}
