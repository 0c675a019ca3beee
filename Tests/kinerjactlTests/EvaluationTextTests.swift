import KinerjaProto
import Testing
@testable import kinerjactl

/// How `eval show`, `eval leniency`, `eval matrix` and `eval periods` read.
@Suite("Evaluation text")
struct EvaluationTextTests {
    @Test("the matrix: Hasil Kerja rows, Perilaku columns, each cell its predikat and kuadran")
    func matrix() throws {
        let scale: [Common.Rating] = [.diAtasEkspektasi, .sesuaiEkspektasi, .diBawahEkspektasi]
        let predikat: [Common.Predikat] = [.sangatBaik, .baik, .kurang, .baik, .baik, .kurang, .butuhPerbaikan, .butuhPerbaikan, .sangatKurang]
        let cells = scale.enumerated().flatMap { row, hasilKerja in
            scale.enumerated().map { column, perilaku in
                Evaluation.PredikatMatrixCell(hasilKerja: hasilKerja, perilakuKerja: perilaku, predikat: predikat[row * 3 + column],
                                              kuadran: UInt32(row * 3 + column + 1))
            }
        }
        let lines = EvaluationText.matrix(cells).split(separator: "\n").map(String.init)
        try #require(lines.count == 5)
        #expect(lines[1].hasPrefix("HASIL KERJA \\ PERILAKU") && lines[1].contains("DI ATAS EKSPEKTASI"))
        #expect(lines[2].hasPrefix("Di Atas Ekspektasi") && lines[2].contains("Sangat Baik (1)") && lines[2].hasSuffix("Kurang/Misconduct (3)"))
        #expect(lines[4].hasPrefix("Di Bawah Ekspektasi") && lines[4].contains("Butuh Perbaikan (8)") && lines[4].hasSuffix("Sangat Kurang (9)"))
    }

    @Test("an evaluation shows each proposal with its reasons, per IKI and per value, the decisions with theirs, and the overrides")
    func evaluation() {
        let evaluation = Evaluation.EmployeeEvaluation(
            evaluationID: "01JEVAL", periodID: "01JPERIOD", employee: Common.EmployeeRef(nip: "199001012015032001", displayName: "Maria Ndun"),
            evaluator: Common.EmployeeRef(nip: "197501012000031001", displayName: "Yohanes Lado"), skpID: "01JSKP", skpVersion: 3,
            proposal: Evaluation.HasilKerjaProposal(
                rating: .sesuaiEkspektasi, ruleID: "01JRULE", ruleVersion: 2,
                inputs: [Evaluation.IkiAssessment(rhkKind: .utama, indicator: "Jumlah KTP-el diterbitkan", capaianPercent: Common.DoubleValue(value: 100),
                                                  rating: .sesuaiEkspektasi, targetValue: Common.DoubleValue(value: 300),
                                                  realisationValue: Common.DoubleValue(value: 300), unit: "dokumen", weight: 1,
                                                  reason: "capaian 100.0% (target 300 dokumen, realisasi 300) is at least 90%")],
                explanation: "1 of 1 Utama IKIs meets; none below"),
            hasilKerja: Evaluation.RatingDecision(rating: .diAtasEkspektasi, reason: "Menangani lonjakan layanan saat banjir", overridesProposal: true,
                                                  proposedRating: .sesuaiEkspektasi, decided: Common.AuditStamp(principal: "197501012000031001")),
            predikat: .unspecified, state: .partiallyRated,
            perilakuProposal: Evaluation.PerilakuProposal(rating: .unspecified,
                                                          explanation: "no 360° summary for the period: Perilaku is rated by the atasan alone"),
            span: Evaluation.EvaluationSpan(year: 2026, kind: .quarterly, number: 2))
        let text = EvaluationText.evaluation(Evaluation.GetEvaluationResponse(evaluation: evaluation, overrides: [
            Evaluation.RatingOverride(aspect: .hasilKerja, fromRating: .sesuaiEkspektasi, toRating: .diAtasEkspektasi,
                                      reason: "Menangani lonjakan layanan saat banjir"),
        ]))
        #expect(text.contains("Maria Ndun (199001012015032001)") && text.contains("triwulan II 2026 (01JPERIOD)") && text.contains("Partially Rated"))
        #expect(text.contains("Proposal: Sesuai Ekspektasi — 1 of 1 Utama IKIs meets; none below"))
        #expect(text.contains("300 dokumen") && text.contains("100.0 %") && text.contains("capaian 100.0% (target 300 dokumen, realisasi 300)"))
        #expect(text.contains("Rating:   Di Atas Ekspektasi — departs from the proposal (Sesuai Ekspektasi): Menangani lonjakan layanan saat banjir"))
        #expect(text.contains("Proposal: none — no 360° summary for the period") && text.contains("Rating:   not rated yet"))
        #expect(text.contains("Predikat:") && text.contains("— (both ratings needed)"))
        #expect(text.contains("Overrides:") && text.contains("proposal"))
    }

