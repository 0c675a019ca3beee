import Foundation
import KinerjaDocuments
import KinerjaProto
import Testing
@testable import kinerjactl

/// `eval summary`: a unit's evaluation summary as a PDF with the curve chart.
@Suite("Unit evaluation summary")
struct UnitSummaryTests {
    @Test("eval summary needs a period and an output ending in .pdf (exit 64)")
    func arguments() throws {
        _ = try Kinerjactl.Eval.Summary.parse(["--period", "2026-Q2", "--unit", "KPG.DUKCAPIL", "-o", "ringkasan.pdf"])
        #expect(throws: (any Error).self) { _ = try Kinerjactl.Eval.Summary.parse(["--period", "2026-Q2", "--unit", "KPG"]) }
        #expect(throws: (any Error).self) { _ = try Kinerjactl.Eval.Summary.parse(["--period", "2026-Q2", "--unit", "KPG", "-o", "r.svg"]) }
        #expect(throws: (any Error).self) { _ = try Kinerjactl.Eval.Summary.parse(["--period", "2026-Q2", "-o", "r.pdf"]) }
    }

    @Test("the unit summary lays out the quotas, the curve chart and the totals in Indonesian")
    func summary() throws {
        var period = EvaluationDocumentSamples.period
        period.span = PlotTests.curve.span
        let document = UnitSummaryDocument.build(UnitSummary(period: period, curve: PlotTests.curve, unit: "KPG.DUKCAPIL — Dinas Kependudukan dan Pencatatan Sipil",
                                                             overrides: []))
        let pdf = try document.pdf()
        SkpPrintSamples.preview("unit-summary.pdf", pdf)
        guard let text = try SkpPrintSamples.text(pdf) else { return }
        for shown in ["RINGKASAN EVALUASI KINERJA UNIT", "KUOTA DAN DISTRIBUSI", "masih diperlukan 1 pegawai", "JUMLAH PER PREDIKAT", "Kurva distribusi",
                      "Tidak ada perubahan atas usulan sistem"] {
            #expect(SkpPrintDocumentTests.shows(shown, in: text), "\(shown) missing")
        }
    }
}
