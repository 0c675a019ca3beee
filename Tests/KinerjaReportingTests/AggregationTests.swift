import KinerjaASN
import KinerjaProto
import KinerjaReporting
import Testing

@Suite("Realisation aggregation")
struct AggregationTests {
    static func figure(_ month: Int32, _ day: Int32, _ value: Double, _ state: Reporting.ReportState = .diverifikasi, at second: Int64 = 0) -> ReportFigure {
        ReportFigure(ikiID: "iki", date: Fixtures.day(month, day), value: value, state: state, lastChange: second)
    }

    static let q1 = WitaDayRange(period: Fixtures.q1)!

    @Test("SUM adds the verified values; the provisional figure adds the pending (DIAJUKAN) ones; DITOLAK, DICABUT and DITARIK never count")
    func sum() {
        let reports = [
            Self.figure(1, 5, 100), Self.figure(2, 2, 120), Self.figure(3, 2, 80), Self.figure(3, 9, 40, .diajukan),
            Self.figure(3, 10, 500, .ditolak), Self.figure(3, 10, 500, .dicabut), Self.figure(3, 10, 500, .ditarik),
        ]
        let figures = RealisationAggregation.figures(reports, in: Self.q1, aggregation: .sum)
        #expect(figures.verified == 300)
        #expect(figures.withPending == 340)
        #expect(figures.reportCount == 6, "every state except DITARIK")
        #expect(figures.verifiedCount == 3)
        #expect(figures.pendingCount == 1)
        #expect(figures.rejectedCount == 2)
        #expect(figures.lastReportDate == Fixtures.day(3, 10))
    }

    @Test("reports are bucketed by their WITA report day: 1 April belongs to triwulan II")
    func bucketing() {
        let reports = [Self.figure(3, 31, 10), Self.figure(4, 1, 20)]
        #expect(RealisationAggregation.figures(reports, in: Self.q1, aggregation: .sum).verified == 10)
        #expect(ReportingPeriods.period(of: .quarterly, containing: Fixtures.day(4, 1)) == Fixtures.q2)
        #expect(ReportingPeriods.period(of: .monthly, containing: Fixtures.day(4, 1)) == Common.Period(year: 2026, kind: .monthly, month: 4))
    }

    @Test("AVERAGE is the mean, MAXIMUM and MINIMUM the extremes, LATEST the latest day's value (same day: the value set last)")
    func others() {
        let reports = [Self.figure(1, 5, 2, at: 10), Self.figure(1, 20, 4, at: 5), Self.figure(1, 20, 3, at: 9), Self.figure(1, 8, 6, at: 50)]
        #expect(RealisationAggregation.combine(reports, .average) == 3.75)
        #expect(RealisationAggregation.combine(reports, .maximum) == 6)
        #expect(RealisationAggregation.combine(reports, .minimum) == 2)
        #expect(RealisationAggregation.combine(reports, .latest) == 3)
        #expect(RealisationAggregation.combine(reports, .unspecified) == 15, "UNSPECIFIED reads as SUM")
    }

    @Test("with no counting report SUM is 0 (nothing yet) and the other aggregations have no realisation")
    func empty() {
        #expect(RealisationAggregation.combine([], .sum) == 0)
        for aggregation in [Common.RealisationAggregation.average, .latest, .maximum, .minimum] {
            #expect(RealisationAggregation.combine([], aggregation) == nil)
        }
    }
}

@Suite("Capaian")
struct CapaianTests {
    static func target(_ value: Double, _ direction: Common.TargetDirection, upper: Double? = nil) -> Planning.Target {
        Planning.Target(value: value, upperValue: upper.map { Common.DoubleValue(value: $0) }, unit: "x", direction: direction)
    }

    @Test("300 verified against a triwulan I target of 300 is 100 %, on target")
    func onTarget() {
        let result = Capaian.of(realisation: 300, target: Self.target(300, .higherIsBetter))
        #expect(result.percent == 100)
        #expect(result.status == .onTarget)
        #expect(Capaian.of(realisation: 0.1 + 0.2, target: Self.target(0.3, .higherIsBetter)).status == .onTarget, "within a relative 1e-9")
    }

