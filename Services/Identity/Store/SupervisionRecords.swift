import KinerjaASN
import GRDB
import KinerjaProto

/// The supervisor history: one row per period an employee had a given atasan.
enum SupervisionRecords {
    static func assignment(_ row: Row) -> Identity.SupervisorAssignment {
        var a = Identity.SupervisorAssignment()
        a.nip = row["nip"]
        a.atasanNIP = row["atasan_nip"]
        a.effectiveFrom = RowCoding.date(row["effective_from"])
        a.effectiveUntil = RowCoding.date(row["effective_until"])
        a.acting = row["acting"]
        a.note = row["note"]
        a.assigned = RowCoding.stamp(row, "assigned")
        return a
    }

    /// Ends the open assignment of `nip` the day before `from` and, when `atasan` is set, opens a new one.
    static func begin(nip: String, atasan: String?, from: Common.Date, acting: Bool, note: String, actor: Actor,
                      in db: Database) throws {
        let until = from.adding(days: -1).flatMap(RowCoding.text) ?? RowCoding.text(from)
        try db.execute(sql: "UPDATE supervisor_assignment SET effective_until = ? WHERE nip = ? AND effective_until IS NULL",
                       arguments: [until, nip])
        // Assignments starting on or after the new date are superseded by it.
        try db.execute(sql: "DELETE FROM supervisor_assignment WHERE nip = ? AND effective_from >= ?", arguments: [nip, RowCoding.text(from)])
        guard let atasan else { return }
        try db.execute(sql: """
            INSERT INTO supervisor_assignment (nip, atasan_nip, effective_from, acting, note, assigned_by, assigned_kind, assigned_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: StatementArguments([nip, atasan, RowCoding.text(from), acting, note] as [(any DatabaseValueConvertible)?])
                + StatementArguments(actor.arguments))
    }

    /// The assignment in force for `nip` on `day`.
    static func assignment(of nip: String, on day: Common.Date, in db: Database) throws -> Identity.SupervisorAssignment? {
        let text = RowCoding.text(day)
        return try Row.fetchOne(db, sql: """
            SELECT * FROM supervisor_assignment WHERE nip = ? AND effective_from <= ? AND (effective_until IS NULL OR effective_until >= ?)
            ORDER BY effective_from DESC LIMIT 1
            """, arguments: [nip, text, text]).map(assignment)
    }
}
