import Foundation
import KinerjaProto
import Testing
@testable import kinerjactl

/// The SKP file format of `skp import`: parsing, every kind of error with its row and column,
/// and the idempotency keys.
@Suite("SKP file")
struct SkpFileTests {
    static let me = "199001012015031001"
    static let other = "198503122010012003"
    static let header = "nip,year,approach,rhk_kind,rhk_text,parent_rhk_id,perspektif,aspek,indicator,target,upper,unit,"
        + "qualitative_text,direction,aggregation,tw1,tw2,tw3,tw4"

    static let valid = """
    \(header)
    ,2026,,utama,Terlayaninya penerbitan KTP-el,01JPARENT,,kuantitas,Jumlah KTP-el diterbitkan,1200,,dokumen,,,,300,300,300,300
    ,2026,,,Terlayaninya penerbitan KTP-el,,,waktu,Rata-rata waktu layanan,3,,hari,,,,,,,
    ,2026,,tambahan,"Terlaksananya jemput bola, Kelurahan Oebobo",,,kualitas,Persentase berkas lengkap,80,100,persen,,,average,,,,

    \(other),2026,kualitatif,utama,Tersusunnya laporan,,,kualitas,Kualitas laporan,,,,"Laporan diterima ""tanpa"" revisi",,,,,,
    """

    private func parse(_ text: String, defaultNIP: String = me, defaultYear: Int32 = 2026) throws(SkpFile.Problems) -> SkpFile {
        try SkpFile.parse(bytes: Array(text.utf8), defaultNIP: defaultNIP, defaultYear: defaultYear)
    }

    /// The problems of a file that must not parse.
    private func problems(_ text: String) -> [SkpFile.Problem] {
        do {
            _ = try parse(text)
            Issue.record("the file parsed")
            return []
        } catch {
            return error.problems
        }
    }

    private func problem(_ rows: String...) -> SkpFile.Problem? {
        problems(([Self.header] + rows).joined(separator: "\n")).first
    }

    @Test("a valid file: SKPs per NIP and year, consecutive rows with one rhk_text form one RHK")
    func valid() throws {
        let file = try parse(Self.valid)
        #expect(file.skps.count == 2)
        #expect(file.rhkCount == 3)
        #expect(file.ikiCount == 4)
        let mine = file.skps[0]
        #expect(mine.nip == Self.me && mine.year == 2026 && mine.row == 2 && mine.approach == nil)
        #expect(mine.rhks.map(\.row) == [2, 4])
        let first = mine.rhks[0]
        #expect(first.rhk.kind == .utama && first.rhk.parentRhkID == "01JPARENT" && first.rhk.text == "Terlayaninya penerbitan KTP-el")
        #expect(first.ikis.map(\.row) == [2, 3])
        #expect(first.rhk.ikis.count == 2)
        let count = first.ikis[0].iki
        #expect(count.annualTarget == Planning.Target(value: 1200, unit: "dokumen", direction: .higherIsBetter))
        #expect(count.aggregation == .sum)
        #expect(count.periodicTargets.map(\.value) == [300, 300, 300, 300])
        #expect(count.periodicTargets.allSatisfy { $0.period?.year == 2026 })
        let time = first.ikis[1].iki
        #expect(time.annualTarget?.direction == .lowerIsBetter && time.aggregation == .average && time.periodicTargets.isEmpty)
        let range = mine.rhks[1]
        #expect(range.rhk.kind == .tambahan && range.rhk.text == "Terlaksananya jemput bola, Kelurahan Oebobo")
        #expect(range.ikis[0].iki.annualTarget?.direction == .withinRange)
        #expect(range.ikis[0].iki.annualTarget?.upperValue?.value == 100)
        let theirs = file.skps[1]
        #expect(theirs.nip == Self.other && theirs.approach == .kualitatif && theirs.row == 6)
        #expect(theirs.rhks[0].ikis[0].iki.annualTarget?.qualitativeText == "Laporan diterima \"tanpa\" revisi")
    }

    @Test("optional columns may be left out, cells take --nip and --year, a semicolon separator and CRLF are read")
    func minimal() throws {
        let text = "\u{FEFF}rhk_kind;rhk_text;aspek;indicator;target;unit;tw1;tw2;tw3;tw4;cumulative\r\n"
            + "utama;Hasil;kuantitas;Dokumen;4;dokumen;1;2;3;4;yes\r\n"
        let file = try parse(text, defaultNIP: Self.other, defaultYear: 2027)
        #expect(file.skps.map(\.nip) == [Self.other])
        #expect(file.skps[0].year == 2027)
        let iki = file.skps[0].rhks[0].ikis[0].iki
        #expect(iki.periodicTargets.allSatisfy { $0.cumulative && $0.period?.year == 2027 })
    }

