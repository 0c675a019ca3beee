/// The CSV splitter behind kinerjactl's own files: the SKP file (`skp import`) and the week of
/// reports (`report week --csv`) both read their rows with `SkpFileCSV` (RFC 4180 quoting, CRLF or
/// LF, a semicolon separator when the header has no comma). Its source is kinerjactl's, compiled
/// here too (`kinerjactlFiles/SkpFileCSV.swift` links to it): an executable target cannot be
/// imported, and the splitter is where a file's bytes are read.
///
/// Input: the file's bytes, as kinerjactl decodes them (UTF-8). When they split: every record has
/// a cell, records are numbered from row 1 upwards without going back, and the cells written back
/// (each quoted, quotes doubled, after a blank first line so the separator is the comma) split to
/// the same cells. When they do not: the error names a row and a column from 1.
enum SkpCSVFuzz {
    static func run(_ data: [UInt8]) throws(FuzzFailure) {
        let text = String(decoding: data, as: UTF8.self)
        let records: [SkpFileCSV.Record]
        do {
            records = try SkpFileCSV.records(text)
        } catch {
            try check(error.row >= 1 && error.column >= 1, "a syntax error at row \(error.row), column \(error.column)")
            return
        }
        var previous = 0
        for record in records {
            try check(!record.cells.isEmpty, "a record of row \(record.row) without cells")
            try check(record.row > previous, "record rows go from \(previous) to \(record.row)")
            previous = record.row
        }
        func quoted(_ cell: String) -> String {
            var out = String.UnicodeScalarView([#"""#])
            for scalar in cell.unicodeScalars {
                if scalar == #"""# { out.append(scalar) }
                out.append(scalar)
            }
            out.append(#"""#)
            return String(out)
        }
        let written = "\n" + records.map { $0.cells.map(quoted).joined(separator: ",") }.joined(separator: "\n")
        let again: [SkpFileCSV.Record]
        do {
            again = try SkpFileCSV.records(written)
        } catch {
            throw FuzzFailure("the cells of \(records.count) records written back do not split: row \(error.row), column \(error.column): \(error.message)")
        }
        try check(again.map(\.cells) == records.map(\.cells), "the cells written back split differently")
    }
}