    @Test("leniency: the unit against the city, each rater's counts, distance from both means, differentiation, and why flagged")
    func leniency() throws {
        let response = Evaluation.GetRaterLeniencyResponse(
            unitDistribution: [Evaluation.PredikatCount(predikat: .sangatBaik, count: 4), Evaluation.PredikatCount(predikat: .baik, count: 16)],
            unitMeanScore: 4.2,
            raters: [
                Evaluation.RaterStats(rater: Common.EmployeeRef(nip: "197501012000031001", displayName: "Yohanes Lado"), ratedCount: 6,
                                      distribution: [Evaluation.PredikatCount(predikat: .sangatBaik, count: 6)], meanScore: 5, leniencyIndex: 0.8,
                                      flagged: true, cityLeniencyIndex: 0.95, modalSharePercent: 100, differentiationIndex: 0, lowDifferentiation: true),
                Evaluation.RaterStats(rater: Common.EmployeeRef(nip: "198001012005011001", displayName: "Maria Ndun"), ratedCount: 14,
                                      distribution: [Evaluation.PredikatCount(predikat: .baik, count: 10), Evaluation.PredikatCount(predikat: .sangatBaik, count: 4)],
                                      meanScore: 4.29, leniencyIndex: 0.09, overrideUpCount: 1, cityLeniencyIndex: 0.24, modalSharePercent: 71.4,
                                      differentiationIndex: 0.37),
            ],
            flagThreshold: 0.5, ratedCount: 20,
            cityDistribution: [Evaluation.PredikatCount(predikat: .sangatBaik, count: 11), Evaluation.PredikatCount(predikat: .baik, count: 88),
                               Evaluation.PredikatCount(predikat: .butuhPerbaikan, count: 1)],
            cityMeanScore: 4.05, modalShareThresholdPercent: 90)
        let text = LeniencyText.render(response, scope: "KPG.DUKCAPIL, triwulan II 2026")
        let lines = text.split(separator: "\n").map(String.init)
        try #require(!lines.isEmpty)
        #expect(lines[0] == "Rater leniency, KPG.DUKCAPIL, triwulan II 2026: 20 rated")
        #expect(lines.contains { $0.hasPrefix("Unit") && $0.contains("20%") && $0.contains("80%") && $0.hasSuffix("4.20") })
        #expect(lines.contains { $0.hasPrefix("City") && $0.contains("88%") && $0.hasSuffix("4.05") })
        let lenient = lines.first { $0.hasPrefix("Yohanes Lado") } ?? ""
        #expect(lenient.contains("+0.80") && lenient.contains("+0.95") && lenient.contains("100%") && lenient.contains("░░░░░░░░░░ 0.00")
            && lenient.hasSuffix("lenient, low differentiation"))
        let even = lines.first { $0.hasPrefix("Maria Ndun") } ?? ""
        #expect(even.contains("↑1 ↓0") && !even.contains("lenient"))
        #expect(LeniencyText.differentiationBar(0.37) == "████░░░░░░")
    }

    @Test("periods list: span in words, state, organisation rating, the curve's denominator and rated count, unit by code")
    func periods() {
        let period = Evaluation.EvaluationPeriod(
            periodID: "01JPERIOD", unit: Common.UnitScope(unitID: "01JUNIT", includeSubunits: true), state: .penilaian,
            organisationRating: Evaluation.OrganisationRatingRecord(rating: .butuhPerbaikan), ratingDeadline: Common.Date(year: 2026, month: 7, day: 10),
            population: 21, ratedCount: 12, span: Evaluation.EvaluationSpan(year: 2026, kind: .semester, number: 1), curveDenominator: 20)
        let table = EvaluationText.periods([period], unitCodes: ["01JUNIT": "KPG.DUKCAPIL"]).render()
        #expect(table.contains("KPG.DUKCAPIL +sub") && table.contains("semester 1 2026") && table.contains("Penilaian")
            && table.contains("Butuh Perbaikan") && table.contains("20") && table.contains("12") && table.contains("2026-07-10"))
    }
}
