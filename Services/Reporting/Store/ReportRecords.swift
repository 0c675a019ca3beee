import Foundation
import GRDB
import KinerjaASN
import KinerjaProto

/// Reading and writing daily reports: the whole message plus the columns queries use.
enum ReportRecords {
    /// The columns every read of whole reports selects.
    static let bodyColumns = "body, unit_id"

    /// A stored report with the author's unit at submission (what unit listings filter on).
    struct Stored: Sendable {
        var report: Reporting.DailyReport
        var unitID: String
    }

    static func decode(_ row: Row) throws -> Stored {
        Stored(report: try Reporting.DailyReport(serializedBytes: Array(row["body"] as Data)), unitID: row["unit_id"])
    }

    /// One report.
    static func fetch(_ reportID: String, in db: Database) throws -> Stored? {
        try Row.fetchOne(db, sql: "SELECT \(bodyColumns) FROM daily_report WHERE report_id = ?", arguments: [reportID]).map(decode)
    }

    /// The WITA day of the latest submission (the review clock starts after it), as a day number.
    static func submissionDay(_ report: Reporting.DailyReport) -> Int {
        ReviewDeadline.submissionDay(of: report)?.daysSinceEpoch ?? report.reportDate?.daysSinceEpoch ?? 0
    }

    /// The prepared statement of an insert (the bulk path reuses it for every row).
    static func insertStatement(_ db: Database) throws -> Statement {
        try db.cachedStatement(sql: """
            INSERT INTO daily_report (report_id, nip, unit_id, report_day, skp_id, rhk_id, iki_id, state, verifier_nip, value,
                                      minutes, submitted_day, changed_s, changed_ns, revision, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Inserts a new report and its evidence index.
    static func insert(_ report: Reporting.DailyReport, unitID: String, in db: Database) throws {
        let statement = try insertStatement(db)
        // An array literal of typed values: StatementArguments converts each without the dynamic
        // casts an `[Any]` needs (those were 7% of a bulk call's profile).
        let changed = report.updated?.at ?? report.submitted?.at
        try statement.execute(arguments: [
            report.reportID, report.nip, unitID, report.reportDate?.daysSinceEpoch ?? 0, report.skpID, report.rhkID, report.ikiID,
            report.state.rawValue, report.verifierNIP, report.realisationValue, Int64(report.durationMinutes), submissionDay(report),
            changed?.seconds ?? 0, Int64(changed?.nanos ?? 0), Int64(report.revision), Data(try report.serializedBytes()),
        ])
        if !report.evidence.isEmpty { try indexEvidence(report, replacing: false, in: db) }
    }

    /// Replaces a stored report (a lifecycle step or an update).
    static func update(_ report: Reporting.DailyReport, in db: Database) throws {
        let values: [any DatabaseValueConvertible] = columns(report) + [Data(try report.serializedBytes()), report.reportID]
        try db.execute(sql: """
            UPDATE daily_report SET report_day = ?, skp_id = ?, rhk_id = ?, iki_id = ?, state = ?, verifier_nip = ?, value = ?,
                   minutes = ?, submitted_day = ?, changed_s = ?, changed_ns = ?, revision = ?, body = ?
            WHERE report_id = ?
            """, arguments: StatementArguments(values))
        try indexEvidence(report, replacing: true, in: db)
    }

    /// The columns after the id, NIP and unit (in the insert's order), without the body (the
    /// insert lists the same values inline).
    static func columns(_ report: Reporting.DailyReport) -> [any DatabaseValueConvertible] {
        let changed = report.updated?.at ?? report.submitted?.at
        return [report.reportDate?.daysSinceEpoch ?? 0, report.skpID, report.rhkID, report.ikiID, report.state.rawValue,
                report.verifierNIP, report.realisationValue, Int64(report.durationMinutes), submissionDay(report),
                changed?.seconds ?? 0, Int64(changed?.nanos ?? 0), Int64(report.revision)]
    }

    /// Keeps `report_evidence` equal to the uploaded files the report's links name.
    static func indexEvidence(_ report: Reporting.DailyReport, replacing: Bool, in db: Database) throws {
        if replacing { try db.execute(sql: "DELETE FROM report_evidence WHERE report_id = ?", arguments: [report.reportID]) }
        let files = Set(EvidenceLinkRules.storedFiles(report.evidence))
        guard !files.isEmpty else { return }
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO report_evidence (report_id, sha256) VALUES (?, ?)")
        for file in files { try statement.execute(arguments: [report.reportID, Data(file.bytes)]) }
    }

    /// What the author already has on a day (reports not DITARIK), leaving out `excluding`.
    static func dayUsage(nip: String, day: Int, excluding: String? = nil, in db: Database) throws -> DayUsage {
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*) AS n, coalesce(sum(minutes), 0) AS m FROM daily_report
            WHERE nip = ? AND report_day = ? AND state != ? AND report_id != ?
            """, arguments: [nip, day, Reporting.ReportState.ditarik.rawValue, excluding ?? ""])
        return DayUsage(reports: row?["n"] ?? 0, minutes: row?["m"] ?? 0)
    }

    /// The figures (IKI, day, value, state, last change) of `nips`' reports dated in `days`, by NIP.
    static func figures(nips: [String], days: WitaDayRange, in db: Database) throws -> [String: [ReportFigure]] {
        var out: [String: [ReportFigure]] = [:]
        for batch in nips.chunked(500) {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT nip, iki_id, report_day, value, state, changed_s, changed_ns FROM daily_report
                WHERE nip IN (\(placeholders(batch.count))) AND report_day BETWEEN ? AND ?
                """, arguments: StatementArguments(batch) + [days.lowerDay, days.upperDay])
            while let row = try rows.next() {
                let figure = ReportFigure(ikiID: row[1], date: WitaDayRange.date(row[2]), value: row[3],
                                          state: Reporting.ReportState(rawValue: row[4]), lastChange: row[5], lastChangeNanos: row[6])
                out[row[0], default: []].append(figure)
            }
        }
        return out
    }

    /// The days on which each of `nips` filed a report (not DITARIK) in `days`.
    static func filedDays(nips: [String], days: WitaDayRange, in db: Database) throws -> FiledDays {
        var filed = FiledDays()
        for batch in nips.chunked(500) {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT DISTINCT nip, report_day FROM daily_report
                WHERE nip IN (\(placeholders(batch.count))) AND report_day BETWEEN ? AND ? AND state != ?
                """, arguments: StatementArguments(batch) + [days.lowerDay, days.upperDay, Reporting.ReportState.ditarik.rawValue])
            while let row = try rows.next() { filed.add(nip: row[0], date: WitaDayRange.date(row[1])) }
        }
        return filed
    }

    /// `?, ?, …` for `count` values.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: max(count, 1)).joined(separator: ", ")
    }
}

extension Array {
    /// The array cut into pieces of at most `size` elements.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: Swift.max(size, 1)).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