    @Test("higher is better: realisation / target x 100; a zero target is not computable")
    func higher() {
        #expect(Capaian.of(realisation: 150, target: Self.target(300, .higherIsBetter)) == .init(percent: 50, status: .belowTarget))
        #expect(Capaian.of(realisation: 330, target: Self.target(300, .higherIsBetter)).status == .aboveTarget)
        #expect(Capaian.of(realisation: 5, target: Self.target(0, .higherIsBetter)) == .notComputable)
        #expect(Capaian.of(realisation: 150, target: Self.target(300, .unspecified)).percent == 50, "UNSPECIFIED reads as higher is better")
    }

    @Test("Waktu, lower is better: target 3 days, realisation 4 is 75 %, below target; 2 days is 150 %, above")
    func lower() {
        #expect(Capaian.of(realisation: 4, target: Self.target(3, .lowerIsBetter)) == .init(percent: 75, status: .belowTarget))
        #expect(Capaian.of(realisation: 2, target: Self.target(3, .lowerIsBetter)) == .init(percent: 150, status: .aboveTarget))
        #expect(Capaian.of(realisation: 0, target: Self.target(0, .lowerIsBetter)) == .init(percent: 100, status: .onTarget), "both 0: 100")
        #expect(Capaian.of(realisation: 0, target: Self.target(3, .lowerIsBetter)) == .init(percent: nil, status: .aboveTarget),
                "no ratio, but plainly above target")
        #expect(Capaian.of(realisation: 2, target: Self.target(0, .lowerIsBetter)) == .init(percent: 0, status: .belowTarget))
    }

    @Test("a range target: 100 inside it, scaled below and above it")
    func range() {
        let target = Self.target(80, .withinRange, upper: 100)
        #expect(Capaian.of(realisation: 90, target: target) == .init(percent: 100, status: .onTarget))
        #expect(Capaian.of(realisation: 100, target: target).percent == 100)
        #expect(Capaian.of(realisation: 60, target: target) == .init(percent: 75, status: .belowTarget))
        #expect(Capaian.of(realisation: 125, target: target) == .init(percent: 80, status: .belowTarget))
    }

    @Test("no realisation, a missing target or a Kualitatif IKI: not computable")
    func notComputable() {
        #expect(Capaian.of(realisation: nil, target: Self.target(3, .higherIsBetter)) == .notComputable)
        #expect(Capaian.of(realisation: 3, target: nil) == .notComputable)
        #expect(Capaian.of(realisation: 3, target: Self.target(3, .higherIsBetter), qualitative: true) == .notComputable)
    }

    @Test("on track: amounts against the elapsed share of working days, levels against 100, Kualitatif by a rating of Sesuai or better")
    func onTrack() {
        let half = Capaian.expectedPercent(elapsedWorkingDays: 30, totalWorkingDays: 60)
        #expect(half == 50)
        #expect(Capaian.isOnTrack(.init(percent: 55, status: .belowTarget), aggregation: .sum, expectedPercent: half))
        #expect(!Capaian.isOnTrack(.init(percent: 45, status: .belowTarget), aggregation: .sum, expectedPercent: half))
        #expect(!Capaian.isOnTrack(.init(percent: 95, status: .belowTarget), aggregation: .average, expectedPercent: half))
        #expect(Capaian.isOnTrack(.init(percent: nil, status: .aboveTarget), aggregation: .average, expectedPercent: half))
        #expect(Capaian.isOnTrack(.notComputable, aggregation: .sum, expectedPercent: half, qualitativeRating: .sesuaiEkspektasi))
        #expect(!Capaian.isOnTrack(.notComputable, aggregation: .sum, expectedPercent: half, qualitativeRating: .diBawahEkspektasi))
        #expect(Capaian.expectedPercent(elapsedWorkingDays: 0, totalWorkingDays: 0) == 100)
    }
}