    @Test("targets that do not add up are warnings of their row")
    func warnings() throws {
        let file = try parse("\(Self.header)\n,,,utama,H,,,kuantitas,D,1200,,dokumen,,,,100,100,100,100")
        #expect(file.skps[0].rhks[0].ikis[0].warnings == ["the triwulan targets add up to 400, the annual target is 1200"])
    }

    @Test("header problems: unknown, duplicate and missing columns", arguments: [
        ("nip,rhk_kind,rhk_text,aspek,indicator,colour", SkpFile.Problem(row: 1, column: 6, columnName: "colour", message:
            "unknown column \"colour\"; the columns are " + SkpFile.columns.joined(separator: ","))),
        ("rhk_kind,rhk_text,aspek,indicator,aspek", SkpFile.Problem(row: 1, column: 5, columnName: "aspek", message: "column aspek appears twice")),
        ("rhk_kind,rhk_text,indicator", SkpFile.Problem(row: 1, columnName: "aspek", message: "the header has no column aspek")),
    ])
    func header(header: String, expected: SkpFile.Problem) {
        #expect(problems(header + "\nutama,H,kuantitas,D").first == expected)
    }

    @Test("an empty file, a file with only a header, and bytes that are not UTF-8")
    func emptyFiles() {
        #expect(problems("") == [SkpFile.Problem(row: 1, message: "the file is empty; the first row must be the header")])
        #expect(problems(Self.header + "\n\n") == [SkpFile.Problem(row: 1, message: "the file has a header but no IKI rows")])
        do {
            _ = try SkpFile.parse(bytes: Array("rhk_kind\nutama\n".utf8) + [0xFF], defaultNIP: Self.me, defaultYear: 2026)
            Issue.record("parsed")
        } catch {
            #expect(error.problems == [SkpFile.Problem(row: 3, message: "not UTF-8 text (save the spreadsheet as CSV UTF-8)")])
        }
    }

