import GRDB
import KinerjaProto

/// Acting assignments (Plt/Plh) for units' head positions.
enum ActingRecords {
    static func assignment(_ row: Row) -> Identity.ActingAssignment {
        var a = Identity.ActingAssignment()
        a.assignmentID = row["assignment_id"]
        a.unitID = row["unit_id"]
        a.actingNIP = row["acting_nip"]
        a.kind = Common.PenilaiKind(rawValue: row["kind"])
        a.validFrom = RowCoding.date(row["valid_from"])
        a.validUntil = RowCoding.date(row["valid_until"])
        a.decreeNumber = row["decree_number"]
        a.decreeDate = RowCoding.date(row["decree_date"])
        a.replacedNIP = row["replaced_nip"]
        a.note = row["note"]
        a.recorded = RowCoding.stamp(row, "recorded")
        a.ended = RowCoding.stamp(row, "ended")
        return a
    }

    static func insert(_ a: Identity.ActingAssignment, actor: Actor, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO acting_assignment (assignment_id, unit_id, acting_nip, kind, valid_from, valid_until, decree_number,
                                           decree_date, replaced_nip, note, recorded_by, recorded_kind, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: StatementArguments([a.assignmentID, a.unitID, a.actingNIP, a.kind.rawValue, RowCoding.text(a.validFrom),
                                                RowCoding.text(a.validUntil), a.decreeNumber, RowCoding.text(a.decreeDate),
                                                a.replacedNIP, a.note] as [(any DatabaseValueConvertible)?]) + StatementArguments(actor.arguments))
    }

    static func find(_ id: String, in db: Database) throws -> Identity.ActingAssignment? {
        try Row.fetchOne(db, sql: "SELECT * FROM acting_assignment WHERE assignment_id = ?", arguments: [id]).map(assignment)
    }

    /// Assignments for `unitID` whose range meets from…until.
    static func overlapping(unitID: String, from: Common.Date, until: Common.Date, in db: Database) throws -> [Identity.ActingAssignment] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM acting_assignment WHERE unit_id = ? AND valid_from <= ? AND valid_until >= ?
            """, arguments: [unitID, RowCoding.text(until), RowCoding.text(from)]).map(assignment)
    }

    /// Every assignment in force on `day`, by unit.
    static func inForce(on day: Common.Date, in db: Database) throws -> [String: Identity.ActingAssignment] {
        let text = RowCoding.text(day)
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM acting_assignment WHERE valid_from <= ? AND valid_until >= ? ORDER BY valid_from
            """), arguments: [text, text]).map(assignment)
        return Dictionary(rows.map { ($0.unitID, $0) }, uniquingKeysWith: { _, later in later })
    }

    /// Every assignment, oldest first (the table is small: one row per decree).
    static func all(in db: Database) throws -> [Identity.ActingAssignment] {
        try Row.fetchAll(db, sql: "SELECT * FROM acting_assignment ORDER BY valid_from").map(assignment)
    }
}
