import KinerjaEvaluation
import KinerjaProto
import Testing

@Suite("Distribution curve quotas (SE MenPANRB 3/2023) and the small-unit rounding rule")
struct DistributionCurveTests {
    /// (min, max) of each rule, in `DistributionCurve.rules` order.
    func counts(_ rating: Common.OrganisationRating, _ n: Int) -> [[Int]] {
        DistributionCurve.quotas(for: rating, population: n).map { [$0.minCount, $0.maxCount] }
    }

    @Test("a Baik unit of 20 may have at most 14 Baik and needs at least one Butuh Perbaikan or Kurang")
    func baikTwenty() {
        let quotas = DistributionCurve.quotas(for: .baik, population: 20)
        #expect(quotas.count == 2)
        #expect(quotas[0].rule.predikats == [.baik])
        #expect(quotas[0].maxCount == 14 && quotas[0].minCount == 0)
        #expect(quotas[1].rule.predikats == [.butuhPerbaikan, .kurang])
        #expect(quotas[1].minCount == 1 && quotas[1].maxCount == 20)
        // No cap on Sangat Baik in a Baik unit ("pegawai lainnya dapat memiliki predikat Sangat Baik").
        #expect(!quotas.contains { $0.rule.predikats.contains(.sangatBaik) })
    }

    @Test("an Istimewa unit: at most 70% Sangat Baik, the rest any")
    func istimewa() {
        #expect(counts(.istimewa, 10) == [[0, 7]])
        #expect(counts(.istimewa, 20) == [[0, 14]])
    }

    @Test("a Butuh Perbaikan unit: at least 60% Butuh Perbaikan and at most 10% Sangat Baik")
    func butuhPerbaikan() {
        #expect(counts(.butuhPerbaikan, 20) == [[12, 20], [0, 2]])
    }

    @Test("a Kurang unit: at least 60% Kurang, at least 10% Butuh Perbaikan, at most 10% Sangat Baik")
    func kurang() {
        #expect(counts(.kurang, 20) == [[12, 20], [2, 20], [0, 2]])
    }

    @Test("a Sangat Kurang unit: at least 60% Sangat Kurang, at least 10% Kurang and/or Butuh Perbaikan, no Sangat Baik")
    func sangatKurang() {
        #expect(counts(.sangatKurang, 20) == [[12, 20], [2, 20], [0, 0]])
        #expect(DistributionCurve.quotas(for: .sangatKurang, population: 20)[1].rule.predikats == [.kurang, .butuhPerbaikan])
    }

    @Test("no quotas while the organisation rating is undecided")
    func undecided() {
        #expect(DistributionCurve.quotas(for: .unspecified, population: 12).isEmpty)
        #expect(DistributionCurve.rules(for: .unrecognized(9)).isEmpty)
    }

    // MARK: The rounding rule, N = 1…12, against the SE's wording

