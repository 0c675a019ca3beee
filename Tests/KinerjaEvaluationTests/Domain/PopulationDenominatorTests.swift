import KinerjaEvaluation
import KinerjaProto
import Testing

@Suite("Population adjustments and the curve denominator")
struct PopulationDenominatorTests {
    typealias F = Fixtures
    static let nips = (1...10).map { "19800101200501100\($0 % 10)" }

    func adjustment(_ nip: String, _ reason: Evaluation.PopulationAdjustmentReason, on date: Common.Date? = nil,
                    leave: (Common.Date, Common.Date)? = nil) -> Evaluation.PopulationAdjustment {
        Evaluation.PopulationAdjustment(nip: nip, reason: reason, leave: leave.map { Common.DateRange(startDate: $0.0, endDate: $0.1) },
                                        effectiveDate: date, note: "SK Wali Kota Kupang")
    }

    @Test("died, retired or transferred out on or before the period's last day: not counted; the denominator shrinks")
    func leaving() throws {
        let result = try PopulationDenominator.compute(population: Self.nips, adjustments: [
            adjustment(Self.nips[0], .meninggal, on: F.date(2026, 2, 10)),
            adjustment(Self.nips[1], .pensiun, on: F.date(2026, 3, 1)),
            adjustment(Self.nips[2], .pindahKeluar, on: F.date(2026, 3, 31)),
        ], span: .triwulan(1, of: 2026))
        #expect(result.count == 7)
        #expect(Set(result.excluded.keys) == Set(Self.nips[0...2]))
        #expect(result.adjustments.allSatisfy { $0.excluded })
        #expect(result.adjustments[1].explanation == "retired from 2026-03-01 (TMT pensiun), on or before the period's last day 2026-03-31: not counted")
    }

    @Test("an effective date after the period changes nothing for it")
    func afterPeriod() throws {
        let result = try PopulationDenominator.compute(population: Self.nips, adjustments: [adjustment(Self.nips[0], .pensiun, on: F.date(2026, 4, 1))],
                                                       span: .triwulan(1, of: 2026))
        #expect(result.count == 10)
        #expect(!result.adjustments[0].excluded)
        #expect(result.adjustments[0].explanation.hasSuffix("no effect on this period"))
    }

    @Test("transferred in: counted here, evaluated over all their SKPs of the period")
    func arriving() throws {
        let newcomer = "199001012015032001"
        let result = try PopulationDenominator.compute(population: Self.nips, adjustments: [adjustment(newcomer, .pindahMasuk, on: F.date(2026, 6, 1))],
                                                       span: .annual(2026))
        #expect(result.count == 11 && result.counted.contains(newcomer))
        #expect(result.adjustments[0].explanation.contains("evaluated here over all their SKPs of the period"))
    }

    @Test("the latest movement decides: transferred in, then out again, is not counted")
    func latest() throws {
        let result = try PopulationDenominator.compute(population: Self.nips, adjustments: [
            adjustment(Self.nips[3], .pindahKeluar, on: F.date(2026, 8, 1)),
            adjustment(Self.nips[3], .pindahMasuk, on: F.date(2026, 3, 1)),
        ], span: .annual(2026))
        #expect(result.count == 9 && result.excluded[Self.nips[3]] != nil)
    }

    @Test("CLTN or tugas belajar: not counted when fewer than half of the period's days were served")
    func leave() throws {
        let result = try PopulationDenominator.compute(population: Self.nips, adjustments: [
            adjustment(Self.nips[4], .cltn, leave: (F.date(2026, 1, 1), F.date(2026, 2, 28))),            // 59 of 90 days away
            adjustment(Self.nips[5], .tugasBelajar, leave: (F.date(2026, 3, 1), F.date(2026, 3, 31))),    // 31 of 90 away
            adjustment(Self.nips[6], .tugasBelajar, leave: (F.date(2025, 9, 1), F.date(2027, 8, 31))),    // the whole period
        ], span: .triwulan(1, of: 2026))
        #expect(result.count == 8)
        #expect(result.excluded[Self.nips[4]] != nil && result.excluded[Self.nips[5]] == nil && result.excluded[Self.nips[6]] != nil)
        #expect(result.adjustments[0].explanation == "CLTN covers 59 of 90 days; 31 served (34.4%), less than 50%: not counted")
        #expect(result.adjustments[1].explanation == "tugas belajar covers 31 of 90 days; 59 served (65.6%): still counted")
    }

    @Test("two leaves of one employee add up, overlapping days once")
    func leavesAddUp() throws {
        let result = try PopulationDenominator.compute(population: Self.nips, adjustments: [
            adjustment(Self.nips[7], .cltn, leave: (F.date(2026, 1, 1), F.date(2026, 1, 31))),
            adjustment(Self.nips[7], .tugasBelajar, leave: (F.date(2026, 1, 15), F.date(2026, 2, 20))),
        ], span: .triwulan(1, of: 2026))
        // 1 January - 20 February: 51 days away, 39 served of 90.
        #expect(result.excluded[Self.nips[7]]?.contains("51 of 90 days") == true)
    }

    @Test("the curve's quotas follow the denominator")
    func quotas() throws {
        let result = try PopulationDenominator.compute(population: Self.nips, adjustments: [adjustment(Self.nips[0], .meninggal, on: F.date(2026, 1, 5))],
                                                       span: .annual(2026))
        #expect(DistributionCurve.quotas(for: .baik, population: result.count)[0].maxCount == 6)
    }

    @Test("malformed adjustments are refused", arguments: [
        Evaluation.PopulationAdjustment(nip: "12345", reason: .pensiun, effectiveDate: Common.Date(year: 2026, month: 1, day: 1), note: "SK"),
        Evaluation.PopulationAdjustment(nip: "198001012005011001", reason: .unspecified, note: "SK"),
        Evaluation.PopulationAdjustment(nip: "198001012005011001", reason: .cltn, note: "SK"),
        Evaluation.PopulationAdjustment(nip: "198001012005011001", reason: .cltn,
                                        leave: Common.DateRange(startDate: Common.Date(year: 2026, month: 3, day: 1), endDate: Common.Date(year: 2026, month: 2, day: 1)), note: "SK"),
        Evaluation.PopulationAdjustment(nip: "198001012005011001", reason: .meninggal, note: "SK"),
        Evaluation.PopulationAdjustment(nip: "198001012005011001", reason: .meninggal, effectiveDate: Common.Date(year: 2026, month: 2, day: 30), note: "SK"),
        Evaluation.PopulationAdjustment(nip: "198001012005011001", reason: .pensiun, effectiveDate: Common.Date(year: 2026, month: 1, day: 1), note: " "),
    ])
    func invalid(adjustment: Evaluation.PopulationAdjustment) {
        #expect(throws: EvaluationRuleError.self) { try PopulationDenominator.validate(adjustment) }
    }
}
