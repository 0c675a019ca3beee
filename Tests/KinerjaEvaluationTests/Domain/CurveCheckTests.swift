import KinerjaEvaluation
import KinerjaProto
import Testing

@Suite("Curve check: the actual distribution against the quotas")
struct CurveCheckTests {
    typealias F = Fixtures

    func check(_ rating: Common.OrganisationRating, _ n: Int, _ counts: [(Common.Predikat, Int)]) throws -> CurveCheck {
        try CurveCheck(organisationRating: rating, population: n, distribution: PredikatDistribution(F.spread(counts)))
    }

    @Test("a Baik unit of 10 with 8 Baik and no Butuh Perbaikan or Kurang breaks both rules, each with the rule, the count and the limit")
    func everyBreach() throws {
        let result = try check(.baik, 10, [(.baik, 8), (.sangatBaik, 2)])
        let breaches = result.breaches(unitID: "unit-dukcapil", period: .init(year: 2026, kind: .annual))
        #expect(breaches.count == 2)
        let over = breaches[0]
        #expect(over.unitID == "unit-dukcapil" && over.organisationRating == .baik)
        #expect(over.bound?.predikat == .baik && over.bound?.maxCount == 7)
        #expect(over.actualCount == 8 && over.actualPercent == 80 && over.population == 10)
        #expect(over.explanation == "8 of 10 rated (80%) are Baik; at most 7 of 10 allowed (at most 70% Baik (SE MenPANRB 3/2023))")
        #expect(over.explanationID == "8 dari 10 pegawai yang dinilai (80%) Baik; paling banyak 7 dari 10 (Baik paling banyak 70% (SE MenPANRB 3/2023))")
        let under = breaches[1]
        #expect(under.bound?.predikat == .butuhPerbaikan && under.bound?.alsoPredikat == .kurang && under.bound?.minCount == 1)
        #expect(under.actualCount == 0)
        #expect(under.explanation.contains("at least 1 of 10 required"))
        #expect(under.explanationID.contains("paling sedikit 1 dari 10"))
        #expect(!result.isCompliant)
    }

    @Test("the same unit with 7 Baik, 1 Butuh Perbaikan and 2 Sangat Baik is compliant")
    func compliant() throws {
        let result = try check(.baik, 10, [(.baik, 7), (.butuhPerbaikan, 1), (.sangatBaik, 2)])
        #expect(result.breaches().isEmpty)
        #expect(result.isCompliant)
        #expect(result.note == "all rated; the curve holds")
    }

    @Test("a Sangat Baik in a Sangat Kurang unit is a breach: none allowed")
    func noneAllowed() throws {
        let result = try check(.sangatKurang, 10, [(.sangatKurang, 7), (.kurang, 2), (.sangatBaik, 1)])
        let breaches = result.breaches()
        #expect(breaches.count == 1)
        #expect(breaches[0].explanation.hasPrefix("1 of 10 rated (10%) is Sangat Baik; none allowed"))
        #expect(breaches[0].explanationID.contains("tidak boleh ada"))
    }

    @Test("while rating, an upper bound breaks at once but a lower bound is only 'still needed' until everyone is rated")
    func whileRating() throws {
        let partial = try check(.baik, 10, [(.baik, 8)])
        #expect(partial.breaches().count == 1)
        #expect(partial.breaches()[0].bound?.predikat == .baik)
        #expect(partial.unrated == 2)
        #expect(partial.note.contains("2 employees unrated"))
        #expect(partial.note.contains("at least 1 more Butuh Perbaikan or Kurang still needed"))
        #expect(partial.progress[1].standing == .stillNeeded(1))
    }

    @Test("a lower bound that the unrated can no longer reach is said in the note, not yet a breach")
    func unreachable() throws {
        let result = try check(.butuhPerbaikan, 10, [(.baik, 7), (.butuhPerbaikan, 1)])
        #expect(result.progress[0].standing == .unreachable(needed: 5, unrated: 2))
        #expect(result.breaches().isEmpty)
        #expect(result.note.contains("cannot be met any more: 5 more needed, 2 unrated"))
    }

    @Test("quotas are shown before any rating: every employee unrated, nothing breached, the minimums still needed")
    func beforeRating() throws {
        let status = try check(.kurang, 12, []).status(unitID: "u1", period: .init(year: 2026, kind: .quarterly, triwulan: .ii))
        #expect(status.organisationRating == .kurang)
        #expect(status.population == 12 && status.ratedCount == 0)
        #expect(status.quotas.map(\.minCount) == [8, 2, 0])
        #expect(status.quotas.map(\.maxCount) == [12, 12, 1])
        #expect(status.breaches.isEmpty && !status.compliant)
        let unrated = try #require(status.distribution.last)
        #expect(unrated.predikat == .unspecified && unrated.count == 12 && unrated.percent == 100)
        #expect(status.distribution.count == 6)
        #expect(status.note.contains("12 employees unrated"))
    }

    @Test("current distribution vs quotas while rating: counts and shares of the population per predikat")
    func distribution() throws {
        let status = try check(.istimewa, 4, [(.sangatBaik, 2), (.baik, 1)]).status()
        #expect(status.distribution.map(\.count) == [2, 1, 0, 0, 0, 1])
        #expect(status.distribution.map(\.percent) == [50, 25, 0, 0, 0, 25])
        #expect(status.quotas[0].maxCount == 2)
        #expect(status.breaches.isEmpty)
    }

    @Test("without an organisation rating there are no quotas, no breaches and the note says why")
    func undecided() throws {
        let status = try check(.unspecified, 5, [(.baik, 5)]).status()
        #expect(status.quotas.isEmpty && status.breaches.isEmpty && !status.compliant)
        #expect(status.note == "organisation rating not decided: no quotas yet")
    }

    @Test("the note names a bound adjusted for a small unit")
    func adjustedNote() throws {
        let result = try check(.kurang, 2, [(.kurang, 2)])
        #expect(result.isCompliant)
        #expect(result.note.contains("Butuh Perbaikan: lowered from 1 to 0"))
    }

    @Test("more rated than the population, or a negative count, is refused")
    func invalid() {
        #expect(throws: EvaluationRuleError.distributionInvalid("3 employees are rated but the curve's population is 2")) {
            try check(.baik, 2, [(.baik, 3)])
        }
        #expect(throws: EvaluationRuleError.self) { try PredikatDistribution(counts: [.baik: -1]) }
        #expect(throws: EvaluationRuleError.self) { try CurveCheck(organisationRating: .baik, population: -1, distribution: PredikatDistribution([])) }
    }

    @Test("a distribution counts only the five predikat; unrated entries are the unrated")
    func distributionCounts() throws {
        let distribution = PredikatDistribution([.baik, .unspecified, .baik, .kurang, .unrecognized(9)])
        #expect(distribution.rated == 3)
        #expect(distribution.count(of: [.butuhPerbaikan, .kurang]) == 1)
        #expect(distribution.mode?.predikat == .baik && distribution.mode?.count == 2)
        #expect(abs(distribution.meanScore - 10.0 / 3) < 1e-12)
        #expect(try PredikatDistribution(counts: [.baik: 2, .unspecified: 4]).rated == 2)
    }
}
