public import KinerjaProto
import Foundation
import GRDB
import KinerjaCrypto
import KinerjaService
import KinerjaStore

extension IdentityHandlers {
    var issuer: TokenIssuer { TokenIssuer(ring: keys, configuration: configuration) }

    /// A hash to verify against when the NIP has no password, so that unknown NIPs cost the
    /// same time as wrong passwords and cannot be told apart.
    private static let decoyHash = (try? PasswordHasher(parameters: .recommended).hash("kinerja-decoy-password")) ?? ""

    public func login(_ request: Identity.LoginRequest, context: ServerContext) async throws -> Identity.LoginResponse {
        try Invalid.requireNIP(request.nip)
        try Invalid.requireText(request.password, "password", max: 256)
        try Invalid.requireText(request.clientName, "client_name", max: 200, optional: true)
        guard request.audience.count <= 10, request.audience.allSatisfy({ !$0.isEmpty && $0.count <= 100 }) else {
            throw Invalid.field("audience", "must be at most 10 service names of at most 100 characters")
        }
        let now = clock()
        let address = context.remoteAddress ?? "unknown"
        if let wait = addressLimits.withLock({ $0.take(address, now: now) }) {
            let error = RPCError(.resourceExhausted, "too many sign-in attempts from this address; retry in \(wait) s",
                                 details: [Self.retryInfo(seconds: wait)])
            await auditFailure(context, principal: request.nip, kind: .user, target: request.nip, outcome: .authenticationFailed, error: error)
            throw error
        }
        let account = try await store.pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT a.*, e.unit_id FROM account a JOIN employee e ON e.nip = a.nip WHERE a.nip = ?
                """, arguments: [request.nip])
        }
        let wrong = RPCError(.unauthenticated, "wrong NIP or password")
        guard let account, let hash = account["password_hash"] as String? else {
            _ = try await hashing.run { PasswordHasher.verify(request.password, against: Self.decoyHash) }
            await auditFailure(context, principal: request.nip, kind: .user, target: request.nip, outcome: .authenticationFailed, error: wrong)
            throw wrong
        }
        let nowSeconds = Int64(now.timeIntervalSince1970)
        if let lockedUntil = account["locked_until"] as Int64?, lockedUntil > nowSeconds {
            let wait = Int(lockedUntil - nowSeconds)
            let error = RPCError(.resourceExhausted, "the account is locked after repeated failed sign-ins; retry in \(wait / 60 + 1) min or ask HR to unlock it",
                                 details: [Self.retryInfo(seconds: wait)])
            await auditFailure(context, principal: request.nip, kind: .user, target: request.nip, outcome: .authenticationFailed, error: error)
            throw error
        }
        let password = request.password
        guard try await hashing.run({ PasswordHasher.verify(password, against: hash) }) else {
            let locked = try await recordFailedLogin(nip: request.nip, now: nowSeconds)
            await auditFailure(context, principal: request.nip, kind: .user, target: request.nip, outcome: .authenticationFailed,
                               error: locked ? RPCError(.unauthenticated, "wrong password; account locked") : wrong)
            throw wrong
        }
        let state = Identity.AccountState(rawValue: account["state"])
        if state == .disabled || state == .pendingActivation {
            let error = RPCError(.failedPrecondition, state == .disabled ? "the account is disabled; ask HR (pengelola kinerja)"
                                                                          : "the account is not activated; ask HR for a one-time password")
            await auditFailure(context, principal: request.nip, kind: .user, target: request.nip, outcome: .denied, error: error)
            throw error
        }
        if let expires = account["password_expires_at"] as Int64?, expires < nowSeconds {
            let error = RPCError(.failedPrecondition, "the one-time password has expired; ask HR for a new one")
            await auditFailure(context, principal: request.nip, kind: .user, target: request.nip, outcome: .denied, error: error)
            throw error
        }
        let hasher = PasswordHasher(parameters: configuration.passwordHash)
        let rehashed: String? = hasher.needsRehash(hash) ? try await hashing.run { try hasher.hash(password) } : nil
        let mustChange: Bool = account["must_change_password"]
        let audience = mustChange ? [TokenIssuer.passwordChangeOnly] : (request.audience.isEmpty ? [TokenIssuer.allServices] : request.audience)
        let unitID: String = account["unit_id"]
        let issuer = issuer
        let sessionDays = configuration.sessionDays
        let clientName = request.clientName
        let nip = request.nip
        return try await store.pool.write { [clock] db in
            if let rehashed {
                try db.execute(sql: "UPDATE account SET password_hash = ? WHERE nip = ?", arguments: [rehashed, nip])
            }
            try db.execute(sql: """
                UPDATE account SET failed_login_count = 0, locked_until = NULL, last_login_at = ?,
                       state = CASE WHEN state = ? THEN ? ELSE state END WHERE nip = ?
                """, arguments: [nowSeconds, Identity.AccountState.locked.rawValue, Identity.AccountState.active.rawValue, nip])
            let sessionID = ULID.make(now: now)
            let sessionExpires = nowSeconds + Int64(sessionDays * 86_400)
            try db.execute(sql: """
                INSERT INTO session (session_id, nip, created_at, last_refreshed_at, expires_at, audience, client_name, peer_address)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [sessionID, nip, nowSeconds, nowSeconds, sessionExpires, audience.joined(separator: ","),
                                 clientName, address])
            let tokens = try issuer.pair(nip: nip, unitID: unitID, sessionID: sessionID, sessionExpiresAt: sessionExpires,
                                         audience: audience, now: nowSeconds, in: db)
            try AuditLog.append(AuditRecord(principal: nip, principalKind: .user, action: context.method.path, target: nip,
                                            outcome: .success, detail: rehashed != nil ? "password rehashed" : "",
                                            requestID: context.requestID, peerAddress: address), at: clock(), in: db)
            var response = Identity.LoginResponse()
            response.tokens = tokens
            response.mustChangePassword = mustChange
            response.employee = try EmployeeRecords.find(nip, in: db)
            return response
        }
    }

    /// Counts a failed sign-in; locks the account at the threshold. Returns true when it locked.
    func recordFailedLogin(nip: String, now: Int64) async throws -> Bool {
        let threshold = max(1, configuration.lockoutThreshold)
        let baseMinutes = Int64(max(1, configuration.lockoutMinutes))
        return try await store.pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT failed_login_count, lockout_count FROM account WHERE nip = ?", arguments: [nip]) else {
                return false
            }
            let failures = (row["failed_login_count"] as Int) + 1
            guard failures >= threshold else {
                try db.execute(sql: "UPDATE account SET failed_login_count = ? WHERE nip = ?", arguments: [failures, nip])
                return false
            }
            // Each lockout doubles the previous one, up to a day.
            let lockouts = row["lockout_count"] as Int
            let minutes = min(baseMinutes << min(lockouts, 10), 24 * 60)
            try db.execute(sql: """
                UPDATE account SET failed_login_count = 0, lockout_count = lockout_count + 1, locked_until = ?, state = ?,
                       updated_by = 'system', updated_kind = ?, updated_at = ? WHERE nip = ?
                """, arguments: [now + minutes * 60, Identity.AccountState.locked.rawValue, Common.PrincipalKind.system.rawValue, now, nip])
            try AuditLog.append(AuditRecord(principal: "system", principalKind: .system, action: "identity.account.lock", target: nip,
                                            outcome: .success, detail: "locked for \(minutes) min after \(failures) failed sign-ins"), in: db)
            return true
        }
    }

    static func retryInfo(seconds: Int) -> RPC.StatusDetail {
        var detail = RPC.StatusDetail()
        detail.detail = .retryInfo(RPC.RetryInfo(retryDelayMs: UInt64(max(seconds, 1)) * 1000))
        return detail
    }
}
