import Foundation
import GRDB
import KinerjaASN
import KinerjaProto

/// Absences (cuti, sakit, dinas luar, tugas belajar) that excuse filing.
enum AbsenceRecords {
    static func decode(_ data: Data) throws -> Reporting.Absence { try Reporting.Absence(serializedBytes: Array(data)) }

    /// Stores a new absence.
    static func insert(_ absence: Reporting.Absence, in db: Database) throws {
        guard let dates = absence.dates, let range = WitaDayRange(dates) else { return }
        try db.execute(sql: "INSERT INTO absence (absence_id, nip, start_day, end_day, body) VALUES (?, ?, ?, ?, ?)",
                       arguments: [absence.absenceID, absence.nip, range.lowerDay, range.upperDay, Data(try absence.serializedBytes())])
    }

    /// One absence.
    static func fetch(_ absenceID: String, in db: Database) throws -> Reporting.Absence? {
        try Data.fetchOne(db, sql: "SELECT body FROM absence WHERE absence_id = ?", arguments: [absenceID]).map(decode)
    }

    /// Removes one absence.
    static func remove(_ absenceID: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM absence WHERE absence_id = ?", arguments: [absenceID])
    }

    /// The absences of `nips` overlapping `days`, by start date.
    static func overlapping(nips: [String], days: WitaDayRange, in db: Database) throws -> [Reporting.Absence] {
        var out: [Reporting.Absence] = []
        for batch in nips.chunked(500) {
            out += try Data.fetchAll(db, sql: """
                SELECT body FROM absence WHERE nip IN (\(ReportRecords.placeholders(batch.count))) AND start_day <= ? AND end_day >= ?
                ORDER BY start_day, absence_id
                """, arguments: StatementArguments(batch) + [days.upperDay, days.lowerDay]).map(decode)
        }
        return out.sorted { ($0.dates?.startDate?.daysSinceEpoch ?? 0, $0.absenceID) < ($1.dates?.startDate?.daysSinceEpoch ?? 0, $1.absenceID) }
    }
}
