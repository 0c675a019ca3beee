import KinerjaASN
import KinerjaDemo
import KinerjaProto
import Testing

@Suite("Employee import CSV")
struct EmployeeCSVTests {
    static let header = EmployeeCSV.columns.joined(separator: ",")
    static let row = #"198507122010011001,Yohanes Ndun,,"S.Kom., M.T.",PNS,FUNGSIONAL,Pranata Komputer Ahli Muda,III/c,KPG.DUKCAPIL.PIAK,,1985-07-12,L,2010-01-01,AKTIF,yohanes.ndun@kupangkota.go.id,+6281234567890"#

    func parse(_ text: String) throws(EmployeeCSVError) -> [(rowNumber: Int, row: Identity.EmployeeImportRow)] {
        try EmployeeCSV.parse(text)
    }

    func error(_ text: String) -> EmployeeCSVError? {
        do { _ = try EmployeeCSV.parse(text); return nil } catch { return error }
    }

    @Test("csv then parse gives back every row of the demo organisation")
    func roundTrip() throws {
        let employees = KupangDemo().organisation(today: Common.Date(year: 2026, month: 3, day: 2)).employees
        let text = KupangDemo.csv(employees)
        let parsed = try KupangDemo.parseCSV(text)
        #expect(parsed.count == employees.count)
        for (index, (number, row)) in parsed.enumerated() {
            #expect(number == index + 2)
            var expected = employees[index].importRow
            expected.rowNumber = UInt32(number)
            #expect(row == expected)
        }
    }

    @Test("a quote followed by a combining mark is doubled when written, so the text parses back (found by fuzzing)")
    func quoteBeforeCombiningMark() throws {
        var row = Identity.EmployeeImportRow()
        row.employee = Identity.Employee(nip: "199101012020121001", fullName: "Maria, S.\"Kes\"\u{0611})")
        let text = EmployeeCSV.csv([row])
        let parsed = try EmployeeCSV.parse(text)
        #expect(parsed.count == 1)
        #expect(parsed.first?.row.employee?.fullName == "Maria, S.\"Kes\"\u{0611})")
    }

    @Test("a row parses into the employee, its unit code and atasan; row 1 is the header")
    func singleRow() throws {
        let rows = try parse(Self.header + "\n" + Self.row + "\n")
        #expect(rows.count == 1)
        #expect(rows[0].rowNumber == 2)
        let e = try #require(rows[0].row.employee)
        #expect(e.gelarBelakang == "S.Kom., M.T." && e.asnType == .pns && e.jenisJabatan == .fungsional && e.sex == .male)
        #expect(e.birthDate == Common.Date(year: 1985, month: 7, day: 12) && e.tmt == Common.Date(year: 2010, month: 1, day: 1))
        #expect(e.status == .aktif && e.unitID.isEmpty)
        #expect(rows[0].row.unitCode == "KPG.DUKCAPIL.PIAK" && rows[0].row.atasanNIP.isEmpty && rows[0].row.rowNumber == 2)
    }

    @Test("RFC 4180: quoted fields hold commas, doubled quotes and line breaks; CRLF and LF both end records")
    func quoting() throws {
        let name = #"""Maria" Ndun"#       // "Maria" Ndun
        var fields = Self.row.splitCSVForTest()
        fields[1] = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        fields[6] = "\"Analis\r\nKependudukan\""
        let text = Self.header + "\r\n" + fields.joined(separator: ",") + "\r\n" + Self.row
        let rows = try parse(text)
        #expect(rows.map(\.rowNumber) == [2, 3])
        #expect(rows[0].row.employee?.fullName == name)
        #expect(rows[0].row.employee?.jabatanName == "Analis\r\nKependudukan")
        // The writer quotes what needs quoting, and reading it back is exact.
        var employee = try #require(rows[0].row.employee)
        employee.gelarDepan = "  dr.  "
        let written = EmployeeCSV.csv([Identity.EmployeeImportRow(employee: employee, unitCode: "KPG")])
        #expect(try parse(written).first?.row.employee == employee)
    }

    @Test("columns may come in any order and any case; a byte-order mark, blank lines and unquoted padding are ignored")
    func lenientLayout() throws {
        let columns = EmployeeCSV.columns
        let order = Array(columns.reversed())
        let values = Dictionary(uniqueKeysWithValues: zip(columns, Self.row.splitCSVForTest()))
        let text = "\u{FEFF}" + order.map { $0.uppercased() }.joined(separator: ",") + "\n\n"
            + order.map { " " + (values[$0] ?? "") + " " }.joined(separator: ",") + "\n\n"
        let rows = try parse(text)
        #expect(rows.count == 1 && rows[0].rowNumber == 3)
        #expect(rows[0].row == (try parse(Self.header + "\n" + Self.row))[0].row.withRowNumber(3))
    }

