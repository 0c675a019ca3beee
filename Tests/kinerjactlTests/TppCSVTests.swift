import Foundation
import KinerjaProto
import Testing
@testable import kinerjactl

@Suite("eval tpp: the month argument and the CSV")
struct TppCSVTests {
    @Test("--month is YYYY-MM within 2000–2100 and 01–12; --unit is required")
    func arguments() throws {
        #expect(try Kinerjactl.Eval.Tpp.month("2026-11") == (2026, 11))
        for bad in ["2026-13", "2026-00", "2026-1", "26-11", "1999-01", "2026/11", "2026-11-01", ""] {
            #expect(throws: (any Error).self, "\(bad)") { try Kinerjactl.Eval.Tpp.month(bad) }
        }
        _ = try Kinerjactl.Eval.Tpp.parse(["--unit", "KPG.DUKCAPIL", "--month", "2026-11", "-o", "tpp.csv"])
        #expect(throws: (any Error).self) { try Kinerjactl.Eval.Tpp.parse(["--month", "2026-11"]) }
        #expect(throws: (any Error).self) { try Kinerjactl.Eval.Tpp.parse(["--unit", "KPG.DUKCAPIL", "--month", "2026-11", "--force"]) }
    }

    @Test("a row with a factor and a row without one, with its reason; names with a comma are quoted; CRLF")
    func rows() {
        #expect(TppCSV.header == "nip,full_name,unit_id,unit_name,month,predikat,factor_percent,evaluation_id,rule_version,missing_reason,missing_message\r\n")
        var paid = Evaluation.ExportTppResponse()
        paid.employee = Common.EmployeeRef(nip: "199001012015032001", displayName: "Maria Ndolu, S.Kom.", unitID: "u1")
        paid.unitName = "Seksi Identitas Penduduk"
        paid.predikat = .butuhPerbaikan
        paid.hasFactor = true
        paid.factorPercent = 80
        paid.evaluationID = "e1"
        paid.ruleVersion = 2
        #expect(TppCSV.record(paid, month: "2026-11")
                == "199001012015032001,\"Maria Ndolu, S.Kom.\",u1,Seksi Identitas Penduduk,2026-11,Butuh Perbaikan,80.00,e1,2,,\r\n")
        var missing = Evaluation.ExportTppResponse()
        missing.employee = Common.EmployeeRef(nip: "198805052010011002", displayName: "Yohanes Bria", unitID: "u1")
        missing.ruleVersion = 2
        missing.missingReason = "NOT_FINALISED"
        missing.missingMessage = "the evaluation of 2026-11 is not finalised"
        #expect(TppCSV.record(missing, month: "2026-11")
                == "198805052010011002,Yohanes Bria,u1,,2026-11,,,,2,NOT_FINALISED,the evaluation of 2026-11 is not finalised\r\n")
    }

    @Test("the sample rule in deploy/config reads as a TppRule (what `eval tpp-rule set --file` sends), one factor per predikat")
    func sampleRule() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("deploy/config/tpp-rule.sample.json"), encoding: .utf8)
        let rule = try Evaluation.TppRule(jsonString: text)
        #expect(rule.effectiveYear == 2026 && rule.effectiveMonth == 1 && rule.legalBasis.hasPrefix("CONTOH"))
        #expect(rule.factors.map(\.predikat) == [.sangatBaik, .baik, .butuhPerbaikan, .kurang, .sangatKurang])
        #expect(rule.factors.map(\.percent) == [100, 100, 80, 60, 40])
    }
}
