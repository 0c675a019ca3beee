import KinerjaASN
import KinerjaProto

/// The employee import CSV (identity's bulk import, parsed by kinerjactl and the demo).
///
/// Input: the file's bytes. When they parse, the rows written back with `EmployeeCSV.csv` must
/// parse to the same rows (but for their row numbers, which count lines of the file), and writing those must give the same text (the writer's output is a
/// fixed point of parse-then-write).
enum CSVFuzz {
    static func run(_ data: [UInt8]) throws(FuzzFailure) {
        guard let parsed = try? EmployeeCSV.parse(utf8: data) else { return }
        let rows = parsed.map { $0.row }
        let written = EmployeeCSV.csv(rows)
        let reparsed: [Identity.EmployeeImportRow]
        do {
            reparsed = try EmployeeCSV.parse(written).map { $0.row }
        } catch {
            throw FuzzFailure("the written CSV of \(rows.count) accepted rows is refused: \(error)")
        }
        try check(reparsed.count == rows.count, "\(rows.count) rows written, \(reparsed.count) read back")
        for (index, (row, again)) in zip(rows, reparsed).enumerated() {
            // The row number is where the record was in its file (blank lines and line breaks
            // inside quotes count), so it may differ; everything else must not.
            var row = row, again = again
            row.rowNumber = 0
            again.rowNumber = 0
            try check(row == again, "row \(index + 1) differs after writing and reading back")
        }
        try check(EmployeeCSV.csv(reparsed) == written, "writing the rows read back gives other text")
    }
}
