public import KinerjaProto

/// The employee import CSV read by `kinerjactl employees import FILE.csv` and written by the demo.
///
/// Format:
/// - RFC 4180: fields separated by `,`; records end with CRLF or LF (a lone CR is accepted too);
///   a field containing `,`, `"`, CR or LF is enclosed in `"` with inner quotes doubled; the
///   last record may lack a line ending; blank lines are skipped. UTF-8, an initial byte-order
///   mark is ignored.
/// - A header row is required. It names these 16 columns, in any order, each exactly once
///   (case-insensitive; no other columns): `nip`, `full_name`, `gelar_depan`, `gelar_belakang`,
///   `asn_type`, `jenis_jabatan`, `jabatan_name`, `golongan`, `unit_code`, `atasan_nip`,
///   `birth_date`, `sex`, `tmt`, `status`, `email`, `phone`.
/// - Values (case-insensitive): asn_type `PNS` | `PPPK` | `NON_ASN` (a non-ASN official, whose `nip` is a
///   `NONASN.` identifier); jenis_jabatan `JPT` | `ADMINISTRATOR` |
///   `PENGAWAS` | `PELAKSANA` | `FUNGSIONAL`; sex `L` (laki-laki, male) | `P` (perempuan,
///   female); status `AKTIF` | `CUTI` | `TUGAS_BELAJAR` | `DIBERHENTIKAN_SEMENTARA` | `PENSIUN` |
///   `PINDAH` | `BERHENTI`; birth_date and tmt `YYYY-MM-DD`.
/// - Any cell may be empty: an empty enum cell is UNSPECIFIED and an empty date is absent. Whether
///   the row is complete is decided by the import's rules (EmployeeRules), per row, not here.
/// - Unquoted cells are trimmed of spaces and tabs; quoted cells are taken exactly (blanks
///   around the quotes are ignored).
///
/// Row numbers count records from the header (row 1), so the first employee is row 2, as a
/// spreadsheet shows it; a quoted cell spanning lines is still one row. Every parse error names
/// the row and, where it applies, the column.
public enum EmployeeCSV {
    /// The columns, in the order ``csv(_:)`` writes them.
    public static let columns = [
        "nip", "full_name", "gelar_depan", "gelar_belakang", "asn_type", "jenis_jabatan", "jabatan_name", "golongan",
        "unit_code", "atasan_nip", "birth_date", "sex", "tmt", "status", "email", "phone",
    ]

    private static let asnTypes: [(String, Common.AsnType)] = [("PNS", .pns), ("PPPK", .pppk), ("NON_ASN", .nonAsn)]
    private static let jenisJabatan: [(String, Common.JenisJabatan)] = [
        ("JPT", .jpt), ("ADMINISTRATOR", .administrator), ("PENGAWAS", .pengawas), ("PELAKSANA", .pelaksana), ("FUNGSIONAL", .fungsional),
    ]
    private static let sexes: [(String, Identity.Sex)] = [("L", .male), ("P", .female)]
    private static let statuses: [(String, Identity.EmploymentStatus)] = [
        ("AKTIF", .aktif), ("CUTI", .cuti), ("TUGAS_BELAJAR", .tugasBelajar), ("DIBERHENTIKAN_SEMENTARA", .diberhentikanSementara),
        ("PENSIUN", .pensiun), ("PINDAH", .pindah), ("BERHENTI", .berhenti),
    ]

    // MARK: Writing

    /// The rows as CSV text: the header, then one CRLF-terminated record per row.
    ///
    /// Unspecified and unrecognised enum values are written as empty cells.
    public static func csv(_ rows: [Identity.EmployeeImportRow]) -> String {
        var out = columns.joined(separator: ",") + "\r\n"
        for row in rows {
            let e = row.employee ?? Identity.Employee()
            let cells = [
                e.nip, e.fullName, e.gelarDepan, e.gelarBelakang, name(e.asnType, asnTypes), name(e.jenisJabatan, jenisJabatan),
                e.jabatanName, e.golongan, row.unitCode, row.atasanNIP, e.birthDate?.isoString ?? "", name(e.sex, sexes),
                e.tmt?.isoString ?? "", name(e.status, statuses), e.email, e.phone,
            ]
            out += cells.map(quoted).joined(separator: ",") + "\r\n"
        }
        return out
    }

    private static func name<E: Equatable>(_ value: E, _ table: [(String, E)]) -> String {
        table.first { $0.1 == value }?.0 ?? ""
    }

    private static func quoted(_ cell: String) -> String { CSVCell.quoted(cell) }

    // MARK: Reading

