import Foundation
import GRDB
import KinerjaASN
import KinerjaProto

/// The non-working days (libur nasional, cuti bersama, libur daerah, unit closures), keyed by
/// day and unit (empty = agency-wide), as SetNonWorkingDay keys them.
enum CalendarRecords {
    /// Adds or replaces the entry of the day's date and unit.
    static func upsert(_ day: Reporting.NonWorkingDay, in db: Database) throws {
        guard let number = day.date?.daysSinceEpoch else { return }
        try db.execute(sql: "INSERT OR REPLACE INTO non_working_day (day, unit_id, body) VALUES (?, ?, ?)",
                       arguments: [number, day.unitID, Data(try day.serializedBytes())])
    }

    /// The entry of a date and unit, if any.
    static func fetch(day: Int, unitID: String, in db: Database) throws -> Reporting.NonWorkingDay? {
        try Data.fetchOne(db, sql: "SELECT body FROM non_working_day WHERE day = ? AND unit_id = ?", arguments: [day, unitID])
            .map { try Reporting.NonWorkingDay(serializedBytes: Array($0)) }
    }

    /// Removes the entry of a date and unit.
    static func remove(day: Int, unitID: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM non_working_day WHERE day = ? AND unit_id = ?", arguments: [day, unitID])
    }

    /// Every entry.
    static func all(in db: Database) throws -> [Reporting.NonWorkingDay] {
        try Data.fetchAll(db, sql: "SELECT body FROM non_working_day ORDER BY day, unit_id")
            .map { try Reporting.NonWorkingDay(serializedBytes: Array($0)) }
    }

    /// The calendar of every stored entry.
    static func calendar(in db: Database) throws -> WorkingDayCalendar {
        WorkingDayCalendar(nonWorkingDays: try all(in: db))
    }
}
