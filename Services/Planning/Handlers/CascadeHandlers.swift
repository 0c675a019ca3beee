public import KinerjaProto
import Foundation
import GRDB
import KinerjaService
import KinerjaStore

extension PlanningHandlers {
    public func getCascade(_ request: Planning.GetCascadeRequest, context: ServerContext) async throws -> Planning.GetCascadeResponse {
        guard let scope = request.unit, !scope.unitID.isEmpty else { throw Invalid.field("unit.unit_id", "is required", reason: "REQUIRED") }
        let year = try skpYear(request.year)
        guard try await directory.ancestors(of: scope.unitID) != nil else { throw RPCError(.notFound, "no unit \(scope.unitID)") }
        try await Access.required().require(.unit(id: scope.unitID))
        let members = try await directory.members(of: scope.unitID, includeSubunits: true)
        let skps = try await store.read { db in try Self.skps(of: members.map(\.nip), year: year, in: db) }
        let flagged = try await store.read { db in
            Set(try String.fetchAll(db, sql: "SELECT rhk_id FROM review_flag"))
        }
        return PlanningRules.cascade(unitID: scope.unitID, year: year, members: members, skps: skps, flagged: flagged,
                                     approvedOnly: request.approvedOnly)
    }

    public func listParentRhkCandidates(_ request: Planning.ListParentRhkCandidatesRequest,
                                        context: ServerContext) async throws -> Planning.ListParentRhkCandidatesResponse {
        try Invalid.requireNIP(request.nip)
        let year = try skpYear(request.year)
        try await Access.required().require(.employee(nip: request.nip))
        guard let employee = try await directory.employee(request.nip) else { throw RPCError(.notFound, "no employee with NIP \(request.nip)") }
        guard !employee.atasanNIP.isEmpty else { return Planning.ListParentRhkCandidatesResponse() }
        let atasan = try await directory.employee(employee.atasanNIP)
        let skp = try await store.read { db in try SkpRecords.latest(nip: employee.atasanNIP, year: year, in: db).last }
        return Planning.ListParentRhkCandidatesResponse(atasan: atasan.map(\.reference) ?? Common.EmployeeRef(nip: employee.atasanNIP),
                                                        atasanSkpID: skp?.skpID ?? "", atasanSkpState: skp?.state ?? .unspecified,
                                                        rhks: skp?.rhks ?? [])
    }

    public func listRhksNeedingReview(_ request: Planning.ListRhksNeedingReviewRequest,
                                      context: ServerContext) async throws -> Planning.ListRhksNeedingReviewResponse {
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        let access = try Access.required()
        var owners: [String]? = nil
        if !request.nip.isEmpty {
            try Invalid.requireNIP(request.nip)
            try await access.require(.employee(nip: request.nip))
            owners = [request.nip]
        } else if let scope = request.unit, !scope.unitID.isEmpty {
            try await access.require(.unit(id: scope.unitID))
            owners = try await directory.members(of: scope.unitID, includeSubunits: scope.includeSubunits).map(\.nip)
        } else if let user = access.caller.user {
            owners = [user.nip]
        }
        let year = try skpYear(request.year)
        let chosen = owners
        return try await store.read { db in
            var sql = "SELECT l.rhk_id, l.skp_id, l.owner_nip FROM review_flag f JOIN rhk_link l ON l.rhk_id = f.rhk_id WHERE 1 = 1"
            var arguments: StatementArguments = []
            sql += " AND l.year = ?"
            arguments += [year]
            if let chosen {
                guard !chosen.isEmpty else { return Planning.ListRhksNeedingReviewResponse() }
                sql += " AND l.owner_nip IN (\(chosen.map { _ in "?" }.joined(separator: ",")))"
                arguments += StatementArguments(chosen)
            }
            sql += " ORDER BY f.flagged_at, l.owner_nip, l.position, l.rhk_id LIMIT ? OFFSET ?"  // oldest flag first
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments + [size + 1, offset])
            var items: [Planning.RhkReviewItem] = []
            for row in rows.prefix(size) {
                guard let skp = try SkpRecords.latest(row["skp_id"], in: db)?.skp else { continue }
                let flagged = try SkpRecords.withFlags(skp, in: db)
                guard let rhk = flagged.rhks.first(where: { $0.rhkID == (row["rhk_id"] as String) }) else { continue }
                var item = Planning.RhkReviewItem(rhk: rhk, owner: skp.employee, skpVersion: skp.version, skpState: skp.state)
                if let parentSkpID = try String.fetchOne(db, sql: "SELECT skp_id FROM rhk_link WHERE rhk_id = ?", arguments: [rhk.parentRhkID]),
                   let parentSkp = try SkpRecords.latest(parentSkpID, in: db)?.skp {
                    item.parentRhk = parentSkp.rhks.first { $0.rhkID == rhk.parentRhkID }
                }
                items.append(item)
            }
            return Planning.ListRhksNeedingReviewResponse(items: items, page: Paging.response(offset: offset, size: size, returned: items.count,
                                                                                             more: rows.count > size))
        }
    }

    public func acknowledgeRhkReview(_ request: Planning.AcknowledgeRhkReviewRequest,
                                     context: ServerContext) async throws -> Planning.AcknowledgeRhkReviewResponse {
        let skp = try await skp(holdingRhk: request.rhkID)
        try await requireOwner(of: skp)
        return try await write(context, request) { [self] db, actor in
            guard var rhk = try SkpRecords.latest(skp.skpID, in: db)?.skp.rhks.first(where: { $0.rhkID == request.rhkID }) else {
                throw RPCError(.notFound, "no RHK \(request.rhkID)")
            }
            rhk.reviewFlag = try SkpRecords.flags([request.rhkID], in: db)[request.rhkID]
            // The rule (a note, a flag, a parent still there) is the domain's.
            _ = try ReviewFlags.acknowledge(rhk, note: request.note)
            try db.execute(sql: "DELETE FROM review_flag WHERE rhk_id = ?", arguments: [request.rhkID])
            try audit(db, context, actor, target: "skp/\(skp.skpID)", detail: "review of RHK \(request.rhkID) acknowledged: \(request.note)")
            guard let current = try SkpRecords.latest(skp.skpID, in: db)?.skp else { throw RPCError(.notFound, "no SKP \(skp.skpID)") }
            return Planning.AcknowledgeRhkReviewResponse(rhk: current.rhks.first { $0.rhkID == request.rhkID })
        }
    }
}
