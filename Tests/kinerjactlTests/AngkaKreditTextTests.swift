import KinerjaProto
import Testing
@testable import kinerjactl

@Suite("eval angka-kredit: arguments and the table")
struct AngkaKreditTextTests {
    static let nip = "199001012015032001"

    @Test("one of --nip and --unit; --subunits only with --unit; a year 2000–2100; an 18-digit NIP")
    func arguments() throws {
        _ = try Kinerjactl.Eval.AngkaKredit.parse(["--nip", Self.nip, "--year", "2026"])
        _ = try Kinerjactl.Eval.AngkaKredit.parse(["--unit", "KPG.DUKCAPIL", "--subunits", "--json"])
        for bad in [[], ["--nip", Self.nip, "--unit", "KPG.DUKCAPIL"], ["--nip", "1990"], ["--nip", Self.nip, "--subunits"],
                    ["--unit", "KPG.DUKCAPIL", "--year", "1999"]] {
            #expect(throws: (any Error).self, "\(bad)") { try Kinerjactl.Eval.AngkaKredit.parse(bad) }
        }
    }

    @Test("each counted period with its predikat, percent, koefisien and months, the year's total to three decimals, and why others do not count")
    func table() {
        var conversion = Evaluation.AngkaKreditConversion()
        conversion.evaluationID = "e1"
        conversion.span = Evaluation.EvaluationSpan(year: 2026, kind: .quarterly, number: 1)
        conversion.predikat = .baik
        conversion.jenjang = .ahliPertama
        conversion.annualKoefisien = 12.5
        conversion.predikatPercent = 100
        conversion.months = 2
        conversion.angkaKredit = 2.0 / 12 * 12.5
        var entry = Evaluation.EmployeeAngkaKredit()
        entry.employee = Common.EmployeeRef(nip: Self.nip, displayName: "Maria Ndolu, S.Kom.")
        entry.jenjang = .ahliPertama
        entry.counted = [conversion]
        entry.total = conversion.angkaKredit
        entry.skipped = [Evaluation.AngkaKreditSkip(evaluationID: "e0", reason: "BEFORE_TMT_JABATAN", message: "2026-01: before the TMT")]
        let text = AngkaKreditText.render(Evaluation.ListAngkaKreditResponse(employees: [entry]), year: 2026)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("NIP") == true)
        #expect(lines.contains { $0.contains("Ahli Pertama") && $0.contains("triwulan I 2026") && $0.contains("Baik") && $0.hasSuffix("2.083") })
        #expect(lines.contains { $0.contains("JUMLAH 2026") && $0.hasSuffix("2.083") })
        #expect(lines.last == "\(Self.nip): not converted, BEFORE_TMT_JABATAN: 2026-01: before the TMT")
        #expect(AngkaKreditText.render(Evaluation.ListAngkaKreditResponse(), year: 2026) == "No jabatan fungsional with a finalised evaluation in 2026.")
    }
}
