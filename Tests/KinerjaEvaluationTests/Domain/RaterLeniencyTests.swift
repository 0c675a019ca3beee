import KinerjaEvaluation
import KinerjaProto
import Testing

@Suite("Rater leniency: each rater against the unit and the city")
struct RaterLeniencyTests {
    typealias F = Fixtures
    let lenient = Fixtures.rater("197001012000011001", "Kepala Seksi A")
    let strict = Fixtures.rater("197201012000012002", "Kepala Seksi B")

    func unit() -> [RaterLeniency.Rated] {
        F.spread([(.sangatBaik, 4), (.baik, 1)]).map { RaterLeniency.Rated(rater: lenient, predikat: $0) }
            + F.spread([(.baik, 2), (.butuhPerbaikan, 2), (.kurang, 1)]).map { RaterLeniency.Rated(rater: strict, predikat: $0) }
    }

    @Test("the leniency index is the rater's mean score minus the unit's; most lenient first")
    func index() {
        let report = RaterLeniency.analyse(unit: unit(), city: PredikatDistribution(F.spread([(.baik, 88), (.sangatBaik, 11), (.butuhPerbaikan, 1)])))
        #expect(report.unit.meanScore == 4.0)
        let first = report.raters[0]
        #expect(first.rater?.nip == lenient.nip)
        #expect(abs(first.meanScore - 4.8) < 1e-12 && abs(first.leniencyIndex - 0.8) < 1e-12)
        #expect(abs(report.raters[1].leniencyIndex - (-0.8)) < 1e-12)
        #expect(abs(first.cityLeniencyIndex - (4.8 - 4.1)) < 1e-12)
        #expect(first.flagged && report.raters[1].flagged)
        let response = report.response
        #expect(response.unitDistribution.count == 5 && response.cityMeanScore == 4.1 && response.ratedCount == 10)
    }

    @Test("differentiation: everyone the same predikat is modal share 100% and index 0, flagged even at the unit's mean")
    func sameForAll() {
        let rated = F.spread([(.baik, 6)]).map { RaterLeniency.Rated(rater: lenient, predikat: $0) }
        let stats = RaterLeniency.analyse(unit: rated, city: PredikatDistribution([])).raters[0]
        #expect(stats.modalSharePercent == 100 && stats.differentiationIndex == 0)
        #expect(stats.leniencyIndex == 0 && stats.lowDifferentiation && stats.flagged)
        #expect(stats.cityLeniencyIndex == 0)
    }

    @Test("an even spread over all five predikat has differentiation index 1")
    func even() {
        let predikats: [Common.Predikat] = [.sangatBaik, .baik, .butuhPerbaikan, .kurang, .sangatKurang]
        let distribution = PredikatDistribution(predikats)
        #expect(abs(RaterLeniency.differentiationIndex(distribution) - 1) < 1e-12)
        #expect(RaterLeniency.modalSharePercent(distribution) == 20)
    }

    @Test("fewer than 3 ratings are never flagged")
    func small() {
        let rated = [RaterLeniency.Rated(rater: lenient, predikat: .sangatBaik), RaterLeniency.Rated(rater: strict, predikat: .kurang)]
        #expect(RaterLeniency.analyse(unit: rated, city: PredikatDistribution([])).raters.allSatisfy { !$0.flagged })
    }

    @Test("overrides of the proposal count up and down for the rater who decided them; changes of a decision do not")
    func overrides() {
        func override(_ from: Common.Rating, _ to: Common.Rating, replaced: Bool = false) -> Evaluation.RatingOverride {
            Evaluation.RatingOverride(aspect: .hasilKerja, fromRating: from, toRating: to, decided: Common.AuditStamp(principal: lenient.nip), replacedDecision: replaced)
        }
        let report = RaterLeniency.analyse(unit: unit(), city: PredikatDistribution([]), overrides: [
            override(F.sesuai, F.atas), override(F.sesuai, F.atas), override(F.atas, F.sesuai), override(F.bawah, F.atas, replaced: true),
        ])
        #expect(report.raters[0].overrideUpCount == 2 && report.raters[0].overrideDownCount == 1)
    }

    @Test("thresholds: 0 means the default; out of range is refused")
    func configuration() throws {
        let defaults = try RaterLeniency.Configuration(flagThreshold: 0, modalShareThresholdPercent: 0)
        #expect(defaults.flagThreshold == 0.5 && defaults.modalShareThresholdPercent == 90 && defaults.minimumRatedCount == 3)
        #expect(try RaterLeniency.Configuration(flagThreshold: 1, modalShareThresholdPercent: 75).flagThreshold == 1)
        #expect(throws: EvaluationRuleError.self) { try RaterLeniency.Configuration(flagThreshold: 5, modalShareThresholdPercent: 0) }
        #expect(throws: EvaluationRuleError.self) { try RaterLeniency.Configuration(flagThreshold: 0, modalShareThresholdPercent: 40) }
        let relaxed = RaterLeniency.analyse(unit: unit(), city: PredikatDistribution([]), configuration: try RaterLeniency.Configuration(flagThreshold: 1, modalShareThresholdPercent: 0))
        #expect(relaxed.raters.allSatisfy { !$0.flagged })
    }
}
