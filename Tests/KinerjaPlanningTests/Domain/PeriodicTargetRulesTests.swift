import KinerjaPlanning
import KinerjaProto
import Testing

@Suite("Periodic target rules")
struct PeriodicTargetRulesTests {
    static let count = Planning.Target(value: 1200, unit: "dokumen", direction: .higherIsBetter)
    static let percent = Planning.Target(value: 95, unit: "persen", direction: .higherIsBetter)
    static let days = Planning.Target(value: 3, unit: "hari", direction: .lowerIsBetter)
    static let rupiah = Planning.Target(value: 12_000_000_000, unit: "rupiah", direction: .lowerIsBetter)

    func reasons(_ targets: [Planning.PeriodicTarget], aspek: Common.IkiAspek = .kuantitas, annual: Planning.Target? = count,
                 approach: Planning.SkpApproach = .kuantitatif, skp: SkpPeriod = Fixtures.fullYear) -> [String] {
        PeriodicTargetRules.violations(targets, aspek: aspek, annualTarget: annual, approach: approach, skp: skp).map(\.reason)
    }

    @Test("empty = derived from the annual target when asked for")
    func empty() {
        #expect(reasons([]) == [])
    }

    @Test("consistency rule (our inference): Kuantitas and Biaya, non-cumulative: the periodic values sum to the annual target")
    func sum() {
        #expect(reasons(Fixtures.quarters([250, 300, 300, 350])) == [])
        #expect(reasons(Fixtures.quarters([250, 300, 300, 349])) == ["PERIODIC_TARGETS_SUM_MISMATCH"])
        #expect(reasons(Fixtures.quarters([3e9, 3e9, 3e9, 3e9]), aspek: .biaya, annual: Self.rupiah) == [])
        #expect(reasons(Fixtures.quarters([3e9, 3e9, 3e9, 2e9]), aspek: .biaya, annual: Self.rupiah) == ["PERIODIC_TARGETS_SUM_MISMATCH"])
        #expect(reasons(Fixtures.months(Array(repeating: 100, count: 12))) == [])
        let v = PeriodicTargetRules.violations(Fixtures.quarters([100, 100, 100, 100]), aspek: .kuantitas, annualTarget: Self.count,
                                               approach: .kuantitatif, skp: Fixtures.fullYear)
        #expect(v.first?.description == "Kuantitas targets per period must sum to the annual target 1200; they sum to 400")
        #expect(v.first?.field == "periodic_targets")
    }

    @Test("consistency rule: Kuantitas and Biaya, cumulative: the last period's value equals the annual target")
    func cumulativeFinal() {
        #expect(reasons(Fixtures.quarters([250, 550, 850, 1200], cumulative: true)) == [])
        #expect(reasons(Fixtures.quarters([250, 550, 850, 1100], cumulative: true)) == ["PERIODIC_TARGETS_FINAL_MISMATCH"])
        #expect(reasons(Fixtures.quarters([3e9, 6e9, 9e9, 12e9], cumulative: true), aspek: .biaya, annual: Self.rupiah) == [])
    }