    /// The expected (min, max) of every rule for N = 1…12, derived by hand from the rule:
    /// "maksimal p%" ⌊p·N/100⌋ (the majority's cap at least 1); "minimal p%" ⌈p·N/100⌉; "harus
    /// ada" 1; a differentiation minimum lowered to N minus the majority's seats.
    static let table: [(Common.OrganisationRating, [[[Int]]])] = [
        // Istimewa: Sangat Baik ≤ 70%. N = 1 is raised from 0 to 1.
        (.istimewa, [[[0, 1]], [[0, 1]], [[0, 2]], [[0, 2]], [[0, 3]], [[0, 4]], [[0, 4]], [[0, 5]], [[0, 6]], [[0, 7]], [[0, 7]], [[0, 8]]]),
        // Baik: Baik ≤ 70% (N = 1 raised to 1); Butuh Perbaikan/Kurang ≥ 1 (N = 1 lowered to 0).
        (.baik, [[[0, 1], [0, 1]], [[0, 1], [1, 2]], [[0, 2], [1, 3]], [[0, 2], [1, 4]], [[0, 3], [1, 5]], [[0, 4], [1, 6]],
                 [[0, 4], [1, 7]], [[0, 5], [1, 8]], [[0, 6], [1, 9]], [[0, 7], [1, 10]], [[0, 7], [1, 11]], [[0, 8], [1, 12]]]),
        // Butuh Perbaikan: Butuh Perbaikan ≥ 60%; Sangat Baik ≤ 10% (none below 10 employees).
        (.butuhPerbaikan, [[[1, 1], [0, 0]], [[2, 2], [0, 0]], [[2, 3], [0, 0]], [[3, 4], [0, 0]], [[3, 5], [0, 0]], [[4, 6], [0, 0]],
                           [[5, 7], [0, 0]], [[5, 8], [0, 0]], [[6, 9], [0, 0]], [[6, 10], [0, 1]], [[7, 11], [0, 1]], [[8, 12], [0, 1]]]),
        // Kurang: Kurang ≥ 60%; Butuh Perbaikan ≥ 10% (N = 1, 2 lowered to 0); Sangat Baik ≤ 10%.
        (.kurang, [[[1, 1], [0, 1], [0, 0]], [[2, 2], [0, 2], [0, 0]], [[2, 3], [1, 3], [0, 0]], [[3, 4], [1, 4], [0, 0]],
                   [[3, 5], [1, 5], [0, 0]], [[4, 6], [1, 6], [0, 0]], [[5, 7], [1, 7], [0, 0]], [[5, 8], [1, 8], [0, 0]],
                   [[6, 9], [1, 9], [0, 0]], [[6, 10], [1, 10], [0, 1]], [[7, 11], [2, 11], [0, 1]], [[8, 12], [2, 12], [0, 1]]]),
        // Sangat Kurang: Sangat Kurang ≥ 60%; Kurang/Butuh Perbaikan ≥ 10% (N = 1, 2 lowered to 0); no Sangat Baik.
        (.sangatKurang, [[[1, 1], [0, 1], [0, 0]], [[2, 2], [0, 2], [0, 0]], [[2, 3], [1, 3], [0, 0]], [[3, 4], [1, 4], [0, 0]],
                         [[3, 5], [1, 5], [0, 0]], [[4, 6], [1, 6], [0, 0]], [[5, 7], [1, 7], [0, 0]], [[5, 8], [1, 8], [0, 0]],
                         [[6, 9], [1, 9], [0, 0]], [[6, 10], [1, 10], [0, 0]], [[7, 11], [2, 11], [0, 0]], [[8, 12], [2, 12], [0, 0]]]),
    ]

    @Test("head counts for N = 1…12 follow the written rounding rule", arguments: table.map(\.0))
    func smallUnits(rating: Common.OrganisationRating) throws {
        let expected = try #require(Self.table.first { $0.0 == rating }?.1)
        for n in 1...12 {
            #expect(counts(rating, n) == expected[n - 1], "N = \(n)")
        }
    }

    @Test("for N = 1…12 every count honours the SE's wording: 'maksimal p%' never exceeds p%, 'minimal p%' never falls short, and each is as loose as the wording allows — except the documented adjustments",
          arguments: [Common.OrganisationRating.istimewa, .baik, .butuhPerbaikan, .kurang, .sangatKurang])
    func wording(rating: Common.OrganisationRating) {
        for n in 1...12 {
            for quota in DistributionCurve.quotas(for: rating, population: n) {
                switch quota.rule.bound {
                case .atMostPercent(let p):
                    if quota.adjustment == nil {
                        #expect(quota.maxCount * 100 <= p * n, "N = \(n): \(quota.rule.text)")
                        #expect((quota.maxCount + 1) * 100 > p * n, "N = \(n): one more would still be within \(p)%")
                    } else {
                        #expect(n == 1 && quota.maxCount == 1 && quota.rule.role == .majority)
                    }
                case .atLeastPercent(let p):
                    if quota.adjustment == nil {
                        #expect(quota.minCount * 100 >= p * n, "N = \(n): \(quota.rule.text)")
                        #expect((quota.minCount - 1) * 100 < p * n, "N = \(n): one fewer would still reach \(p)%")
                    } else {
                        #expect(n <= 2 && quota.minCount < (p * n + 99) / 100 && quota.rule.role == .differentiation)
                    }
                case .atLeastOne:
                    #expect(quota.minCount == (quota.adjustment == nil ? 1 : 0))
                case .noneAllowed:
                    #expect(quota.maxCount == 0)
                }
            }
        }
    }

