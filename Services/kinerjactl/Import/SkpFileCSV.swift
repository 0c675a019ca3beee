/// Splits the text of an SKP file into records of cells (RFC 4180: quoted fields, doubled quotes
/// inside them, CRLF or LF). The separator is a comma, or a semicolon when the header has
/// semicolons and no comma (spreadsheets in the Indonesian locale save CSV that way).
///
/// Rows are numbered as a spreadsheet numbers them: the header is row 1 and every line break
/// outside quotes starts the next row, blank rows included (they are skipped, but counted).
struct SkpFileCSV {
    /// One record: its row number and cells.
    struct Record: Equatable {
        var row: Int
        var cells: [String]
    }

    /// A record that cannot be split.
    struct SyntaxError: Error, Equatable {
        var row: Int
        /// 1-based column of the offending cell.
        var column: Int
        var message: String
    }

    /// The records of `text`, blank rows left out.
    static func records(_ text: String) throws(SyntaxError) -> [Record] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let firstLine = scalars.prefix { $0 != "\n" && $0 != "\r" }
        let separator: Unicode.Scalar = firstLine.contains(";") && !firstLine.contains(",") ? ";" : ","
        var records: [Record] = []
        var position = 0
        var row = 0
        while position < scalars.count {
            row += 1
            let startRow = row
            var cells: [String] = []
            var cell = String.UnicodeScalarView()
            var endOfRecord = false
            while !endOfRecord {
                // One cell; blanks before an opening quote are allowed, as some spreadsheets write them.
                var ahead = position
                while ahead < scalars.count, scalars[ahead] == " " || scalars[ahead] == "\t" { ahead += 1 }
                if ahead < scalars.count, scalars[ahead] == "\"" {
                    position = ahead + 1
                    var closed = false
                    while position < scalars.count {
                        let scalar = scalars[position]
                        position += 1
                        if scalar == "\"" {
                            if position < scalars.count, scalars[position] == "\"" {
                                cell.append("\"")
                                position += 1
                            } else {
                                closed = true
                                break
                            }
                        } else {
                            if scalar == "\n" || (scalar == "\r" && (position >= scalars.count || scalars[position] != "\n")) { row += 1 }
                            cell.append(scalar)
                        }
                    }
                    guard closed else {
                        throw SyntaxError(row: startRow, column: cells.count + 1, message: "the quoted cell is not closed before the end of the file")
                    }
                    while position < scalars.count, scalars[position] == " " || scalars[position] == "\t" { position += 1 }
                    if position < scalars.count, ![separator, "\r", "\n"].contains(scalars[position]) {
                        throw SyntaxError(row: row, column: cells.count + 1,
                                          message: "text follows the closing quote; double a quote inside a quoted cell")
                    }
                } else {
                    while position < scalars.count {
                        let scalar = scalars[position]
                        if scalar == separator || scalar == "\r" || scalar == "\n" { break }
                        if scalar == "\"" {
                            throw SyntaxError(row: row, column: cells.count + 1,
                                              message: "a quote inside an unquoted cell; enclose the cell in quotes and double the quote")
                        }
                        cell.append(scalar)
                        position += 1
                    }
                }
                cells.append(String(cell))
                cell = String.UnicodeScalarView()
                if position >= scalars.count {
                    endOfRecord = true
                } else if scalars[position] == separator {
                    position += 1
                } else {
                    if scalars[position] == "\r", position + 1 < scalars.count, scalars[position + 1] == "\n" { position += 1 }
                    position += 1
                    endOfRecord = true
                }
            }
            if cells.count == 1, cells[0].allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            records.append(Record(row: startRow, cells: cells))
        }
        return records
    }
}
