public import KinerjaProto
import Foundation
import GRDB
import KinerjaService
import KinerjaStore

extension IdentityHandlers {
    public func createUnit(_ request: Identity.CreateUnitRequest, context: ServerContext) async throws -> Identity.CreateUnitResponse {
        guard var given = request.unit else { throw Invalid.field("unit", "is required", reason: "REQUIRED") }
        let violations = UnitRules.violations(given)
        if !violations.isEmpty { throw Invalid.fields(violations) }
        given.unitID = ULID.make(now: clock())
        given.headNIP = ""  // set with UpdateUnit once the head is an employee of the unit
        given.active = true
        let prepared = given
        return try await write(context, request) { [self] db, actor in
            var unit = prepared
            if try UnitRecords.find(code: unit.code, in: db) != nil { throw RPCError(.alreadyExists, "a unit with code \(unit.code) exists") }
            let units = try UnitRecords.all(in: db)
            if unit.parentUnitID.isEmpty && !units.isEmpty {
                throw RPCError(.failedPrecondition, "the tree already has its root; give parent_unit_id")
            }
            if !unit.parentUnitID.isEmpty && !units.contains(where: { $0.unitID == unit.parentUnitID }) {
                throw RPCError(.notFound, "no parent unit \(unit.parentUnitID)")
            }
            if !units.isEmpty {
                try UnitTree(units: units).validateInsertion(id: unit.unitID, parentID: unit.parentUnitID, kind: unit.kind)
            } else if unit.kind != .pemerintahDaerah {
                throw UnitRuleError.rootKindNotPemerintahDaerah(unit.unitID)
            }
            unit.depth = UInt32(units.first { $0.unitID == unit.parentUnitID }.map { $0.depth + 1 } ?? 0)
            try UnitRecords.insert(unit, actor: actor, in: db)
            try audit(db, context, actor, target: "unit/\(unit.unitID)", detail: "created \(unit.code)")
            return Identity.CreateUnitResponse(unit: try UnitRecords.find(unit.unitID, in: db))
        }
    }

