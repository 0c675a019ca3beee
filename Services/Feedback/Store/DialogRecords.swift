import Foundation
import GRDB
import KinerjaProto

/// Dialog kinerja, coaching records and coach appointments.
enum DialogRecords {
    // MARK: Dialogs

    static func insert(_ dialog: Feedback.DialogRecord, employeeUnitID: String, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO dialog (dialog_id, employee_nip, atasan_nip, employee_unit_id, held_on, stage, state, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [dialog.dialogID, dialog.employeeNIP, dialog.atasanNIP, employeeUnitID, StoreKeys.day(dialog.heldOn),
                             dialog.stage.rawValue, dialog.state.rawValue, try StoredBody.encode(dialog)])
    }

    static func update(_ dialog: Feedback.DialogRecord, in db: Database) throws {
        try db.execute(sql: "UPDATE dialog SET held_on = ?, stage = ?, state = ?, body = ? WHERE dialog_id = ?",
                       arguments: [StoreKeys.day(dialog.heldOn), dialog.stage.rawValue, dialog.state.rawValue, try StoredBody.encode(dialog),
                                   dialog.dialogID])
    }

    static func dialog(_ id: String, in db: Database) throws -> Feedback.DialogRecord? {
        try Row.fetchOne(db, sql: "SELECT body FROM dialog WHERE dialog_id = ?", arguments: [id])
            .map { try StoredBody.decode(Feedback.DialogRecord.self, $0) }
    }

    static func dialogs(where conditions: [String], _ arguments: StatementArguments, limit: Int, offset: Int,
                        in db: Database) throws -> [Feedback.DialogRecord] {
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: "SELECT body FROM dialog \(filter) ORDER BY held_on DESC, dialog_id DESC LIMIT ? OFFSET ?",
                                arguments: arguments + [limit, offset])
            .map { try StoredBody.decode(Feedback.DialogRecord.self, $0) }
    }

    /// Dialogs of `employees` held between two days (inclusive), for the dialog minimum.
    static func held(with employees: [String], from: String, through: String, in db: Database) throws -> [Feedback.DialogRecord] {
        var out: [Feedback.DialogRecord] = []
        for batch in employees.chunked(500) {
            out += try Row.fetchAll(db, sql: """
                SELECT body FROM dialog WHERE employee_nip IN (\(StoredBody.placeholders(batch.count))) AND held_on BETWEEN ? AND ?
                """, arguments: StatementArguments(batch) + [from, through]).map { try StoredBody.decode(Feedback.DialogRecord.self, $0) }
        }
        return out
    }

    // MARK: Coaching

    static func insert(_ record: Feedback.CoachingRecord, coacheeUnitID: String, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO coaching (coaching_id, coach_nip, coachee_nip, coachee_unit_id, held_on, kind, body) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [record.coachingID, record.coachNIP, record.coacheeNIP, coacheeUnitID, StoreKeys.day(record.heldOn),
                             record.kind.rawValue, try StoredBody.encode(record)])
    }

    static func update(_ record: Feedback.CoachingRecord, in db: Database) throws {
        try db.execute(sql: "UPDATE coaching SET body = ? WHERE coaching_id = ?", arguments: [try StoredBody.encode(record), record.coachingID])
    }

    static func coaching(_ id: String, in db: Database) throws -> Feedback.CoachingRecord? {
        try Row.fetchOne(db, sql: "SELECT body FROM coaching WHERE coaching_id = ?", arguments: [id])
            .map { try StoredBody.decode(Feedback.CoachingRecord.self, $0) }
    }

    static func coaching(where conditions: [String], _ arguments: StatementArguments, limit: Int, offset: Int,
                         in db: Database) throws -> [Feedback.CoachingRecord] {
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: "SELECT body FROM coaching \(filter) ORDER BY held_on DESC, coaching_id DESC LIMIT ? OFFSET ?",
                                arguments: arguments + [limit, offset])
            .map { try StoredBody.decode(Feedback.CoachingRecord.self, $0) }
    }

    /// The mean coachee score over every record matching `conditions` (not one page).
    static func coachingScores(where conditions: [String], _ arguments: StatementArguments, in db: Database) throws -> [Feedback.CoachingRecord] {
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: "SELECT body FROM coaching \(filter)", arguments: arguments)
            .map { try StoredBody.decode(Feedback.CoachingRecord.self, $0) }
    }

    // MARK: Coach appointments

    static func insert(_ appointment: Feedback.CoachAppointment, in db: Database) throws {
        try db.execute(sql: "INSERT INTO coach_appointment (appointment_id, coach_nip, coachee_nip, until, body) VALUES (?, ?, ?, ?, ?)",
                       arguments: [appointment.appointmentID, appointment.coachNIP, appointment.coacheeNIP,
                                   appointment.until.map { StoreKeys.day($0) }, try StoredBody.encode(appointment)])
    }

    /// True when `coach` holds an appointment for `coachee` that runs on `day`.
    static func isAppointed(coach: String, coachee: String, on day: Common.Date, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM coach_appointment WHERE coachee_nip = ? AND coach_nip = ? AND (until IS NULL OR until >= ?))
            """, arguments: [coachee, coach, StoreKeys.day(day)]) ?? false
    }
}
