import GRDB
import KinerjaProto

/// Reading and writing units.
enum UnitRecords {
    static func unit(_ row: Row) -> Identity.Unit {
        var unit = Identity.Unit()
        unit.unitID = row["unit_id"]
        unit.code = row["code"]
        unit.name = row["name"]
        unit.shortName = row["short_name"]
        unit.kind = Identity.UnitKind(rawValue: row["kind"])
        unit.parentUnitID = row["parent_unit_id"] ?? ""
        unit.headNIP = row["head_nip"] ?? ""
        unit.publicServicePoint = row["public_service_point"]
        unit.active = row["active"]
        unit.depth = UInt32(row["depth"] as Int64)
        unit.created = RowCoding.stamp(row, "created")
        unit.updated = RowCoding.stamp(row, "updated")
        unit.revision = UInt64(row["revision"] as Int64)
        return unit
    }

    static func find(_ id: String, in db: Database) throws -> Identity.Unit? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM unit WHERE unit_id = ?"), arguments: [id]).map(unit)
    }

    static func find(code: String, in db: Database) throws -> Identity.Unit? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM unit WHERE code = ?"), arguments: [code]).map(unit)
    }

    static func all(in db: Database) throws -> [Identity.Unit] {
        try Row.fetchAll(db, sql: "SELECT * FROM unit ORDER BY code").map(unit)
    }

    static func insert(_ unit: Identity.Unit, actor: Actor, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO unit (unit_id, code, name, short_name, kind, parent_unit_id, head_nip, public_service_point, active, depth,
                              created_by, created_kind, created_at, updated_by, updated_kind, updated_at, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """, arguments: StatementArguments([
                unit.unitID, unit.code, unit.name, unit.shortName, unit.kind.rawValue,
                unit.parentUnitID.isEmpty ? nil : unit.parentUnitID, unit.headNIP.isEmpty ? nil : unit.headNIP,
                unit.publicServicePoint, unit.active, Int64(unit.depth),
            ] as [(any DatabaseValueConvertible)?]) + StatementArguments(actor.arguments + actor.arguments))
        try bumpTree(in: db)
    }

    static func update(_ unit: Identity.Unit, actor: Actor, in db: Database) throws {
        try db.execute(sql: """
            UPDATE unit SET code = ?, name = ?, short_name = ?, kind = ?, parent_unit_id = ?, head_nip = ?,
                            public_service_point = ?, active = ?, depth = ?, updated_by = ?, updated_kind = ?, updated_at = ?,
                            revision = revision + 1
            WHERE unit_id = ?
            """, arguments: StatementArguments([
                unit.code, unit.name, unit.shortName, unit.kind.rawValue,
                unit.parentUnitID.isEmpty ? nil : unit.parentUnitID, unit.headNIP.isEmpty ? nil : unit.headNIP,
                unit.publicServicePoint, unit.active, Int64(unit.depth),
            ] as [(any DatabaseValueConvertible)?]) + StatementArguments(actor.arguments) + [unit.unitID])
        try bumpTree(in: db)
    }

    static func treeRevision(in db: Database) throws -> UInt64 {
        UInt64(try Int64.fetchOne(db, sql: "SELECT revision FROM tree_state WHERE id = 1") ?? 0)
    }

    private static func bumpTree(in db: Database) throws {
        try db.execute(sql: "UPDATE tree_state SET revision = revision + 1 WHERE id = 1")
    }

    /// Active employees directly in each unit.
    static func employeeCounts(in db: Database) throws -> [String: UInt32] {
        var counts: [String: UInt32] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT unit_id, count(*) AS n FROM employee WHERE status = 1 GROUP BY unit_id") {
            counts[row["unit_id"]] = UInt32(row["n"] as Int64)
        }
        return counts
    }
}