    @Test("consistency rule: Kualitas and Waktu are levels, not amounts: the last period's value equals the annual target")
    func levels() {
        #expect(reasons(Fixtures.quarters([85, 90, 92, 95]), aspek: .kualitas, annual: Self.percent) == [])
        #expect(reasons(Fixtures.quarters([95, 95, 95, 95]), aspek: .kualitas, annual: Self.percent) == [])
        #expect(reasons(Fixtures.quarters([95, 95, 95, 90]), aspek: .kualitas, annual: Self.percent) == ["PERIODIC_TARGETS_FINAL_MISMATCH"])
        #expect(reasons(Fixtures.quarters([5, 4, 4, 3]), aspek: .waktu, annual: Self.days) == [])
        #expect(reasons(Fixtures.quarters([1, 1, 1, 0]), aspek: .waktu, annual: Self.days) == ["PERIODIC_TARGETS_FINAL_MISMATCH"])
        // A level summed like an amount is the mistake the rule exists for.
        #expect(reasons(Fixtures.quarters([23.75, 23.75, 23.75, 23.75]), aspek: .kualitas, annual: Self.percent)
            == ["PERIODIC_TARGETS_FINAL_MISMATCH"])
    }

    @Test("consistency rule: tolerance 1e-9 relative")
    func tolerance() {
        let decimal = Planning.Target(value: 1.0, unit: "laporan", direction: .higherIsBetter)
        // 0.1 + 0.2 + 0.3 + 0.4 is 1.0000000000000002 in binary floating point.
        #expect(reasons(Fixtures.quarters([0.1, 0.2, 0.3, 0.4]), annual: decimal) == [])
        #expect(reasons(Fixtures.quarters([0.1, 0.2, 0.3, 0.400001]), annual: decimal) == ["PERIODIC_TARGETS_SUM_MISMATCH"])
        #expect(PeriodicTargetRules.equal(1e12, 1e12 + 900))
        #expect(!PeriodicTargetRules.equal(1e12, 1e12 + 1100))
        #expect(PeriodicTargetRules.equal(0, 0))
        #expect(!PeriodicTargetRules.equal(0, 1e-300))
    }

    @Test("consistency rule: a range annual target accepts any total or last value inside the range")
    func range() {
        let ikm = Planning.Target(value: 82, upperValue: .init(value: 100), unit: "nilai", direction: .withinRange)
        #expect(reasons(Fixtures.quarters([80, 81, 82, 90]), aspek: .kualitas, annual: ikm) == [])
        #expect(reasons(Fixtures.quarters([80, 81, 82, 81]), aspek: .kualitas, annual: ikm) == ["PERIODIC_TARGETS_FINAL_MISMATCH"])
    }

    @Test("consistency rule: not applied to the Kualitatif approach (its targets are descriptive), nor without an annual target")
    func notApplied() {
        #expect(reasons(Fixtures.quarters([1, 1, 1, 1]), approach: .kualitatif) == [])
        #expect(reasons(Fixtures.quarters([1, 1, 1, 1]), annual: nil) == [])
    }

    @Test("cumulative targets never decrease")
    func decreasing() {
        let v = PeriodicTargetRules.violations(Fixtures.quarters([300, 600, 500, 1200], cumulative: true), aspek: .kuantitas,
                                               annualTarget: Self.count, approach: .kuantitatif, skp: Fixtures.fullYear)
        #expect(v.map(\.reason) == ["PERIODIC_TARGET_DECREASING"])
        #expect(v.first?.field == "periodic_targets[2].value")
        // Checked in period order, whatever the order given.
        let shuffled = [Fixtures.quarters([300, 600, 900, 1200], cumulative: true)[3]]
            + Array(Fixtures.quarters([300, 600, 900, 1200], cumulative: true).prefix(3))
        #expect(reasons(shuffled) == [])
    }

    @Test("either every periodic target is cumulative or none is (our inference)")
    func mixedCumulative() {
        var targets = Fixtures.quarters([300, 300, 300, 300])
        targets[1].cumulative = true
        #expect(reasons(targets) == ["PERIODIC_TARGETS_MIXED_CUMULATIVE"])
    }

    @Test("periods all of one kind (triwulan or month)")
    func mixedKinds() {
        let targets = Array(Fixtures.quarters([300, 300, 300, 300]).prefix(3)) + Fixtures.months([300], first: 10)
        #expect(reasons(targets) == ["PERIODIC_TARGETS_MIXED_KINDS"])
    }

    @Test("periods unique")
    func duplicates() {
        var targets = Fixtures.quarters([300, 300, 300, 300])
        targets.append(Planning.PeriodicTarget(period: .triwulan(2, of: 2026), value: 0))
        let v = PeriodicTargetRules.violations(targets, aspek: .kuantitas, annualTarget: Self.count, approach: .kuantitatif, skp: Fixtures.fullYear)
        #expect(v.map(\.reason) == ["PERIODIC_TARGET_DUPLICATE"])
        #expect(v.first?.field == "periodic_targets[4].period")
    }

    @Test("periods lie in the SKP year, and are a triwulan or a month")
    func outOfYear() {
        let v = PeriodicTargetRules.violations(Fixtures.quarters([300, 300, 300, 300], year: 2025), aspek: .kuantitas,
                                               annualTarget: Self.count, approach: .kuantitatif, skp: Fixtures.fullYear)
        #expect(v.map(\.reason) == Array(repeating: "PERIODIC_TARGET_OUTSIDE_YEAR", count: 4))
        #expect(v.first?.field == "periodic_targets[0].period.year")
        #expect(reasons([Planning.PeriodicTarget(period: .annual(2026), value: 1200)]) == ["PERIODIC_TARGET_KIND_INVALID"])
        #expect(reasons([Planning.PeriodicTarget(period: nil, value: 1200)]) == ["PERIODIC_TARGET_PERIOD_REQUIRED"])
        #expect(reasons([Planning.PeriodicTarget(period: .month(13, of: 2026), value: 1200)]) == ["PERIODIC_TARGET_PERIOD_INVALID"])
        #expect(reasons([Planning.PeriodicTarget(period: .triwulan(5, of: 2026), value: 1200)]) == ["PERIODIC_TARGET_PERIOD_INVALID"])
    }

    @Test("values finite and >= 0; notes at most 500 characters; at most 16 entries")
    func entryFields() {
        var targets = Fixtures.quarters([300, 300, 300, 300])
        targets[0].value = -1
        targets[1].value = .nan
        #expect(reasons(targets) == ["PERIODIC_TARGET_VALUE_INVALID", "PERIODIC_TARGET_VALUE_INVALID"])
        targets = Fixtures.quarters([300, 300, 300, 300])
        targets[3].note = String(repeating: "n", count: 501)
        #expect(reasons(targets) == ["PERIODIC_TARGET_NOTE_TOO_LONG"])
        let seventeen = Fixtures.months(Array(repeating: 100, count: 12)) + Array(Fixtures.months(Array(repeating: 0, count: 5)))
        #expect(reasons(seventeen).first == "PERIODIC_TARGETS_TOO_MANY")
    }

    @Test("a non-empty set covers every period of the SKP's covered days (our inference): all 4 triwulan or all 12 months")
    func complete() {
        let v = PeriodicTargetRules.violations(Array(Fixtures.quarters([300, 300, 300, 300]).prefix(2)), aspek: .kuantitas,
                                               annualTarget: Self.count, approach: .kuantitatif, skp: Fixtures.fullYear)
        #expect(v.map(\.reason) == ["PERIODIC_TARGETS_INCOMPLETE"])
        #expect(v.first?.description.hasSuffix("missing triwulan III 2026, triwulan IV 2026") == true)
        #expect(reasons(Fixtures.months(Array(repeating: 100, count: 11))) == ["PERIODIC_TARGETS_INCOMPLETE"])
    }

    @Test("an SKP covering part of the year: only the periods overlapping its covered days, all of them")
    func partialYear() {
        let july = SkpPeriod(year: 2026, start: Common.Date(year: 2026, month: 7, day: 15), end: Common.Date(year: 2026, month: 12, day: 31))
        let tw3and4 = Array(Fixtures.quarters([0, 0, 500, 700]).suffix(2))
        #expect(reasons(tw3and4, skp: july) == [])
        #expect(reasons(Fixtures.quarters([0, 0, 500, 700]), skp: july) == ["PERIODIC_TARGET_OUTSIDE_SKP_PERIOD", "PERIODIC_TARGET_OUTSIDE_SKP_PERIOD"])
        #expect(reasons(Fixtures.months([200, 200, 200, 200, 200, 200], first: 7), skp: july) == [])
        #expect(PeriodicTargetRules.coveredPeriods(kind: .quarterly, skp: july).map(\.triwulan) == [.iii, .iv])
        #expect(PeriodicTargetRules.coveredPeriods(kind: .monthly, skp: july).count == 6)
    }
}
