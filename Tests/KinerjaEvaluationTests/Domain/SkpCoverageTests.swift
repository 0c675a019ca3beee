import KinerjaEvaluation
import KinerjaProto
import Testing

@Suite("Several SKPs in one period (a transfer): each SKP's IKIs weigh by its covered days")
struct SkpCoverageTests {
    typealias F = Fixtures
    let before = SkpCoverage.Skp(skpID: "dukcapil", first: Fixtures.date(2026, 1, 1), last: Fixtures.date(2026, 5, 31))
    let after = SkpCoverage.Skp(skpID: "kelapa-lima", first: Fixtures.date(2026, 6, 1), last: Fixtures.date(2026, 12, 31))

    @Test("annual: 151 days (1 January - 31 May) and 214 days (1 June - 31 December) of 365")
    func annual() throws {
        let weights = try SkpCoverage.weights([before, after], in: .annual(2026))
        #expect(weights["dukcapil"] == 151.0 / 365)
        #expect(weights["kelapa-lima"] == 214.0 / 365)
    }

    @Test("triwulan II: April-May (61 days) for the first SKP, June (30 days) for the second; triwulan I only the first")
    func quarter() throws {
        let q2 = try SkpCoverage.weights([before, after], in: .triwulan(2, of: 2026))
        #expect(q2["dukcapil"] == 61.0 / 91 && q2["kelapa-lima"] == 30.0 / 91)
        #expect(try SkpCoverage.weights([before, after], in: .triwulan(1, of: 2026)) == ["dukcapil": 1])
    }

    @Test("days covered by no SKP count for none: the weights still sum to 1")
    func gap() throws {
        let late = SkpCoverage.Skp(skpID: "late", first: Fixtures.date(2026, 7, 1), last: Fixtures.date(2026, 12, 31))
        let weights = try SkpCoverage.weights([before, late], in: .annual(2026))
        #expect(abs(weights.values.reduce(0, +) - 1) < 1e-12)
        #expect(weights["dukcapil"] == 151.0 / (151 + 184))
    }

    @Test("overlapping SKPs are refused")
    func overlap() {
        let overlapping = SkpCoverage.Skp(skpID: "x", first: Fixtures.date(2026, 5, 31), last: Fixtures.date(2026, 8, 1))
        #expect(throws: EvaluationRuleError.skpsOverlap(first: "dukcapil", second: "x")) {
            try SkpCoverage.weights([before, overlapping], in: .annual(2026))
        }
    }

    @Test("the proposal pools both SKPs' IKIs with their weights: realisations and targets stay with their own SKP")
    func pooled() throws {
        let weights = try SkpCoverage.weights([before, after], in: .annual(2026))
        // The first SKP's only IKI is below (5 months), the second's two are above (7 months).
        let ikis = SkpCoverage.apply(weights, to: [
            F.capaian("k1", 70, skp: "dukcapil"),
            F.capaian("l1", 120, skp: "kelapa-lima"),
            F.capaian("l2", 125, skp: "kelapa-lima"),
        ])
        let proposal = HasilKerjaProposer.propose(ikis)
        #expect(proposal.inputs.map(\.skpID) == ["dukcapil", "kelapa-lima", "kelapa-lima"])
        #expect(abs(proposal.utamaBelowPercent - 151.0 / (151 + 2 * 214) * 100) < 1e-9)
        // An Utama IKI is below, so not Di Atas even though most weight is above.
        #expect(proposal.rating == .sesuaiEkspektasi)
    }

    @Test("pooling for triwulan II weighs 61/91 and 30/91 and the reasons name each IKI's SKP, its days and its weight; one SKP is left as it is")
    func pooledReasons() throws {
        let ikis = try SkpCoverage.pool([F.capaian("k1", 100, skp: "dukcapil"), F.capaian("l1", 120, skp: "kelapa-lima")],
                                        skps: [before, after], in: .triwulan(2, of: 2026))
        #expect(ikis.map(\.coverage) == [61.0 / 91, 30.0 / 91])
        #expect(ikis.map(\.coveredDays) == [IkiEvidence.CoveredDays(skp: 61, total: 91), IkiEvidence.CoveredDays(skp: 30, total: 91)])
        let proposal = HasilKerjaProposer.propose(ikis)
        #expect(proposal.inputs[0].reason.hasPrefix("SKP dukcapil, 61/91 days (weight 0.67): "), "\(proposal.inputs[0].reason)")
        #expect(proposal.inputs[1].reason.hasPrefix("SKP kelapa-lima, 30/91 days (weight 0.33): "), "\(proposal.inputs[1].reason)")
        #expect(proposal.explanation.contains("IKIs of 2 SKPs pooled, each weighted by its covered days (dukcapil 61/91 days, kelapa-lima 30/91 days)"),
                "\(proposal.explanation)")
        // One SKP: weight 1, no SKP in the reason.
        let single = try SkpCoverage.pool([F.capaian("k1", 100, skp: "dukcapil")], skps: [before], in: .triwulan(2, of: 2026))
        #expect(single.map(\.coverage) == [1] && single.allSatisfy { $0.coveredDays == nil })
        #expect(HasilKerjaProposer.propose(single).inputs.allSatisfy { !$0.reason.hasPrefix("SKP ") })
        // Overlapping SKPs are refused here too.
        let overlapping = SkpCoverage.Skp(skpID: "x", first: Fixtures.date(2026, 5, 31), last: Fixtures.date(2026, 8, 1))
        #expect(throws: EvaluationRuleError.skpsOverlap(first: "dukcapil", second: "x")) {
            try SkpCoverage.pool(ikis, skps: [before, overlapping], in: .triwulan(2, of: 2026))
        }
    }
}
