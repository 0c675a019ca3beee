import Foundation
import KinerjaProto
import Testing
@testable import kinerjactl

@Suite("eval siasn: one JSON line per record, SIASN's field names always present")
struct SiasnJSONLinesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The backquoted names in the first column of a docs/SIASN.md section's table.
    static func documented(_ section: String) throws -> Set<String> {
        let lines = try String(contentsOf: root.appendingPathComponent("docs/SIASN.md"), encoding: .utf8).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("## \(section)") })
        var names: Set<String> = []
        for line in lines[(start + 1)...].prefix(while: { !$0.hasPrefix("## ") }) where line.hasPrefix("| `") {
            let parts = line.dropFirst(2).prefix { $0 != "|" }.components(separatedBy: "`")
            for index in stride(from: 1, to: parts.count, by: 2) { names.insert(parts[index]) }
        }
        return names
    }

    static func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test("an empty kinerjaperiodik record still names every documented field, on one line")
    func emptyPeriodik() throws {
        var response = Evaluation.ExportSiasnResponse()
        response.record = .kinerjaperiodik(Evaluation.SiasnKinerjaPeriodik())
        response.source = Evaluation.SiasnRecordSource(recordID: "e1/1/kinerjaperiodik", evaluationID: "e1")
        let line = SiasnJSONLines.line(response)
        #expect(line.hasSuffix("\n") && line.dropLast().firstIndex(of: "\n") == nil)
        let object = try Self.object(line)
        let record = try #require(object["kinerjaperiodik"] as? [String: Any])
        let documented = try Self.documented("Periodic performance")
        try #require(documented.count == 19)
        #expect(Set(record.keys) == documented)
        #expect(record["id"] as? String == "" && record["tahun"] as? Int == 0 && (record["path"] as? [Any])?.isEmpty == true)
        #expect(object["skp22"] == nil, "the other endpoint is not printed")
        let source = try #require(object["source"] as? [String: Any])
        #expect(source["replacesRecordId"] as? String == "" && (source["missing"] as? [Any])?.isEmpty == true)
    }

    @Test("an skp22 record names every documented field; values as set")
    func skp22() throws {
        var record = Evaluation.SiasnSkp22()
        record.pnsDinilaiOrang = "A1B2"
        record.tahun = 2026
        record.kuadranKinerjaNilai = 2
        record.statusPenilai = "NON ASN"
        var response = Evaluation.ExportSiasnResponse()
        response.record = .skp22(record)
        let object = try Self.object(SiasnJSONLines.line(response))
        let fields = try #require(object["skp22"] as? [String: Any])
        let documented = try Self.documented("Annual SKP")
        #expect(Set(fields.keys) == documented)
        #expect(fields["pnsDinilaiOrang"] as? String == "A1B2" && fields["tahun"] as? Int == 2026 && fields["kuadranKinerjaNilai"] as? Int == 2)
        #expect(fields["penilaiNipNrp"] as? String == "" && fields["statusPenilai"] as? String == "NON ASN")
    }

    @Test("without includingDefaults the proto3 JSON still omits defaults (other commands' --json unchanged)")
    func defaultsOmitted() {
        var response = Evaluation.ExportSiasnResponse()
        response.record = .skp22(Evaluation.SiasnSkp22(tahun: 2026))
        #expect(response.jsonString(pretty: false) == #"{"skp22":{"tahun":2026}}"#)
    }

    @Test("the summary counts replacing records and records with codes missing")
    func counts() {
        var counts = SiasnCounts()
        var first = Evaluation.ExportSiasnResponse()
        first.source = Evaluation.SiasnRecordSource(recordID: "e1/2/kinerjaperiodik", replacesRecordID: "e1/1/kinerjaperiodik")
        var second = Evaluation.ExportSiasnResponse()
        second.source = Evaluation.SiasnRecordSource(missing: [Evaluation.SiasnMissingCode(field: "pnsDinilaiId", reference: "pns")])
        counts.count(first)
        counts.count(second)
        #expect(counts == SiasnCounts(records: 2, replacing: 1, incomplete: 1))
    }

    @Test("--period with --unit, -o FILE.jsonl; --force needs -o")
    func arguments() throws {
        _ = try Kinerjactl.Eval.Siasn.parse(["--unit", "KPG.DUKCAPIL", "--period", "2026-Q3", "-o", "siasn.jsonl"])
        #expect(throws: (any Error).self) { try Kinerjactl.Eval.Siasn.parse(["--period", "2026-Q3"]) }
        #expect(throws: (any Error).self) { try Kinerjactl.Eval.Siasn.parse(["--unit", "KPG.DUKCAPIL", "--period", "2026-Q3", "--force"]) }
        #expect(throws: (any Error).self) { try Kinerjactl.Eval.Siasn.parse(["--unit", "KPG.DUKCAPIL", "--period", "2026-Q7"]) }
    }

    @Test("the sample table in deploy/config reads as a SiasnReferenceTable with the closed references complete and says it is not SIASN's")
    func sampleTable() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("deploy/config/siasn-references.sample.json"), encoding: .utf8)
        let table = try Evaluation.SiasnReferenceTable(jsonString: text)
        #expect(table.source.hasPrefix("CONTOH"))
        var keys: [String: Set<String>] = [:]
        for code in table.codes { keys[code.reference, default: []].insert(code.key) }
        #expect(keys["periodik"] == ["MONTHLY", "QUARTERLY", "SEMESTER", "ANNUAL"])
        #expect(keys["perilakuDanKinerja"] == ["DI_ATAS", "SESUAI", "DI_BAWAH"])
        #expect(keys["kuadranNilai"] == ["SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"])
    }
}
