import KinerjaPlanning
import KinerjaProto
import Testing

@Suite("Target derivation")
struct TargetDerivationTests {
    func target(_ period: Common.Period, _ iki: Planning.Iki, approach: Planning.SkpApproach = .kuantitatif,
                skp: SkpPeriod = Fixtures.fullYear) throws -> TargetDerivation.PeriodTarget {
        try TargetDerivation.target(for: period, iki: iki, approach: approach, skp: skp)
    }

    @Test("the annual period gets the annual target, not derived")
    func annual() throws {
        let result = try target(.annual(2026), Fixtures.countIki())
        #expect(result.target == Fixtures.countIki().annualTarget)
        #expect(!result.derived)
    }

    @Test("a triwulan or month with a periodic target set gets it (period_target_derived = false), in the IKI's unit")
    func periodicSet() throws {
        let result = try target(.triwulan(2, of: 2026), Fixtures.countIki())
        #expect(result.target.value == 300)
        #expect(result.target.unit == "dokumen")
        #expect(result.target.direction == .higherIsBetter)
        #expect(!result.derived)
        let monthly = Fixtures.countIki(periodic: Fixtures.months([100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100]))
        #expect(try target(.month(5, of: 2026), monthly).target.value == 100)
    }

    @Test("cumulative amounts: the period's own share (the value minus the previous period's)")
    func cumulative() throws {
        let iki = Fixtures.countIki(periodic: Fixtures.quarters([250, 550, 850, 1200], cumulative: true))
        #expect(try target(.triwulan(1, of: 2026), iki).target.value == 250)
        #expect(try target(.triwulan(2, of: 2026), iki).target.value == 300)
        #expect(try target(.triwulan(4, of: 2026), iki).target.value == 350)
    }

    @Test("no periodic target: Kuantitas and Biaya derived pro rata, annual x days-in-period / days-in-SKP-period")
    func proRata() throws {
        let iki = Fixtures.countIki(periodic: [])
        let q1 = try target(.triwulan(1, of: 2026), iki)
        #expect(q1.derived)
        #expect(abs(q1.target.value - 1200.0 * 90 / 365) < 1e-9)
        #expect(abs(try target(.month(2, of: 2026), iki).target.value - 1200.0 * 28 / 365) < 1e-9)
        // A leap year's February has 29 of 366 days.
        let leap = SkpPeriod(year: 2028)
        var iki2028 = iki
        iki2028.periodicTargets = []
        #expect(abs(try target(.month(2, of: 2028), iki2028, skp: leap).target.value - 1200.0 * 29 / 366) < 1e-9)
        // The four derived triwulan add up to the annual target.
        let sum = try (1...4).reduce(0.0) { $0 + (try target(.triwulan(Int32($1), of: 2026), iki).target.value) }
        #expect(PeriodicTargetRules.equal(sum, 1200))
    }

    @Test("pro rata counts only the SKP's covered days")
    func partialSkp() throws {
        let fromMay = SkpPeriod(year: 2026, start: Common.Date(year: 2026, month: 5, day: 1), end: Common.Date(year: 2026, month: 12, day: 31))
        let iki = Fixtures.countIki(periodic: [])
        // Triwulan II covers 61 of the SKP's 245 days (May and June).
        #expect(abs(try target(.triwulan(2, of: 2026), iki, skp: fromMay).target.value - 1200.0 * 61 / 245) < 1e-9)
        let error = #expect(throws: TargetDerivationError.self) { try target(.triwulan(1, of: 2026), iki, skp: fromMay) }
        #expect(error?.code == "TARGET_PERIOD_OUTSIDE_SKP")
    }

    @Test("no periodic target: Kualitas and Waktu get the annual level, derived")
    func levels() throws {
        let result = try target(.month(7, of: 2026), Fixtures.percentIki())
        #expect(result.target.value == 95)
        #expect(result.derived)
    }

    @Test("a month from triwulan targets: amounts pro rata within the triwulan, levels the triwulan's level")
    func monthFromQuarter() throws {
        let count = try target(.month(4, of: 2026), Fixtures.countIki())
        #expect(abs(count.target.value - 300.0 * 30 / 91) < 1e-9)
        #expect(count.derived)
        let percent = Fixtures.percentIki(periodic: Fixtures.quarters([85, 90, 92, 95]))
        #expect(try target(.month(8, of: 2026), percent).target.value == 92)
    }

    @Test("a triwulan from monthly targets: amounts summed, levels the last month's")
    func quarterFromMonths() throws {
        let months = Fixtures.countIki(periodic: Fixtures.months([50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 120, 130]))
        let q1 = try target(.triwulan(1, of: 2026), months)
        #expect(q1.target.value == 180)
        #expect(q1.derived)
        let levels = Fixtures.percentIki(periodic: Fixtures.months([80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 95]))
        #expect(try target(.triwulan(3, of: 2026), levels).target.value == 88)
    }

    @Test("a range keeps its relative width for amounts and its upper bound for levels")
    func ranges() throws {
        var iki = Fixtures.countIki(periodic: [])
        iki.annualTarget = Planning.Target(value: 1000, upperValue: .init(value: 1200), unit: "dokumen", direction: .withinRange)
        let q = try target(.triwulan(1, of: 2026), iki)
        #expect(abs((q.target.upperValue?.value ?? 0) / q.target.value - 1.2) < 1e-12)
        var level = Fixtures.percentIki()
        level.annualTarget = Planning.Target(value: 82, upperValue: .init(value: 100), unit: "nilai", direction: .withinRange)
        #expect(try target(.triwulan(1, of: 2026), level).target.upperValue?.value == 100)
    }

    @Test("a Kualitatif target is the same descriptive target in every period")
    func kualitatif() throws {
        var iki = Fixtures.countIki(periodic: [])
        iki.annualTarget = Planning.Target(qualitativeText: "Laporan diterima tanpa revisi", direction: .higherIsBetter)
        let result = try target(.month(3, of: 2026), iki, approach: .kualitatif)
        #expect(result.target.qualitativeText == "Laporan diterima tanpa revisi")
        #expect(result.derived)
    }

    @Test("malformed periods, other years and IKIs without annual target are refused")
    func errors() {
        let bad = #expect(throws: TargetDerivationError.self) {
            try target(Common.Period(year: 2026, kind: .quarterly, month: 2), Fixtures.countIki())
        }
        #expect(bad?.code == "TARGET_PERIOD_INVALID")
        let other = #expect(throws: TargetDerivationError.self) { try target(.annual(2025), Fixtures.countIki()) }
        #expect(other?.code == "TARGET_PERIOD_OUTSIDE_SKP")
        var iki = Fixtures.countIki()
        iki.annualTarget = nil
        let missing = #expect(throws: TargetDerivationError.self) { try target(.annual(2026), iki) }
        #expect(missing?.code == "TARGET_ANNUAL_MISSING")
    }

    @Test("ikiTargets lists every IKI of the SKP in order with its RHK, period target and derived flag")
    func ikiTargets() throws {
        let targets = try TargetDerivation.ikiTargets(for: .triwulan(3, of: 2026), skp: Fixtures.skp())
        #expect(targets.map(\.ikiID) == ["IKI-1", "IKI-2"])
        #expect(targets.map(\.periodTargetDerived) == [false, true])
        #expect(targets[0].periodTarget?.value == 300)
        #expect(targets[0].rhkID == "RHK-1")
        #expect(targets[0].parentRhkID == "PARENT-1")
        #expect(targets[1].annualTarget?.value == 95)
    }
}