    public func updateUnit(_ request: Identity.UpdateUnitRequest, context: ServerContext) async throws -> Identity.UpdateUnitResponse {
        guard let changes = request.unit, !changes.unitID.isEmpty else { throw Invalid.field("unit.unit_id", "is required", reason: "REQUIRED") }
        let paths = Set(request.updateMask?.paths ?? [])
        let allowed: Set<String> = ["code", "name", "short_name", "kind", "parent_unit_id", "head_nip", "public_service_point", "active"]
        guard !paths.isEmpty else { throw Invalid.field("update_mask", "must name at least one field", reason: "REQUIRED") }
        if let bad = paths.subtracting(allowed).sorted().first {
            throw Invalid.field("update_mask", "\(bad) cannot be changed (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
        let access = try Access.required()
        if !access.hasRole(.admin) {
            // Pengelola kinerja in scope may rename and set the head, nothing structural.
            let hrFields: Set<String> = ["name", "short_name", "head_nip", "public_service_point"]
            if let structural = paths.subtracting(hrFields).sorted().first {
                throw await access.denial(target: "unit/\(changes.unitID)", "changing \(structural) needs an admin")
            }
            try await access.require(.unit(id: changes.unitID))
        }
        return try await write(context, request) { [self] db, actor in
            guard var unit = try UnitRecords.find(changes.unitID, in: db) else { throw RPCError(.notFound, "no unit \(changes.unitID)") }
            if request.expectedRevision != 0 && request.expectedRevision != unit.revision {
                throw RPCError(.aborted, "the unit changed since you read it (revision \(unit.revision), expected \(request.expectedRevision)); read it again")
            }
            let before = unit
            if paths.contains("code") { unit.code = changes.code }
            if paths.contains("name") { unit.name = changes.name }
            if paths.contains("short_name") { unit.shortName = changes.shortName }
            if paths.contains("kind") { unit.kind = changes.kind }
            if paths.contains("parent_unit_id") { unit.parentUnitID = changes.parentUnitID }
            if paths.contains("head_nip") { unit.headNIP = changes.headNIP }
            if paths.contains("public_service_point") { unit.publicServicePoint = changes.publicServicePoint }
            if paths.contains("active") { unit.active = changes.active }
            let violations = UnitRules.violations(unit)
            if !violations.isEmpty { throw Invalid.fields(violations) }
            if unit.code != before.code, try UnitRecords.find(code: unit.code, in: db) != nil {
                throw RPCError(.alreadyExists, "a unit with code \(unit.code) exists")
            }
            if !unit.headNIP.isEmpty {
                guard let head = try EmployeeRecords.find(unit.headNIP, in: db) else { throw RPCError(.notFound, "no employee with NIP \(unit.headNIP)") }
                if head.unitID != unit.unitID {
                    throw Invalid.field("unit.head_nip", "the head must be an employee of the unit", reason: "HEAD_NOT_IN_UNIT")
                }
            }
            let tree = try UnitTree(units: try UnitRecords.all(in: db))
            if unit.parentUnitID != before.parentUnitID {
                if unit.parentUnitID.isEmpty { throw UnitRuleError.cannotMoveRoot(unit.unitID) }
                try tree.validateMove(unit.unitID, under: unit.parentUnitID)
            }
            if unit.kind != before.kind { try tree.validateKindChange(unit.unitID, to: unit.kind) }
            if before.active && !unit.active { try tree.validateDeactivation(unit.unitID) }
            if before.active && !unit.active {
                let people = try Int.fetchOne(db, sql: "SELECT count(*) FROM employee WHERE unit_id = ? AND status = 1", arguments: [unit.unitID]) ?? 0
                if people > 0 { throw RPCError(.failedPrecondition, "the unit still has \(people) active employees; move them first") }
            }
            try UnitRecords.update(unit, actor: actor, in: db)
            if unit.parentUnitID != before.parentUnitID {
                try Self.recomputeDepths(in: db)
            }
            try audit(db, context, actor, target: "unit/\(unit.unitID)", detail: "changed \(paths.sorted().joined(separator: ","))")
            return Identity.UpdateUnitResponse(unit: try UnitRecords.find(unit.unitID, in: db))
        }
    }

    /// Depth of every unit from the parent links (after a move).
    static func recomputeDepths(in db: Database) throws {
        try db.execute(sql: """
            WITH RECURSIVE d(id, depth) AS (
                SELECT unit_id, 0 FROM unit WHERE parent_unit_id IS NULL
                UNION ALL
                SELECT u.unit_id, d.depth + 1 FROM unit u JOIN d ON u.parent_unit_id = d.id WHERE d.depth < 32
            )
            UPDATE unit SET depth = (SELECT depth FROM d WHERE d.id = unit.unit_id)
            """)
    }

    public func getUnit(_ request: Identity.GetUnitRequest, context: ServerContext) async throws -> Identity.GetUnitResponse {
        try Invalid.requireText(request.unitID, "unit_id", max: 64)
        return try await store.read { db in
            guard let unit = try UnitRecords.find(request.unitID, in: db) else { throw RPCError(.notFound, "no unit \(request.unitID)") }
            let ancestors = try UnitQueries.ancestors(of: unit.unitID, in: db).reversed().compactMap { try UnitRecords.find($0, in: db) }
            return Identity.GetUnitResponse(unit: unit, ancestors: ancestors.map { Common.UnitRef(unitID: $0.unitID, name: $0.name) })
        }
    }

    public func listUnits(_ request: Identity.ListUnitsRequest, context: ServerContext) async throws -> Identity.ListUnitsResponse {
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        try Invalid.requireText(request.query, "query", max: 100, optional: true)
        if case .unrecognized = request.kind { throw Invalid.field("kind", "is not a known unit kind") }
        var conditions = ["1 = 1"]
        var arguments: StatementArguments = []
        if !request.parentUnitID.isEmpty { conditions.append("parent_unit_id = ?"); arguments += [request.parentUnitID] }
        if request.kind != .unspecified { conditions.append("kind = ?"); arguments += [request.kind.rawValue] }
        if !request.includeInactive { conditions.append("active = 1") }
        if !request.query.isEmpty {
            conditions.append("(instr(lower(name), lower(?)) > 0 OR instr(lower(short_name), lower(?)) > 0 OR instr(lower(code), lower(?)) > 0)")
            arguments += [request.query, request.query, request.query]
        }
        let sql = "SELECT * FROM unit WHERE \(conditions.joined(separator: " AND ")) ORDER BY code LIMIT ? OFFSET ?"
        let bound = arguments + [size + 1, offset]
        return try await store.read { db in
            if !request.parentUnitID.isEmpty, try UnitRecords.find(request.parentUnitID, in: db) == nil {
                throw RPCError(.notFound, "no unit \(request.parentUnitID)")
            }
            let units = try Row.fetchAll(db, sql: sql, arguments: bound).map(UnitRecords.unit)
            return Identity.ListUnitsResponse(units: Array(units.prefix(size)),
                                              page: Paging.response(offset: offset, size: size, returned: min(units.count, size), more: units.count > size))
        }
    }

    public func getUnitTree(_ request: Identity.GetUnitTreeRequest, context: ServerContext) async throws -> Identity.GetUnitTreeResponse {
        guard request.maxDepth <= 10 else { throw Invalid.field("max_depth", "must be 0–10") }
        return try await store.read { db in
            let units = try UnitRecords.all(in: db).filter { request.includeInactive || $0.active }
            let counts = try UnitRecords.employeeCounts(in: db)
            var children: [String: [Identity.Unit]] = [:]
            for unit in units { children[unit.parentUnitID, default: []].append(unit) }
            let root: Identity.Unit
            if request.rootUnitID.isEmpty {
                guard let top = units.first(where: { $0.parentUnitID.isEmpty }) else { throw RPCError(.notFound, "the unit tree is empty") }
                root = top
            } else {
                guard let found = units.first(where: { $0.unitID == request.rootUnitID }) else {
                    throw RPCError(.notFound, "no unit \(request.rootUnitID)")
                }
                root = found
            }
            let limit = request.maxDepth == 0 ? Int.max : Int(request.maxDepth)
            func node(_ unit: Identity.Unit, level: Int) -> Identity.UnitNode {
                let below = level < limit ? (children[unit.unitID] ?? []).sorted { $0.code < $1.code }.map { node($0, level: level + 1) } : []
                return Identity.UnitNode(unit: unit, children: below, employeeCount: counts[unit.unitID] ?? 0)
            }
            return Identity.GetUnitTreeResponse(root: node(root, level: 0), treeRevision: try UnitRecords.treeRevision(in: db))
        }
    }
}