    @Test("empty cells are allowed: enums become UNSPECIFIED and dates absent, left for the import's rules")
    func emptyCells() throws {
        let rows = try parse(Self.header + "\n" + String(repeating: ",", count: 15) + "x\n")
        let e = try #require(rows.first?.row.employee)
        #expect(e.asnType == .unspecified && e.jenisJabatan == .unspecified && e.sex == .unspecified && e.status == .unspecified)
        #expect(e.birthDate == nil && e.tmt == nil && e.phone == "x")
        #expect(try parse(Self.header).isEmpty)
    }

    @Test("a missing, unknown or repeated header column is refused at row 1, naming the column")
    func headerErrors() {
        let missing = error(EmployeeCSV.columns.dropLast().joined(separator: ",") + "\n")
        #expect(missing?.code == .missingColumn && missing?.row == 1 && missing?.column == "phone")
        let unknown = error(Self.header + ",nik\n")
        #expect(unknown?.code == .unknownColumn && unknown?.column == "nik")
        let twice = error(Self.header + ",nip\n")
        #expect(twice?.code == .duplicateColumn && twice?.column == "nip")
        #expect(error("")?.code == .missingHeader)
    }

    @Test("a bad enum value or date names the row and the column")
    func valueErrors() {
        let badType = error(Self.header + "\n" + Self.row + "\n" + Self.row.replacingOccurrences(of: ",PNS,", with: ",PNSX,"))
        #expect(badType?.code == .badValue && badType?.row == 3 && badType?.column == "asn_type")
        #expect(badType?.message.contains("row 3, column asn_type") == true)
        let badSex = error(Self.header + "\n" + Self.row.replacingOccurrences(of: ",L,", with: ",M,"))
        #expect(badSex?.code == .badValue && badSex?.column == "sex")
        let badDate = error(Self.header + "\n" + Self.row.replacingOccurrences(of: "1985-07-12", with: "1985-02-30"))
        #expect(badDate?.code == .badDate && badDate?.row == 2 && badDate?.column == "birth_date")
        let lower = try? parse(Self.header + "\n" + Self.row.replacingOccurrences(of: ",PNS,", with: ",pns,"))
        #expect(lower?.first?.row.employee?.asnType == .pns)
    }

    @Test("an unterminated quote, a stray quote or a wrong field count names the row and column")
    func syntaxErrors() {
        let unterminated = error(Self.header + "\n" + Self.row + "\n198507122010011002,\"Maria Ndun,,,\n")
        #expect(unterminated?.code == .unterminatedQuote && unterminated?.row == 3 && unterminated?.column == "full_name")
        let stray = error(Self.header + "\n" + Self.row.replacingOccurrences(of: "Yohanes Ndun", with: "Yohanes \"Anis\" Ndun"))
        #expect(stray?.code == .strayQuote && stray?.row == 2 && stray?.column == "full_name")
        let after = error(Self.header + "\n" + Self.row.replacingOccurrences(of: "Yohanes Ndun", with: "\"Yohanes\" Ndun"))
        #expect(after?.code == .strayQuote && after?.column == "full_name")
        let short = error(Self.header + "\n" + Self.row.components(separatedBy: ",+62")[0])
        #expect(short?.code == .wrongFieldCount && short?.row == 2 && short?.column == "phone")
        let long = error(Self.header + "\n" + Self.row + ",extra")
        #expect(long?.code == .wrongFieldCount && long?.column == nil)
    }

    @Test("bytes must be UTF-8; the error names the line")
    func utf8() throws {
        let good = Array((Self.header + "\n" + Self.row).utf8)
        #expect(try EmployeeCSV.parse(utf8: good).count == 1)
        var bad = Array((Self.header + "\n").utf8)
        bad += [0x59, 0xFF, 0x0A]
        do {
            _ = try EmployeeCSV.parse(utf8: bad)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .notUTF8 && error.row == 2)
        }
    }
}

private extension String {
    /// The fields of the sample row (it quotes only gelar_belakang, "S.Kom., M.T.").
    func splitCSVForTest() -> [String] {
        let parts = components(separatedBy: "\"")
        let before = parts[0].dropLast().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let after = parts[2].dropFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return before + ["\"" + parts[1] + "\""] + after
    }
}

private extension Identity.EmployeeImportRow {
    func withRowNumber(_ number: UInt32) -> Self {
        var copy = self
        copy.rowNumber = number
        return copy
    }
}
