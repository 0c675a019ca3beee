import KinerjaASN
public import KinerjaProto
import Foundation
import GRDB
import KinerjaCrypto
import KinerjaService
import KinerjaStore

extension IdentityHandlers {
    var issuer: TokenIssuer { TokenIssuer(ring: keys, configuration: configuration) }


    public func login(_ request: Identity.LoginRequest, context: ServerContext) async throws -> Identity.LoginResponse {
        try Invalid.requirePersonID(request.nip, "nip")
        try Invalid.requireText(request.password, "password", max: 256)
        try Invalid.requireText(request.clientName, "client_name", max: 200, optional: true)
        guard request.audience.count <= 10, request.audience.allSatisfy({ !$0.isEmpty && $0.count <= 100 }) else {
            throw Invalid.field("audience", "must be at most 10 service names of at most 100 characters")
        }
        let now = clock()
        let address = context.remoteAddress ?? "unknown"
        // The limit is per host, or per browser behind the web gateway (SignInAddress).
        let caller = Caller(context: context)
        var peerClient: String?
        if case .client(let name) = caller.peer { peerClient = name }
        let limitKey = SignInAddress.key(remoteAddress: context.remoteAddress, clientName: peerClient,
                                         forwarded: context.metadata.first(Metadata.WellKnownKey.clientAddress))
        if case .limited(let retryAfter) = addressLimits.withLock({ $0.attempt(from: limitKey, now: .now) }) {
            let wait = Int(retryAfter.components.seconds) + 1
            let error = RPCError(.resourceExhausted, "too many sign-in attempts from this address; retry in \(wait) s",
                                 reason: "ADDRESS_RATE_LIMITED", details: [Self.retryInfo(seconds: wait)])
            await auditFailure(context, principal: request.nip, kind: .user, target: request.nip, outcome: .authenticationFailed, error: error)
            throw error
        }
        let account = try await store.read { db in
            try Row.fetchOne(db, sql: """
                SELECT a.*, e.unit_id FROM account a JOIN employee e ON e.nip = a.nip WHERE a.nip = ?
                """, arguments: [request.nip]).map(StoredCredentials.init)
        }
        let wrong = RPCError(.unauthenticated, "wrong NIP or password", reason: "WRONG_PASSWORD")
        guard let account, let hash = account.passwordHash else {
            let decoy = decoyHash
            _ = try await hashing.run { PasswordHasher.verify(request.password, against: decoy) }
            await auditFailure(context, principal: request.nip, kind: .user, target: request.nip, outcome: .authenticationFailed, error: wrong)
            throw wrong
        }
        let nowSeconds = Int64(now.timeIntervalSince1970)
        let lockout = AccountLockout(configuration: configuration.throttle, consecutiveFailures: account.failedLoginCount,
                                     lockedUntil: account.lockedUntil.map { Date(timeIntervalSince1970: TimeInterval($0)) })
        if case .locked(let until) = lockout.check(now: now) {
            let wait = Int(until.timeIntervalSince(now).rounded(.up))
            let error = RPCError(.resourceExhausted, "the account is locked after repeated failed sign-ins; retry in \(wait / 60 + 1) min or ask HR to unlock it",
                                 reason: "ACCOUNT_LOCKED", details: [Self.retryInfo(seconds: wait)])
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
        let state = account.state
        if state == .disabled || state == .pendingActivation {
            let error = RPCError(.failedPrecondition, state == .disabled ? "the account is disabled; ask HR (pengelola kinerja)"
                                                                          : "the account is not activated; ask HR for a one-time password",
                                 reason: state == .disabled ? "ACCOUNT_DISABLED" : "ACCOUNT_NOT_ACTIVATED")
            await auditFailure(context, principal: request.nip, kind: .user, target: request.nip, outcome: .denied, error: error)
            throw error
        }
        if let expires = account.passwordExpiresAt, expires < nowSeconds {
            let error = RPCError(.failedPrecondition, "the one-time password has expired; ask HR for a new one", reason: "ONE_TIME_PASSWORD_EXPIRED")
            await auditFailure(context, principal: request.nip, kind: .user, target: request.nip, outcome: .denied, error: error)
            throw error
        }
        let hasher = PasswordHasher(parameters: configuration.passwordHash)
        let rehashed: String? = hasher.needsRehash(hash) ? try await hashing.run { try hasher.hash(password) } : nil
        let mustChange = account.mustChangePassword
        let audience = mustChange ? [TokenIssuer.passwordChangeOnly] : (request.audience.isEmpty ? [TokenIssuer.allServices] : request.audience)
        let unitID = account.unitID
        let issuer = issuer
        let sessionDays = configuration.sessionDays
        let clientName = request.clientName
        let nip = request.nip
        return try await store.write { [clock] db in
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

    /// Counts a failed sign-in (AccountLockout's rules); returns true when it started a lockout.
    func recordFailedLogin(nip: String, now: Int64) async throws -> Bool {
        let throttle = configuration.throttle
        return try await store.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT failed_login_count, locked_until FROM account WHERE nip = ?", arguments: [nip]) else {
                return false
            }
            var lockout = AccountLockout(configuration: throttle, consecutiveFailures: row["failed_login_count"],
                                         lockedUntil: (row["locked_until"] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) })
            let at = Date(timeIntervalSince1970: TimeInterval(now))
            let wasLocked = lockout.check(now: at) != .allow
            let action = lockout.recordFailure(now: at)
            let until = lockout.lockedUntil.map { Int64($0.timeIntervalSince1970) }
            try db.execute(sql: "UPDATE account SET failed_login_count = ?, locked_until = ? WHERE nip = ?",
                           arguments: [lockout.consecutiveFailures, until, nip])
            guard case .locked = action, !wasLocked, let until else { return false }
            try db.execute(sql: "UPDATE account SET state = ?, updated_by = 'system', updated_kind = ?, updated_at = ? WHERE nip = ?",
                           arguments: [Identity.AccountState.locked.rawValue, Common.PrincipalKind.system.rawValue, now, nip])
            try AuditLog.append(AuditRecord(principal: "system", principalKind: .system, action: "identity.account.lock", target: nip,
                                            outcome: .success,
                                            detail: "locked for \((until - now) / 60) min after \(lockout.consecutiveFailures) failed sign-ins"), in: db)
            return true
        }
    }

    static func retryInfo(seconds: Int) -> RPC.StatusDetail {
        var detail = RPC.StatusDetail()
        detail.detail = .retryInfo(RPC.RetryInfo(retryDelayMs: UInt64(max(seconds, 1)) * 1000))
        return detail
    }
}

/// What signing in reads of an account, copied out of the row.
struct StoredCredentials: Sendable {
    var passwordHash: String?
    var state: Identity.AccountState
    var mustChangePassword: Bool
    var passwordExpiresAt: Int64?
    var failedLoginCount: Int
    var lockedUntil: Int64?
    var unitID: String

    init(_ row: Row) {
        passwordHash = row["password_hash"]
        state = Identity.AccountState(rawValue: row["state"])
        mustChangePassword = row["must_change_password"]
        passwordExpiresAt = row["password_expires_at"]
        failedLoginCount = row["failed_login_count"]
        lockedUntil = row["locked_until"]
        unitID = row["unit_id"]
    }
}