    /// Parses CSV bytes, which must be UTF-8 (see ``parse(_:)``).
    public static func parse(utf8 bytes: [UInt8]) throws(EmployeeCSVError) -> [(rowNumber: Int, row: Identity.EmployeeImportRow)] {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            // Report the line of the first bad byte, which is what an editor can jump to.
            var decoder = UTF8()
            var iterator = bytes.makeIterator()
            var line = 1
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
                case .emptyInput, .error: break loop
                }
            }
            throw EmployeeCSVError(.notUTF8, row: line, column: nil, "line \(line) is not valid UTF-8; save the file as UTF-8")
        }
        return try parse(text)
    }

    /// Parses CSV text into numbered import rows, in file order.
    ///
    /// - Throws: ``EmployeeCSVError`` at the first malformed record or value.
    public static func parse(_ text: String) throws(EmployeeCSVError) -> [(rowNumber: Int, row: Identity.EmployeeImportRow)] {
        var reader = RecordReader(Array(text.utf8))
        guard let header = try reader.next(columnName: { "column \($0 + 1)" }) else {
            throw EmployeeCSVError(.missingHeader, row: 1, column: nil, "the file is empty; the first row must be the header")
        }
        let headerRow = header.row
        var indexOf: [String: Int] = [:]
        for (index, cell) in header.cells.enumerated() {
            let name = cell.value.trimmingBlanks().lowercased()
            guard columns.contains(name) else {
                throw EmployeeCSVError(.unknownColumn, row: headerRow, column: name,
                                       "unknown column \"\(name)\" in the header; expected \(columns.joined(separator: ","))")
            }
            guard indexOf.updateValue(index, forKey: name) == nil else {
                throw EmployeeCSVError(.duplicateColumn, row: headerRow, column: name, "column \"\(name)\" appears twice in the header")
            }
        }
        if let missing = columns.first(where: { indexOf[$0] == nil }) {
            throw EmployeeCSVError(.missingColumn, row: headerRow, column: missing, "the header has no column \"\(missing)\"")
        }
        let names = header.cells.indices.map { index in indexOf.first { $0.value == index }?.key ?? "column \(index + 1)" }

        var result: [(rowNumber: Int, row: Identity.EmployeeImportRow)] = []
        while let record = try reader.next(columnName: { $0 < names.count ? names[$0] : "column \($0 + 1)" }) {
            guard record.cells.count == names.count else {
                let column = record.cells.count < names.count ? names[record.cells.count] : nil
                throw EmployeeCSVError(.wrongFieldCount, row: record.row, column: column,
                                       "row \(record.row) has \(record.cells.count) fields; the header has \(names.count)")
            }
            var cells: [String: String] = [:]
            for (index, cell) in record.cells.enumerated() {
                cells[names[index]] = cell.quoted ? cell.value : cell.value.trimmingBlanks()
            }
            result.append((record.row, try row(cells, number: record.row)))
        }
        return result
    }

    private static func row(_ cells: [String: String], number: Int) throws(EmployeeCSVError) -> Identity.EmployeeImportRow {
        func cell(_ column: String) -> String { cells[column] ?? "" }
        func value<E>(_ column: String, _ table: [(String, E)], default empty: E) throws(EmployeeCSVError) -> E {
            let text = cell(column)
            if text.isEmpty { return empty }
            let upper = text.uppercased()
            guard let match = table.first(where: { $0.0 == upper }) else {
                throw EmployeeCSVError(.badValue, row: number, column: column,
                                       "row \(number), column \(column): \"\(text)\" is not one of \(table.map(\.0).joined(separator: ", "))")
            }
            return match.1
        }
        func date(_ column: String) throws(EmployeeCSVError) -> Common.Date? {
            let text = cell(column)
            if text.isEmpty { return nil }
            guard let date = Common.Date(isoString: text) else {
                throw EmployeeCSVError(.badDate, row: number, column: column,
                                       "row \(number), column \(column): \"\(text)\" is not a real date YYYY-MM-DD")
            }
            return date
        }
        let employee = Identity.Employee(
            nip: cell("nip"), fullName: cell("full_name"), gelarDepan: cell("gelar_depan"), gelarBelakang: cell("gelar_belakang"),
            asnType: try value("asn_type", asnTypes, default: .unspecified),
            jenisJabatan: try value("jenis_jabatan", jenisJabatan, default: .unspecified),
            jabatanName: cell("jabatan_name"), golongan: cell("golongan"),
            birthDate: try date("birth_date"), sex: try value("sex", sexes, default: .unspecified), tmt: try date("tmt"),
            status: try value("status", statuses, default: .unspecified), email: cell("email"), phone: cell("phone"))
        return Identity.EmployeeImportRow(rowNumber: UInt32(clamping: number), employee: employee,
                                          atasanNIP: cell("atasan_nip"), unitCode: cell("unit_code"))
    }
}