    @Test("a one-person Baik unit may rate its employee Baik: 'harus ada Butuh Perbaikan/Kurang' yields to 'sebagian besar Baik', and says so")
    func oneBaik() throws {
        let quotas = DistributionCurve.quotas(for: .baik, population: 1)
        #expect(quotas[0].maxCount == 1)
        #expect(quotas[1].minCount == 0)
        #expect(quotas[1].adjustment?.contains("lowered from 1 to 0") == true)
        #expect(quotas[1].bound.adjustment.contains("lowered from 1 to 0"))
        let check = try CurveCheck(organisationRating: .baik, population: 1, distribution: PredikatDistribution([.baik]))
        #expect(check.isCompliant)
    }

    @Test("a one-person Istimewa unit may rate its employee Sangat Baik (the 70% cap is raised from 0 to 1)")
    func oneIstimewa() throws {
        let quota = try #require(DistributionCurve.quotas(for: .istimewa, population: 1).first)
        #expect(quota.maxCount == 1)
        #expect(quota.adjustment?.contains("raised from 0 to 1") == true)
        #expect(quota.adjustmentID?.contains("dinaikkan") == true)
    }

    @Test("Kurang and Sangat Kurang units of 1 and 2 keep their 60% majority; the 10% minority bound is lowered to 0, and from 3 employees both hold")
    func tinyWeakUnits() {
        for rating in [Common.OrganisationRating.kurang, .sangatKurang] {
            #expect(counts(rating, 1)[0] == [1, 1] && counts(rating, 1)[1][0] == 0)
            #expect(counts(rating, 2)[0] == [2, 2] && counts(rating, 2)[1][0] == 0)
            #expect(counts(rating, 3)[0][0] == 2 && counts(rating, 3)[1][0] == 1)
        }
    }

    @Test("an empty unit has no bounds to meet")
    func empty() {
        for rating in [Common.OrganisationRating.istimewa, .baik, .butuhPerbaikan, .kurang, .sangatKurang] {
            #expect(DistributionCurve.quotas(for: rating, population: 0).allSatisfy { $0.minCount == 0 && $0.maxCount == 0 })
        }
    }

    // MARK: N = 1…30 (and beyond): properties

    /// A distribution that meets every quota: each minimum, then the rest in a predikat no rule caps.
    func fitting(_ rating: Common.OrganisationRating, _ n: Int, fillCapped: Bool) -> [Common.Predikat] {
        let quotas = DistributionCurve.quotas(for: rating, population: n)
        var out: [Common.Predikat] = []
        for quota in quotas where quota.minCount > 0 { out += Array(repeating: quota.rule.predikats[0], count: quota.minCount) }
        if fillCapped {
            for quota in quotas where quota.rule.role != .differentiation && quota.minCount == 0 {
                out += Array(repeating: quota.rule.predikats[0], count: min(quota.maxCount, n - out.count))
            }
        }
        // Baik units leave Sangat Baik free; every other rating leaves Baik free.
        let free: Common.Predikat = rating == .baik ? .sangatBaik : .baik
        out += Array(repeating: free, count: max(0, n - out.count))
        return out
    }

    @Test("for all five ratings and N = 1…30 the quotas are satisfiable, also with every cap used to the full",
          arguments: [Common.OrganisationRating.istimewa, .baik, .butuhPerbaikan, .kurang, .sangatKurang])
    func satisfiable(rating: Common.OrganisationRating) throws {
        for n in 1...30 {
            for fill in [false, true] {
                let predikats = fitting(rating, n, fillCapped: fill)
                #expect(predikats.count == n)
                let check = try CurveCheck(organisationRating: rating, population: n, distribution: PredikatDistribution(predikats))
                #expect(check.isCompliant, "N = \(n), caps used: \(fill): \(check.note)")
            }
        }
    }

