import KinerjaASN
public import KinerjaProto
import Foundation
import GRDB
import KinerjaCrypto
import KinerjaService
import KinerjaStore

extension IdentityHandlers {
    private enum RefreshOutcome: Sendable {
        case issued(Identity.TokenPair)
        case refused(String)
    }

    public func refreshToken(_ request: Identity.RefreshTokenRequest, context: ServerContext) async throws -> Identity.RefreshTokenResponse {
        guard let hash = RefreshToken.hash(request.refreshToken) else {
            throw RPCError(.unauthenticated, "the refresh token is malformed", reason: "REFRESH_TOKEN_INVALID")
        }
        let now = nowSeconds
        let issuer = issuer
        // Refusals that revoke a session must commit, so the transaction returns them instead of throwing.
        let outcome: RefreshOutcome = try await store.write { [clock] db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT r.session_id, r.expires_at AS token_expires, r.spent_at, s.nip, s.expires_at AS session_expires,
                       s.revoked_at, s.audience, a.state, e.unit_id
                FROM refresh_token r JOIN session s ON s.session_id = r.session_id
                JOIN account a ON a.nip = s.nip JOIN employee e ON e.nip = s.nip
                WHERE r.token_hash = ?
                """, arguments: [Data(hash)]) else {
                return .refused("unknown refresh token")
            }
            let sessionID: String = row["session_id"]
            let nip: String = row["nip"]
            if (row["spent_at"] as Int64?) != nil {
                // A spent token presented again: someone else holds a copy. End the session.
                _ = try TokenIssuer.revokeSessions(where: "session_id = ?", [sessionID], reason: "refresh token reuse", now: now, in: db)
                try AuditLog.append(AuditRecord(principal: nip, principalKind: .user, action: context.method.path, target: nip,
                                                outcome: .authenticationFailed, statusCode: 16,
                                                detail: "spent refresh token reused; session \(sessionID) revoked",
                                                requestID: context.requestID, peerAddress: context.remoteAddress ?? ""), at: clock(), in: db)
                return .refused("the refresh token was already used; the session has been ended for safety")
            }
            if (row["revoked_at"] as Int64?) != nil { return .refused("the session has ended") }
            if (row["token_expires"] as Int64) <= now || (row["session_expires"] as Int64) <= now {
                return .refused("the refresh token has expired")
            }
            if Identity.AccountState(rawValue: row["state"]) == .disabled { return .refused("the account is disabled") }
            try db.execute(sql: "UPDATE refresh_token SET spent_at = ? WHERE token_hash = ?", arguments: [now, Data(hash)])
            try db.execute(sql: "UPDATE session SET last_refreshed_at = ? WHERE session_id = ?", arguments: [now, sessionID])
            let audience = RowCoding.ids(row["audience"])
            return .issued(try issuer.pair(nip: nip, unitID: row["unit_id"], sessionID: sessionID,
                                           sessionExpiresAt: row["session_expires"], audience: audience, now: now, in: db))
        }
        switch outcome {
        case .issued(let tokens):
            return Identity.RefreshTokenResponse(tokens: tokens)
        case .refused(let reason):
            let error = RPCError(.unauthenticated, "\(reason): sign in again", reason: "REFRESH_TOKEN_REFUSED")
            if !reason.contains("already used") {  // reuse is audited with the revocation
                await auditFailure(context, principal: "unknown", kind: .user, target: "", outcome: .authenticationFailed, error: error)
            }
            throw error
        }
    }

    public func logout(_ request: Identity.LogoutRequest, context: ServerContext) async throws -> Identity.LogoutResponse {
        let access = try Access.required()
        guard let user = access.caller.user else { throw RPCError(.unauthenticated, "sign in first") }
        let refreshHash: [UInt8]?
        if request.refreshToken.isEmpty {
            refreshHash = nil
        } else {
            guard let hash = RefreshToken.hash(request.refreshToken) else {
                throw Invalid.field("refresh_token", "is malformed", reason: "TOKEN_FORMAT")
            }
            refreshHash = hash
        }
        return try await write(context, request) { [self] db, actor in
            let ended: Int
            if request.allSessions {
                ended = try TokenIssuer.revokeSessions(where: "nip = ?", [user.nip], reason: "logout (all sessions)", now: actor.now, in: db)
            } else if let refreshHash {
                guard let sessionID = try String.fetchOne(db, sql: """
                    SELECT r.session_id FROM refresh_token r JOIN session s ON s.session_id = r.session_id
                    WHERE r.token_hash = ? AND s.nip = ?
                    """, arguments: [Data(refreshHash), user.nip]) else {
                    throw RPCError(.notFound, "the refresh token names no session of yours")
                }
                ended = try TokenIssuer.revokeSessions(where: "session_id = ?", [sessionID], reason: "logout", now: actor.now, in: db)
            } else {
                ended = try TokenIssuer.revokeSessions(where: "session_id = ?", [user.sessionID], reason: "logout", now: actor.now, in: db)
            }
            try audit(db, context, actor, target: user.nip, detail: "\(ended) session(s) ended")
            return Identity.LogoutResponse(endedSessions: UInt32(ended))
        }
    }

    public func whoAmI(_ request: Identity.WhoAmIRequest, context: ServerContext) async throws -> Identity.WhoAmIResponse {
        let access = try Access.required()
        var anonymous = Identity.WhoAmIResponse()
        anonymous.principal = access.caller.principal
        anonymous.principalKind = access.caller.principalKind
        guard let user = access.caller.user else { return anonymous }
        let now = nowSeconds
        let base = anonymous
        return try await store.read { db in
            var response = base
            response.employee = try EmployeeRecords.find(user.nip, in: db)
            response.roles = [Identity.RoleGrant(nip: user.nip, role: .pegawai)] + (try RoleRecords.grants(
                where: "nip = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)", [user.nip, now], limit: 100, in: db))
            if let unitID = response.employee?.unitID { response.unit = try UnitRecords.find(unitID, in: db) }
            response.bawahanNIPs = try String.fetchAll(db, sql: "SELECT nip FROM employee WHERE atasan_nip = ? ORDER BY full_name LIMIT 500",
                                                       arguments: [user.nip])
            response.sessionID = user.sessionID
            response.tokenExpiresAt = Common.Timestamp(seconds: Int64(user.expiresAt.timeIntervalSince1970), nanos: 0)
            return response
        }
    }

    public func listSessions(_ request: Identity.ListSessionsRequest, context: ServerContext) async throws -> Identity.ListSessionsResponse {
        let access = try Access.required()
        guard let user = access.caller.user else { throw RPCError(.unauthenticated, "sign in first") }
        let nip = request.nip.isEmpty ? user.nip : request.nip
        try Invalid.requireNIP(nip)
        try await access.require(.sessionOwner, target: nip, message: "only an admin may list someone else's sessions") { nip == user.nip }
        let now = nowSeconds
        return try await store.read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM employee WHERE nip = ?", arguments: [nip]) != nil else {
                throw RPCError(.notFound, "no employee with NIP \(nip)")
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM session WHERE nip = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC LIMIT 100
                """, arguments: [nip, now])
            return Identity.ListSessionsResponse(sessions: rows.map { Self.session($0, current: user.sessionID) })
        }
    }

    public func revokeSession(_ request: Identity.RevokeSessionRequest, context: ServerContext) async throws -> Identity.RevokeSessionResponse {
        let access = try Access.required()
        guard let user = access.caller.user else { throw RPCError(.unauthenticated, "sign in first") }
        try Invalid.requireText(request.sessionID, "session_id", max: 64)
        try Invalid.requireText(request.reason, "reason", max: 500, optional: true)
        let owner = try await store.read { db in
            try String.fetchOne(db, sql: "SELECT nip FROM session WHERE session_id = ?", arguments: [request.sessionID])
        }
        guard let owner else { throw RPCError(.notFound, "no session \(request.sessionID)") }
        try await access.require(.sessionOwner, target: owner, message: "only the owner or an admin may revoke a session") { owner == user.nip }
        return try await write(context, request) { [self] db, actor in
            _ = try TokenIssuer.revokeSessions(where: "session_id = ?", [request.sessionID],
                                               reason: request.reason.isEmpty ? "revoked" : request.reason, now: actor.now, in: db)
            try audit(db, context, actor, target: owner, detail: "session \(request.sessionID) revoked")
            let row = try Row.fetchOne(db, sql: "SELECT * FROM session WHERE session_id = ?", arguments: [request.sessionID])
            return Identity.RevokeSessionResponse(session: row.map { Self.session($0, current: user.sessionID) })
        }
    }

    public func changePassword(_ request: Identity.ChangePasswordRequest, context: ServerContext) async throws -> Identity.ChangePasswordResponse {
        let access = try Access.required()
        guard let user = access.caller.user else { throw RPCError(.unauthenticated, "sign in first") }
        try Invalid.requireText(request.currentPassword, "current_password", max: 256)
        let violations = PasswordPolicy.violations(newPassword: request.newPassword, nip: user.nip, currentPassword: request.currentPassword)
        if !violations.isEmpty { throw Invalid.fields(violations) }
        let stored = try await store.read { db in
            try String.fetchOne(db, sql: "SELECT password_hash FROM account WHERE nip = ?", arguments: [user.nip])
        }
        let current = request.currentPassword
        guard let stored, try await hashing.run({ PasswordHasher.verify(current, against: stored) }) else {
            _ = try await recordFailedLogin(nip: user.nip, now: nowSeconds)
            let error = RPCError(.unauthenticated, "the current password is wrong", reason: "WRONG_PASSWORD")
            await auditFailure(context, principal: user.nip, kind: .user, target: user.nip, outcome: .authenticationFailed, error: error)
            throw error
        }
        let hasher = PasswordHasher(parameters: configuration.passwordHash)
        let newPassword = request.newPassword
        let newHash = try await hashing.run { try hasher.hash(newPassword) }
        let issuer = issuer
        return try await write(context, request) { [self] db, actor in
            try db.execute(sql: """
                UPDATE account SET password_hash = ?, must_change_password = 0, password_expires_at = NULL, password_changed_at = ?,
                       state = ?, failed_login_count = 0, updated_by = ?, updated_kind = ?, updated_at = ? WHERE nip = ?
                """, arguments: [newHash, actor.now, Identity.AccountState.active.rawValue, actor.principal, actor.kind.rawValue,
                                 actor.now, user.nip])
            if request.endOtherSessions {
                _ = try TokenIssuer.revokeSessions(where: "nip = ? AND session_id <> ?", [user.nip, user.sessionID],
                                                   reason: "password changed", now: actor.now, in: db)
            }
            // The session continues with fresh tokens for every service (the one-time restriction ends here).
            try db.execute(sql: "UPDATE refresh_token SET spent_at = ? WHERE session_id = ? AND spent_at IS NULL",
                           arguments: [actor.now, user.sessionID])
            try db.execute(sql: "UPDATE session SET audience = ? WHERE session_id = ?", arguments: [TokenIssuer.allServices, user.sessionID])
            guard let sessionExpires = try Int64.fetchOne(db, sql: "SELECT expires_at FROM session WHERE session_id = ?",
                                                          arguments: [user.sessionID]) else {
                throw RPCError(.unauthenticated, "the session has ended; sign in again")
            }
            let tokens = try issuer.pair(nip: user.nip, unitID: user.unitID, sessionID: user.sessionID, sessionExpiresAt: sessionExpires,
                                         audience: [TokenIssuer.allServices], now: actor.now, in: db)
            try audit(db, context, actor, target: user.nip, detail: request.endOtherSessions ? "other sessions ended" : "")
            return Identity.ChangePasswordResponse(tokens: tokens)
        }
    }

    public func listSigningKeys(_ request: Identity.ListSigningKeysRequest, context: ServerContext) async throws -> Identity.ListSigningKeysResponse {
        Identity.ListSigningKeysResponse(keys: keys.published(), cacheTtlSeconds: 300)
    }

    public func rotateSigningKey(_ request: Identity.RotateSigningKeyRequest, context: ServerContext) async throws -> Identity.RotateSigningKeyResponse {
        try Invalid.requireText(request.reason, "reason", max: 500)
        let ring = keys
        let now = clock()
        _ = try await write(context, request) { [self] db, actor in
            try ring.rotate(emergency: request.emergency, now: now, in: db)
            try audit(db, context, actor, target: "signing-keys", detail: (request.emergency ? "emergency: " : "") + request.reason)
            return Identity.RotateSigningKeyResponse()
        }
        try await ring.reload(now: now)
        return Identity.RotateSigningKeyResponse(keys: ring.published())
    }

    static func session(_ row: Row, current: String) -> Identity.Session {
        var session = Identity.Session()
        session.sessionID = row["session_id"]
        session.nip = row["nip"]
        session.createdAt = RowCoding.timestamp(row["created_at"])
        session.lastRefreshedAt = RowCoding.timestamp(row["last_refreshed_at"])
        session.expiresAt = RowCoding.timestamp(row["expires_at"])
        session.clientName = row["client_name"]
        session.peerAddress = row["peer_address"]
        session.current = session.sessionID == current
        return session
    }
}
