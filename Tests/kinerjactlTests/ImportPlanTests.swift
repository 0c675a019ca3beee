import KinerjaProto
import Testing
@testable import kinerjactl

/// How an employee file is cut into calls and keyed so a re-run resumes.
@Suite("Import plan")
struct ImportPlanTests {
    static func rows(_ count: Int, firstRowNumber: Int = 2) -> [(rowNumber: Int, row: Identity.EmployeeImportRow)] {
        (0..<count).map { index in
            (firstRowNumber + index, Identity.EmployeeImportRow(employee: Identity.Employee(nip: String(index)), unitCode: "KPG"))
        }
    }

    static let file = Array("nip,full_name\n1,A\n".utf8)

    private func plan(bytes: [UInt8] = file, rows: Int = 2_500, chunkSize: Int = 1_000, dryRun: Bool = false,
                      updateExisting: Bool = false, importID: String = "") -> ImportPlan {
        ImportPlan(fileBytes: bytes, rows: Self.rows(rows), chunkSize: chunkSize,
                   options: Identity.ImportEmployeesOptions(dryRun: dryRun, updateExisting: updateExisting),
                   importID: importID)
    }

    @Test("rows are cut into chunks of the chunk size, the last one shorter, in file order")
    func chunking() {
        let plan = plan()
        #expect(plan.chunks.map(\.rows.count) == [1_000, 1_000, 500])
        #expect(plan.chunks.map(\.index) == [0, 1, 2])
        #expect(plan.totalRows == 2_500)
        #expect(plan.chunks[1].rows.first?.employee?.nip == "1000")
        #expect(self.plan(rows: 1_000).chunks.count == 1)
        #expect(self.plan(rows: 1).chunks.map(\.rows.count) == [1])
    }

    @Test("each row carries its CSV row number")
    func rowNumbers() {
        let plan = plan(rows: 3, chunkSize: 2)
        #expect(plan.chunks.flatMap(\.rows).map(\.rowNumber) == [2, 3, 4])
    }

    @Test("keys are import-<16 hex>-<chunk index> and the same import gives the same keys")
    func stableKeys() throws {
        let keys = plan().chunks.compactMap(\.idempotencyKey)
        #expect(keys.count == 3)
        let fingerprint = plan().fingerprint
        #expect(fingerprint.count == 16)
        #expect(fingerprint.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(keys == (0..<3).map { "import-\(fingerprint)-\($0)" })
        #expect(plan().chunks.map(\.idempotencyKey) == plan().chunks.map(\.idempotencyKey))
    }

    @Test("the keys change when the file, the chunk size, --update-existing or --import-id changes")
    func keysFollowContent() {
        let base = plan().fingerprint
        var edited = Self.file
        edited[edited.count - 2] = UInt8(ascii: "B")
        #expect(plan(bytes: edited).fingerprint != base)
        #expect(plan(chunkSize: 500).fingerprint != base)
        #expect(plan(updateExisting: true).fingerprint != base)
        #expect(plan(importID: "2").fingerprint != base)
    }

    @Test("a dry run goes in one call without an idempotency key, so repeating it never replays an old report")
    func dryRunUnkeyed() {
        let dry = plan(dryRun: true)
        #expect(dry.chunks.count == 1)
        #expect(dry.chunks.allSatisfy { $0.idempotencyKey == nil })
    }

    @Test("a row is sent after the row of its atasan, so references never point into a later call")
    func supervisorsFirst() {
        func row(_ number: Int, _ nip: String, atasan: String = "") -> (rowNumber: Int, row: Identity.EmployeeImportRow) {
            (number, Identity.EmployeeImportRow(employee: Identity.Employee(nip: nip), atasanNIP: atasan))
        }
        // Row 2 reports to row 4, which reports to row 5; row 3 to someone outside the file.
        let rows = [row(2, "A", atasan: "C"), row(3, "B", atasan: "X"), row(4, "C", atasan: "D"), row(5, "D")]
        let plan = ImportPlan(fileBytes: [], rows: rows, chunkSize: 2, options: .init())
        #expect(plan.chunks.flatMap(\.rows).map(\.rowNumber) == [5, 4, 2, 3])
        // A cycle keeps file order and loses no row.
        let cycle = ImportPlan.supervisorsFirst([row(2, "P", atasan: "Q"), row(3, "Q", atasan: "P"), row(4, "R", atasan: "R")])
        #expect(cycle.map(\.rowNumber).sorted() == [2, 3, 4])
    }

    @Test("the fingerprint is the first 8 bytes of SHA-256 in 16 lowercase hex digits")
    func fingerprintVectors() {
        #expect(importFingerprint([]) == "e3b0c44298fc1c14")
        #expect(importFingerprint(Array("abc".utf8)) == "ba7816bf8f01cfea")
    }
}

/// Reading the file before anything is sent.
@Suite("Import file")
struct EmployeeCSVSourceTests {
    private static let fake: EmployeeCSVParser = { text in
        text.split(separator: "\n").dropFirst().enumerated().map { index, line in
            (index + 2, Identity.EmployeeImportRow(employee: Identity.Employee(nip: String(line))))
        }
    }

    @Test("a UTF-8 byte order mark is skipped but stays part of the fingerprinted bytes")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("nip\n1\n".utf8)
        let source = try EmployeeCSVSource.parse(bytes: bytes, name: "a.csv", parser: Self.fake)
        #expect(source.rows.map(\.rowNumber) == [2])
        #expect(source.bytes == bytes)
    }

    @Test("a file that is not UTF-8, does not parse or has no rows is a bad input file (exit 65)")
    func badFiles() throws {
        let notUTF8 = try #require(throws: CLIError.self) {
            try EmployeeCSVSource.parse(bytes: [0x6E, 0xFF, 0x0A], name: "a.csv", parser: Self.fake)
        }
        #expect(notUTF8.code.exitStatus == 65)
        struct ParseFailure: Error, CustomStringConvertible { var description: String { "row 3, column 2: bad date" } }
        let unparsable = try #require(throws: CLIError.self) {
            try EmployeeCSVSource.parse(bytes: Array("x".utf8), name: "a.csv", parser: { _ in throw ParseFailure() })
        }
        #expect(unparsable.code.exitStatus == 65)
        #expect(ErrorReporting.report(unparsable).line == "error: a.csv: row 3, column 2: bad date")
        let empty = try #require(throws: CLIError.self) {
            try EmployeeCSVSource.parse(bytes: Array("nip\n".utf8), name: "a.csv", parser: Self.fake)
        }
        #expect(empty.code.exitStatus == 65)
        let missing = try #require(throws: CLIError.self) {
            try EmployeeCSVSource.load(path: "/nonexistent/e.csv", parser: Self.fake)
        }
        #expect(missing.code.exitStatus == 65)
    }
}