    @Test("CSV syntax: an unclosed quote, a stray quote, a wrong number of cells")
    func syntax() {
        #expect(problem(",,,utama,\"Hasil,,,kuantitas,D,1,,x,,,,,,,") == SkpFile.Problem(
            row: 2, column: 5, message: "the quoted cell is not closed before the end of the file"))
        #expect(problem(",,,utama,Ha\"sil,,,kuantitas,D,1,,x,,,,,,,") == SkpFile.Problem(
            row: 2, column: 5, message: "a quote inside an unquoted cell; enclose the cell in quotes and double the quote"))
        #expect(problem(",,,utama,Hasil,,,kuantitas,D,1,,x") == SkpFile.Problem(
            row: 2, message: "the row has 12 cells; the header has 19"))
    }

    @Test("cell problems name their row and column", arguments: [
        (",,,utama,H,,,kuantity,D,1,,x,,,,,,,", 8, "aspek", "\"kuantity\" is not one of kuantitas, kualitas, waktu, biaya"),
        ("123,,,utama,H,,,kuantitas,D,1,,x,,,,,,,", 1, "nip", "\"123\" is not an 18-digit NIP"),
        (",26,,utama,H,,,kuantitas,D,1,,x,,,,,,,", 2, "year", "\"26\" is not a year 2000–2100"),
        (",,kuantitative,utama,H,,,kuantitas,D,1,,x,,,,,,,", 3, "approach", "\"kuantitative\" is not one of kuantitatif, kualitatif"),
        (",,,main,H,,,kuantitas,D,1,,x,,,,,,,", 4, "rhk_kind", "\"main\" is not one of utama, tambahan"),
        (",,,utama,,,,kuantitas,D,1,,x,,,,,,,", 5, "rhk_text", "the RHK text must be 1–1000 characters"),
        (",,,utama,H,,,kuantitas,D,\"1,5\",,x,,,,,,,", 10, "target",
         "target: \"1,5\" is not a number: write a decimal point, not a comma, and no thousands separators"),
        (",,,utama,H,,,kuantitas,D,1200,,,,,,,,,", 12, "unit", "the target 1200 needs its unit (satuan) in unit, e.g. dokumen"),
        (",,,utama,H,,,kuantitas,D,,,,,,,,,,", 10, "target", "a Kuantitatif SKP needs a numeric target: target"),
        (",,,utama,H,,,kuantitas,D,100,80,persen,,,,,,,", 11, "upper", "upper 80 is below target 100"),
        (",,,utama,H,,,kuantitas,D,1,,x,,sideways,,,,,", 14, "direction", "\"sideways\" is not higher, lower or range"),
        (",,,utama,H,,,kuantitas,D,1,,x,,,median,,,,", 15, "aggregation", "\"median\" is not sum, average, latest, max or min"),
        (",,,utama,H,,,kuantitas,D,1,,x,,,,1,x,,", 17, "tw2",
         "\"x\" is not a number ≥ 0 (digits and at most one decimal point, e.g. 1200 or 12.5)"),
        (",,,utama,H,,,kuantitas,,1,,x,,,,,,,", 9, "indicator", "indicator must be 1–500 characters"),
        (",,,utama,H,,anggaran2,kuantitas,D,1,,x,,,,,,,", 7, "perspektif",
         "\"anggaran2\" is not one of penerima-layanan, proses-bisnis, penguatan-internal, anggaran"),
        (",,kualitatif,utama,H,,,kualitas,D,,,,,,,,,,", 13, "qualitative_text",
         "a Kualitatif SKP needs a descriptive target: qualitative_text"),
    ])
    func cellProblems(row: String, column: Int, name: String, message: String) {
        #expect(problem(row) == SkpFile.Problem(row: 2, column: column, columnName: name, message: message))
    }

    @Test("RHK structure: the first row needs the kind, later rows may not contradict it, one RHK's rows stay together")
    func structure() {
        #expect(problem(",,,,H,,,kuantitas,D,1,,x,,,,,,,") == SkpFile.Problem(
            row: 2, column: 4, columnName: "rhk_kind", message: "the first row of an RHK needs its kind: utama or tambahan"))
        #expect(problem(",,,utama,H,P1,,kuantitas,D,1,,x,,,,,,,", ",,,tambahan,H,P2,,kualitas,E,1,,x,,,,,,,") == SkpFile.Problem(
            row: 3, column: 4, columnName: "rhk_kind", message: "differs from row 2, the first row of this RHK; leave it empty on the RHK's later rows"))
        #expect(problems(([Self.header, ",,,utama,H,P1,,kuantitas,D,1,,x,,,,,,,", ",,,,H,P2,,kualitas,E,1,,x,,,,,,,"]).joined(separator: "\n"))
            .map(\.columnName) == ["parent_rhk_id"])
        #expect(problem(",,,utama,H,,,kuantitas,D,1,,x,,,,,,,", ",,,utama,G,,,kuantitas,D,1,,x,,,,,,,", ",,,utama,H,,,kualitas,E,1,,x,,,,,,,")
            == SkpFile.Problem(row: 4, column: 5, columnName: "rhk_text",
                               message: "the RHK of row 2 has the same text; keep the rows of one RHK together"))
        #expect(problem(",,,utama,H,,,kuantitas,D,1,,x,,,,,,,", ",,,,H,,,kuantitas,D,2,,x,,,,,,,") == SkpFile.Problem(
            row: 3, column: 9, columnName: "indicator", message: "row 2 has the same aspek and indicator in this RHK"))
        #expect(problem(",,kuantitatif,utama,H,,,kuantitas,D,1,,x,,,,,,,", ",,kualitatif,utama,G,,,kualitas,E,,,,T,,,,,,") == SkpFile.Problem(
            row: 3, column: 3, columnName: "approach", message: "the SKP of \(Self.me) for 2026 is kuantitatif (row 2); one SKP has one approach"))
    }

    @Test("penugasan is for Tambahan; cumulative needs triwulan targets and must not decrease")
    func extraColumns() {
        let header = "rhk_kind,rhk_text,penugasan,aspek,indicator,target,unit,tw1,tw2,tw3,tw4,cumulative"
        #expect(problems("\(header)\nutama,H,ST 1,kuantitas,D,1,x,,,,,") == [SkpFile.Problem(
            row: 2, column: 3, columnName: "penugasan", message: "penugasan is for Tambahan RHKs")])
        #expect(problems("\(header)\ntambahan,H,,kuantitas,D,1,x,,,,,ya") == [SkpFile.Problem(
            row: 2, column: 12, columnName: "cumulative", message: "cumulative needs targets in tw1…tw4")])
        #expect(problems("\(header)\ntambahan,H,,kuantitas,D,4,x,1,3,2,4,yes") == [SkpFile.Problem(
            row: 2, column: 10, columnName: "tw3", message: "cumulative targets must not decrease: TW III 2 is below TW II 3")])
        #expect(problems("\(header)\ntambahan,H,,kuantitas,D,4,x,1,3,2,4,perhaps").map(\.columnName) == ["cumulative"])
    }

    @Test("at most 30 RHKs per SKP and 10 IKIs per RHK")
    func limits() {
        let rhks = (1...31).map { ",,,utama,RHK \($0),,,kuantitas,D,1,,x,,,,,,," }
        #expect(problems(([Self.header] + rhks).joined(separator: "\n")) == [SkpFile.Problem(
            row: 32, column: 5, columnName: "rhk_text", message: "an SKP has at most 30 RHKs")])
        let ikis = (1...11).map { ",,,utama,H,,,kuantitas,IKI \($0),1,,x,,,,,,," }
        #expect(problems(([Self.header] + ikis).joined(separator: "\n")) == [SkpFile.Problem(
            row: 12, column: 9, columnName: "indicator", message: "an RHK has at most 10 IKIs")])
    }

    @Test("every problem is reported, in row order, and reads `row R, column C (name): message`")
    func allProblems() {
        let found = problems([Self.header, ",,,utama,H,,,kuantity,D,1,,x,,,,,,,", ",,,utama,G,,,kuantitas,D,1,,,,,,,,,"]
            .joined(separator: "\n"))
        #expect(found.map(\.row) == [2, 3])
        #expect(found.map(\.description) == [
            "row 2, column 8 (aspek): \"kuantity\" is not one of kuantitas, kualitas, waktu, biaya",
            "row 3, column 12 (unit): the target 1 needs its unit (satuan) in unit, e.g. dokumen",
        ])
        let missing = SkpFile.Problem(row: 1, columnName: "aspek", message: "the header has no column aspek")
        #expect(missing.description == "row 1 (aspek): the header has no column aspek")
    }

    @Test("idempotency keys: stable for the same file and row, different for another row, file or default")
    func keys() throws {
        let file = try parse(Self.valid)
        let again = try parse(Self.valid)
        #expect(file.fingerprint.count == 16)
        #expect(file.idempotencyKey(row: 2, operation: "rhk") == again.idempotencyKey(row: 2, operation: "rhk"))
        #expect(file.idempotencyKey(row: 2, operation: "rhk") == "skp-import-\(file.fingerprint)-2-rhk")
        #expect(file.idempotencyKey(row: 2, operation: "rhk") != file.idempotencyKey(row: 4, operation: "rhk"))
        #expect(file.idempotencyKey(row: 2, operation: "rhk") != file.idempotencyKey(row: 2, operation: "iki"))
        let edited = try parse(Self.valid.replacingOccurrences(of: "1200", with: "1300"))
        #expect(edited.fingerprint != file.fingerprint)
        #expect(try parse(Self.valid, defaultNIP: "199201012019031001").fingerprint != file.fingerprint)
        #expect(try parse(Self.valid, defaultYear: 2027).fingerprint != file.fingerprint)
        #expect(file.idempotencyKey(row: 9_999, operation: "skp").utf8.count <= 128)
    }

    @Test("cascade_type and peran describe the link on an RHK's first row: non-direct by default with a parent, refused without one")
    func cascadeColumns() throws {
        let header = "rhk_kind,rhk_text,parent_rhk_id,cascade_type,peran,aspek,indicator,target,unit"
        let file = try parse("""
        \(header)
        utama,Terlayaninya penerbitan KTP-el,01JPARENT,direct,Operator perekaman,kuantitas,Jumlah KTP-el,1200,dokumen
        utama,Terverifikasinya berkas,01JPARENT,,,kuantitas,Jumlah berkas,1200,berkas
        tambahan,Pendataan penduduk rentan,,,,kuantitas,Jumlah data,100,data
        """)
        let rhks = file.skps[0].rhks.map(\.rhk)
        #expect(rhks.map(\.cascadeType) == [.direct, .nonDirect, .unspecified])
        #expect(rhks.map(\.peran) == ["Operator perekaman", "", ""])
        let orphan = try #require(problems("\(header)\ntambahan,Pendataan,,direct,,kuantitas,Jumlah data,100,data").first)
        #expect(orphan.row == 2 && orphan.columnName == "cascade_type")
        let unknown = try #require(problems("\(header)\nutama,Hasil,01JP,langsung,,kuantitas,Jumlah,1,x").first)
        #expect(unknown.columnName == "cascade_type" && unknown.message.contains("direct, non-direct"))
        let long = try #require(problems("\(header)\nutama,Hasil,01JP,,\(String(repeating: "p", count: 201)),kuantitas,Jumlah,1,x").first)
        #expect(long.columnName == "peran")
    }
}

/// The example in `skp import --help` is a valid file.
@Suite("SKP file help")
struct SkpFileHelpTests {
    @Test("the example of `skp import --help` parses: one RHK with two IKIs")
    func helpExample() throws {
        let discussion = Kinerjactl.Skp.Import.configuration.discussion
        let lines = discussion.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let start = try #require(lines.firstIndex { $0.hasPrefix("rhk_kind,rhk_text") })
        let example = lines[start...].joined(separator: "\n")
        let file = try SkpFile.parse(bytes: Array(example.utf8), defaultNIP: SkpFileTests.me, defaultYear: 2026)
        #expect(file.rhkCount == 1)
        #expect(file.ikiCount == 2)
        #expect(file.skps[0].rhks[0].ikis[0].iki.periodicTargets.count == 4)
    }
}