    @Test("for all five ratings and N = 1…30 the sum of the minimums never exceeds N, counts never shrink as N grows, and adjustments happen only at N ≤ 2",
          arguments: [Common.OrganisationRating.istimewa, .baik, .butuhPerbaikan, .kurang, .sangatKurang])
    func properties(rating: Common.OrganisationRating) {
        var previous: [CurveQuota] = []
        for n in 1...30 {
            let quotas = DistributionCurve.quotas(for: rating, population: n)
            #expect(quotas.reduce(0) { $0 + $1.minCount } <= n, "N = \(n)")
            #expect(quotas.allSatisfy { $0.minCount <= $0.maxCount && $0.maxCount <= n })
            for (now, before) in zip(quotas, previous) {
                #expect(now.minCount >= before.minCount && now.maxCount >= before.maxCount, "N = \(n): \(now.rule.text)")
            }
            if n > 2 { #expect(quotas.allSatisfy { $0.adjustment == nil }, "N = \(n)") }
            previous = quotas
        }
    }

    @Test("the quotas are satisfiable up to N = 200")
    func large() {
        for rating in [Common.OrganisationRating.istimewa, .baik, .butuhPerbaikan, .kurang, .sangatKurang] {
            for n in 0...200 {
                #expect(DistributionCurve.quotas(for: rating, population: n).reduce(0) { $0 + $1.minCount } <= n)
            }
        }
    }

    @Test("percents are integer arithmetic: 60% of 5 is exactly 3, 70% of 10 exactly 7")
    func exact() {
        #expect(counts(.butuhPerbaikan, 5)[0][0] == 3)
        #expect(counts(.istimewa, 10)[0][1] == 7)
        #expect(counts(.kurang, 30) == [[18, 30], [3, 30], [0, 3]])
    }

    // MARK: The contract's CurveBound

    @Test("a quota as CurveBound: percents, head counts and the rule in English and Indonesian")
    func bound() throws {
        let quotas = DistributionCurve.quotas(for: .baik, population: 10)
        let cap = quotas[0].bound
        #expect(cap.predikat == .baik && cap.alsoPredikat == .unspecified)
        #expect(cap.minPercent == 0 && cap.maxPercent == 70 && cap.minCount == 0 && cap.maxCount == 7)
        #expect(cap.ruleText == "at most 70% Baik (SE MenPANRB 3/2023)")
        #expect(cap.ruleTextID == "Baik paling banyak 70% (SE MenPANRB 3/2023)")
        #expect(cap.adjustment.isEmpty)
        let pair = quotas[1].bound
        #expect(pair.predikat == .butuhPerbaikan && pair.alsoPredikat == .kurang)
        #expect(pair.minCount == 1 && pair.maxCount == 10 && pair.maxPercent == 100)
        #expect(pair.ruleText == "at least one Butuh Perbaikan or Kurang (SE MenPANRB 3/2023)")
        #expect(pair.ruleTextID == "harus ada Butuh Perbaikan dan/atau Kurang (SE MenPANRB 3/2023)")
        let none = DistributionCurve.quotas(for: .sangatKurang, population: 10)[2].bound
        #expect(none.maxPercent == 0 && none.maxCount == 0 && none.ruleText == "no Sangat Baik (SE MenPANRB 3/2023)")
    }

    @Test("each rule keeps the SE's Indonesian wording")
    func wordingKept() {
        #expect(DistributionCurve.rules(for: .baik)[1].wording.contains("harus ada"))
        #expect(DistributionCurve.rules(for: .istimewa)[0].wording.contains("sebagian besar (maksimal 70%)"))
        #expect(DistributionCurve.rules(for: .sangatKurang)[2].wording.contains("tidak ada"))
    }
}
