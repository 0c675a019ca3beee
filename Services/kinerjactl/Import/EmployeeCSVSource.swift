import Foundation
import KinerjaASN
import KinerjaProto

/// Parses the text of an employee CSV file into numbered import rows. The shape of
/// `EmployeeCSV.parseCSV` (KinerjaIdentity), injected so the import can be tested with a fake.
typealias EmployeeCSVParser = @Sendable (String) throws -> [(rowNumber: Int, row: Identity.EmployeeImportRow)]

/// An employee file read and parsed locally, before anything is sent.
struct EmployeeCSVSource {
    /// The file's bytes (the import fingerprint covers them).
    let bytes: [UInt8]
    /// The parsed rows with their CSV row numbers.
    let rows: [(rowNumber: Int, row: Identity.EmployeeImportRow)]

    /// The parser used by `employees import`: the identity service's own CSV format.
    static let standardParser: EmployeeCSVParser = { text in try EmployeeCSV.parse(text) }

    /// Reads and parses `path`; every failure is a bad-input-file error (exit 65) naming the file.
    static func load(path: String, parser: EmployeeCSVParser) throws -> EmployeeCSVSource {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError(.badInputFile, "\(path): cannot read the file")
        }
        return try parse(bytes: Array(data), name: path, parser: parser)
    }

    /// Parses file bytes: UTF-8 (a byte order mark is skipped), then `parser`.
    static func parse(bytes: [UInt8], name: String, parser: EmployeeCSVParser) throws -> EmployeeCSVSource {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        guard let text = String(validating: body, as: UTF8.self) else {
            throw CLIError(.badInputFile, "\(name): not UTF-8 text (save the spreadsheet as CSV UTF-8)")
        }
        let rows: [(rowNumber: Int, row: Identity.EmployeeImportRow)]
        do {
            rows = try parser(text)
        } catch let error as CLIError where error.code != .badInputFile {
            throw error
        } catch {
            throw CLIError(.badInputFile, "\(name): \(error)", cause: error)
        }
        guard !rows.isEmpty else { throw CLIError(.badInputFile, "\(name): no employee rows") }
        return EmployeeCSVSource(bytes: bytes, rows: rows)
    }
}
