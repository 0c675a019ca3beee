import KinerjaASN
public import KinerjaProto
import Foundation
import GRDB
import KinerjaService
import KinerjaStore

extension IdentityHandlers {
    /// Nobody grants a role to themselves: a grant to oneself is refused and audited, whoever asks.
    private func refuseSelfGrant(_ target: String) async throws {
        let access = try Access.required()
        if access.isSelf(target) {
            throw await access.denial(target: target, "nobody grants a role to themselves: another admin must grant it", reason: "SELF_GRANT")
        }
    }

    public func grantRole(_ request: Identity.GrantRoleRequest, context: ServerContext) async throws -> Identity.GrantRoleResponse {
        guard var grant = request.grant else { throw Invalid.field("grant", "is required", reason: "REQUIRED") }
        try Invalid.requireNIP(grant.nip, "grant.nip")
        switch grant.role {
        case .pengelolaKinerja, .pimpinan, .admin, .auditor: break
        case .pegawai: throw Invalid.field("grant.role", "ROLE_PEGAWAI is implicit for every account and cannot be granted")
        default: throw Invalid.field("grant.role", "is required (pengelola kinerja, pimpinan, admin or auditor)", reason: "REQUIRED")
        }
        try Invalid.requireText(grant.reason, "grant.reason", max: 500)
        guard grant.scopeUnitIDs.count <= 100 else { throw Invalid.field("grant.scope_unit_ids", "must have at most 100 entries") }
        // Pimpinan follows from heading a unit (or acting for its head); a grant is for the rare
        // case identity cannot derive (e.g. a pimpinan of an organisation above), by an admin.
        if [.pengelolaKinerja, .pimpinan].contains(grant.role) && grant.scopeUnitIDs.isEmpty {
            throw Invalid.field("grant.scope_unit_ids", "is required for a scoped role", reason: "REQUIRED")
        }
        if grant.role == .admin && !grant.scopeUnitIDs.isEmpty {
            throw Invalid.field("grant.scope_unit_ids", "must be empty: admin applies everywhere")
        }
        if let expires = grant.expiresAt, expires.seconds <= nowSeconds {
            throw Invalid.field("grant.expires_at", "must be in the future")
        }
        grant.scopeUnitIDs = Array(Set(grant.scopeUnitIDs)).sorted()
        try await refuseSelfGrant(grant.nip)
        let requested = grant
        return try await write(context, request) { [self] db, actor in
            guard try EmployeeRecords.find(requested.nip, in: db) != nil else { throw RPCError(.notFound, "no employee with NIP \(requested.nip)") }
            for unit in requested.scopeUnitIDs where try UnitRecords.find(unit, in: db) == nil {
                throw RPCError(.notFound, "no unit \(unit)")
            }
            let same = try Bool.fetchOne(db, sql: """
                SELECT 1 FROM role_grant WHERE nip = ? AND role = ? AND scope_unit_ids = ? AND include_subunits = ?
                AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
                """, arguments: [requested.nip, requested.role.rawValue, requested.scopeUnitIDs.joined(separator: ","),
                                 requested.includeSubunits, actor.now]) != nil
            if same { throw RPCError(.alreadyExists, "an identical grant is already in force") }
            var created = requested
            created.grantID = ULID.make(now: clock())
            try RoleRecords.insert(created, actor: actor, in: db)
            try audit(db, context, actor, target: created.nip, detail: "grant \(created.grantID) role \(created.role.rawValue): \(created.reason)")
            return Identity.GrantRoleResponse(grant: try RoleRecords.grants(where: "grant_id = ?", [created.grantID], limit: 1, in: db).first)
        }
    }

    public func revokeRole(_ request: Identity.RevokeRoleRequest, context: ServerContext) async throws -> Identity.RevokeRoleResponse {
        try Invalid.requireText(request.grantID, "grant_id", max: 64)
        try Invalid.requireText(request.reason, "reason", max: 500)
        let existing = try await store.read { db in try RoleRecords.grants(where: "grant_id = ?", [request.grantID], limit: 1, in: db).first }
        guard let existing else { throw RPCError(.notFound, "no role grant \(request.grantID)") }
        _ = existing
        return try await write(context, request) { [self] db, actor in
            guard let grant = try RoleRecords.grants(where: "grant_id = ?", [request.grantID], limit: 1, in: db).first else {
                throw RPCError(.notFound, "no role grant \(request.grantID)")
            }
            if grant.revoked != nil || (grant.expiresAt.map { $0.seconds <= actor.now } ?? false) {
                throw RPCError(.failedPrecondition, "the grant is already revoked or expired")
            }
            if grant.role == .admin {
                let admins = try Int.fetchOne(db, sql: """
                    SELECT count(DISTINCT nip) FROM role_grant WHERE role = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
                    """, arguments: [Common.Role.admin.rawValue, actor.now]) ?? 0
                if admins <= 1 { throw RPCError(.failedPrecondition, "this is the last admin grant; grant admin to someone else first") }
            }
            try db.execute(sql: "UPDATE role_grant SET revoked_by = ?, revoked_kind = ?, revoked_at = ? WHERE grant_id = ?",
                           arguments: StatementArguments(actor.arguments) + [request.grantID])
            try audit(db, context, actor, target: grant.nip, detail: "grant \(grant.grantID) revoked: \(request.reason)")
            return Identity.RevokeRoleResponse(grant: try RoleRecords.grants(where: "grant_id = ?", [request.grantID], limit: 1, in: db).first)
        }
    }

    public func listRoleGrants(_ request: Identity.ListRoleGrantsRequest, context: ServerContext) async throws -> Identity.ListRoleGrantsResponse {
        let access = try Access.required()
        guard let user = access.caller.user else { throw RPCError(.unauthenticated, "sign in first") }
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        if !request.nip.isEmpty { try Invalid.requireNIP(request.nip) }
        try await access.require(.grantsOwner, target: request.nip,
                                 message: "only admin and auditor may list other people's role grants; pass your own NIP") { request.nip == user.nip }
        var conditions = ["1 = 1"]
        var arguments: StatementArguments = []
        if !request.nip.isEmpty { conditions.append("nip = ?"); arguments += [request.nip] }
        if request.role != .unspecified { conditions.append("role = ?"); arguments += [request.role.rawValue] }
        if !request.unitID.isEmpty { conditions.append("(',' || scope_unit_ids || ',') LIKE ?"); arguments += ["%,\(request.unitID),%"] }
        if !request.includeInactive {
            conditions.append("revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)")
            arguments += [nowSeconds]
        }
        let condition = conditions.joined(separator: " AND ")
        let boundArguments = arguments
        return try await store.read { db in
            let grants = try RoleRecords.grants(where: condition, boundArguments, limit: size + 1, offset: offset, in: db)
            return Identity.ListRoleGrantsResponse(grants: Array(grants.prefix(size)),
                                                   page: Paging.response(offset: offset, size: size, returned: min(grants.count, size),
                                                                         more: grants.count > size))
        }
    }
}
