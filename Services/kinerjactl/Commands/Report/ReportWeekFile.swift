import KinerjaASN
import KinerjaProto

/// A week of reports in a CSV file (`report week --csv`): one report per row.
///
/// Columns (a header row first, any order; * required): `date`* (YYYY-MM-DD, or the weekday —
/// sen, sel, rab, kam, jum, sab, min or mon … sun — of the week shown), `iki`* (its id or
/// RHK.IKI), `value`*, `description`*, `minutes`. A semicolon separator is accepted when the
/// header has no comma (spreadsheets in the Indonesian locale).
struct ReportWeekFile {
    /// One row: its number in the file and the report it makes.
    struct Row {
        var number: Int
        var draft: Reporting.DailyReportDraft
    }

    var rows: [Row]

    /// Weekday names → offset from Monday.
    static let weekdays: [String: Int] = [
        "sen": 0, "senin": 0, "mon": 0, "sel": 1, "selasa": 1, "tue": 1, "rab": 2, "rabu": 2, "wed": 2, "kam": 3, "kamis": 3, "thu": 3,
        "jum": 4, "jumat": 4, "fri": 4, "sab": 5, "sabtu": 5, "sat": 5, "min": 6, "minggu": 6, "sun": 6,
    ]

    /// Parses `text`; every problem is listed with its row (nothing is sent when there is one).
    static func parse(_ text: String, monday: Common.Date, targets: Planning.EmployeeTargets) -> (file: ReportWeekFile, problems: [String]) {
        var problems: [String] = []
        let records: [SkpFileCSV.Record]
        do {
            records = try SkpFileCSV.records(text)
        } catch {
            return (ReportWeekFile(rows: []), ["row \(error.row), column \(error.column): \(error.message)"])
        }
        guard let header = records.first else { return (ReportWeekFile(rows: []), ["the file is empty"]) }
        let columns = header.cells.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for required in ["date", "iki", "value", "description"] where !columns.contains(required) {
            problems.append("row 1: the header has no \(required) column (columns: date, iki, value, description, minutes)")
        }
        if let unknown = columns.first(where: { !["date", "iki", "value", "description", "minutes", ""].contains($0) }) {
            problems.append("row 1: unknown column \(unknown.debugDescription)")
        }
        guard problems.isEmpty else { return (ReportWeekFile(rows: []), problems) }
        var rows: [Row] = []
        for record in records.dropFirst() {
            func cell(_ name: String) -> String {
                guard let index = columns.firstIndex(of: name), index < record.cells.count else { return "" }
                return record.cells[index].trimmingCharacters(in: .whitespaces)
            }
            let at = "row \(record.row)"
            var date: Common.Date?
            let dateText = cell("date")
            if let offset = weekdays[dateText.lowercased()] {
                date = monday.adding(days: offset)
            } else if let parsed = WITATime.parseDate(dateText) {
                date = parsed
            } else {
                problems.append("\(at): date \(dateText.debugDescription) is neither YYYY-MM-DD nor a weekday (sen … min)")
            }
            let ikiText = cell("iki")
            var target: Planning.IkiTarget?
            if let found = targets.targets.first(where: { $0.ikiID == ikiText }) {
                target = found
            } else if let number = ReportText.number(ikiText), let found = ReportText.numbered(targets).first(where: { $0.number == number }) {
                target = found.target
            } else {
                problems.append("\(at): no IKI \(ikiText.debugDescription) in your SKP (give its id or RHK.IKI, e.g. 1.2)")
            }
            let value = SkpValues.number(cell("value"))
            if value == nil { problems.append("\(at): value \(cell("value").debugDescription) is not a number ≥ 0") }
            let description = cell("description")
            if description.isEmpty || description.count > 2000 { problems.append("\(at): description must be 1–2000 characters") }
            var minutes: UInt32 = 0
            if !cell("minutes").isEmpty {
                if let parsed = UInt32(cell("minutes")), parsed <= 1440 { minutes = parsed } else { problems.append("\(at): minutes must be 0–1440") }
            }
            if let date, let target, let value {
                rows.append(Row(number: record.row, draft: Reporting.DailyReportDraft(
                    reportDate: date, rhkID: target.rhkID, ikiID: target.ikiID, realisationValue: value, description: description,
                    durationMinutes: minutes)))
            }
        }
        if rows.isEmpty && problems.isEmpty { problems.append("the file has no report rows") }
        return (ReportWeekFile(rows: rows), problems)
    }
}