/// Why an import CSV could not be read: a code, the row and column, and a message.
public struct EmployeeCSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem; new kinds may be added.
    public enum Code: String, Sendable, Hashable {
        /// The file is empty.
        case missingHeader = "CSV_MISSING_HEADER"
        /// A required column is missing from the header.
        case missingColumn = "CSV_MISSING_COLUMN"
        /// A header names a column twice.
        case duplicateColumn = "CSV_DUPLICATE_COLUMN"
        /// A header names a column this format does not have.
        case unknownColumn = "CSV_UNKNOWN_COLUMN"
        /// A row has more or fewer fields than the header.
        case wrongFieldCount = "CSV_WRONG_FIELD_COUNT"
        /// A quoted field is not closed before the end of the file.
        case unterminatedQuote = "CSV_UNTERMINATED_QUOTE"
        /// A quote inside an unquoted field, or text after a closing quote.
        case strayQuote = "CSV_STRAY_QUOTE"
        /// A value outside its column's allowed values.
        case badValue = "CSV_BAD_VALUE"
        /// A date that is not a real `YYYY-MM-DD` day.
        case badDate = "CSV_BAD_DATE"
        /// The bytes are not UTF-8.
        case notUTF8 = "CSV_NOT_UTF8"
    }

    /// The kind of problem.
    public let code: Code
    /// Row (record) number, the header being row 1.
    public let row: Int
    /// Column name (or "column N" where the header is not known yet); nil for whole-row problems.
    public let column: String?
    /// What is wrong, in English, naming the row and column.
    public let message: String

    /// An error.
    public init(_ code: Code, row: Int, column: String?, _ message: String) {
        self.code = code
        self.row = row
        self.column = column
        self.message = message
    }

    /// Code and message.
    public var description: String { "\(code.rawValue): \(message)" }
}

/// Splits UTF-8 CSV bytes into records of cells (RFC 4180).
private struct RecordReader {
    struct Cell {
        var value: String
        var quoted: Bool
    }

    private let bytes: [UInt8]
    private var position = 0
    private var row = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        // Skip a UTF-8 byte-order mark.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// The next non-blank record and its row number, or nil at the end.
    mutating func next(columnName: (Int) -> String) throws(EmployeeCSVError) -> (row: Int, cells: [Cell])? {
        while position < bytes.count {
            row += 1
            let cells = try record(columnName: columnName)
            if cells.count == 1, !cells[0].quoted, cells[0].value.trimmingBlanks().isEmpty { continue }
            return (row, cells)
        }
        return nil
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    private mutating func record(columnName: (Int) -> String) throws(EmployeeCSVError) -> [Cell] {
        var cells: [Cell] = []
        while true {
            var field: [UInt8] = []
            var quoted = false
            // Spreadsheets sometimes write a blank before an opening quote; treat the field as quoted.
            var ahead = position
            while ahead < bytes.count, bytes[ahead] == UInt8(ascii: " ") || bytes[ahead] == UInt8(ascii: "\t") { ahead += 1 }
            if ahead < bytes.count, bytes[ahead] == Self.quote { position = ahead }
            if position < bytes.count, bytes[position] == Self.quote {
                quoted = true
                position += 1
                var closed = false
                while position < bytes.count {
                    let byte = bytes[position]
                    position += 1
                    if byte == Self.quote {
                        if position < bytes.count, bytes[position] == Self.quote {
                            field.append(Self.quote)
                            position += 1
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        field.append(byte)
                    }
                }
                guard closed else {
                    let column = columnName(cells.count)
                    throw EmployeeCSVError(.unterminatedQuote, row: row, column: column,
                                           "row \(row), column \(column): the quoted field is not closed before the end of the file")
                }
                // Spaces or tabs may follow the closing quote before the separator.
                while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
                    position += 1
                }
                if position < bytes.count, ![Self.comma, Self.cr, Self.lf].contains(bytes[position]) {
                    let column = columnName(cells.count)
                    throw EmployeeCSVError(.strayQuote, row: row, column: column,
                                           "row \(row), column \(column): text follows the closing quote; double a quote inside a quoted field")
                }
            } else {
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == Self.comma || byte == Self.cr || byte == Self.lf { break }
                    if byte == Self.quote {
                        let column = columnName(cells.count)
                        throw EmployeeCSVError(.strayQuote, row: row, column: column,
                                               "row \(row), column \(column): a quote inside an unquoted field; enclose the field in quotes and double the inner quote")
                    }
                    field.append(byte)
                    position += 1
                }
            }
            cells.append(Cell(value: String(decoding: field, as: UTF8.self), quoted: quoted))
            guard position < bytes.count else { return cells }
            let separator = bytes[position]
            position += 1
            if separator == Self.comma { continue }
            if separator == Self.cr, position < bytes.count, bytes[position] == Self.lf { position += 1 }
            return cells
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    fileprivate func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[start...end])
    }
}
