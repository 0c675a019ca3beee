import KinerjaEvaluation
import KinerjaProto
import Testing

@Suite("Capaian: verified realisation against the target, by direction and aggregation")
struct CapaianTests {
    func percent(_ realisation: Double, _ target: CapaianTarget) -> Double? {
        Capaian.of(realisation: realisation, target: target).value
    }

    @Test("300 verified documents against a triwulan I target of 300 is capaian 100%")
    func documents() {
        #expect(percent(300, CapaianTarget(value: 300, unit: "dokumen")) == 100)
        #expect(percent(330, CapaianTarget(value: 300, unit: "dokumen")) == 110)
    }

    @Test("a Waktu IKI with target 3 days and realisation 4 is below expectation: lower is better, capaian 75%")
    func waktu() {
        let target = CapaianTarget(value: 3, unit: "hari", direction: .lowerIsBetter)
        #expect(percent(4, target) == 75)
        #expect(ProposalRuleConfiguration.default.classify(capaian: 75) == .diBawahEkspektasi)
        #expect(percent(2, target) == 150)
        #expect(percent(0, CapaianTarget(value: 0, direction: .lowerIsBetter)) == 100)
    }

    @Test("a range target: 100% inside, scaled below the lower and above the upper bound")
    func range() {
        let target = CapaianTarget(value: 80, upperValue: 100, unit: "persen", direction: .withinRange)
        #expect(percent(90, target) == 100)
        #expect(percent(80, target) == 100)
        #expect(percent(60, target) == 75)
        #expect(percent(125, target) == 80)
    }

    @Test("no capaian for a target of 0 with higher-is-better, for 0 against a lower-is-better target, or for invalid figures")
    func notComputable() {
        #expect(percent(5, CapaianTarget(value: 0)) == nil)
        #expect(percent(0, CapaianTarget(value: 3, direction: .lowerIsBetter)) == nil)
        #expect(percent(-1, CapaianTarget(value: 3)) == nil)
        #expect(percent(.nan, CapaianTarget(value: 3)) == nil)
        #expect(percent(3, CapaianTarget(value: .infinity)) == nil)
    }

    @Test("an unspecified direction reads as higher-is-better; a range without upper bound as a single value")
    func defaults() {
        #expect(percent(150, CapaianTarget(value: 100, direction: .unspecified)) == 150)
        #expect(percent(150, CapaianTarget(value: 100, direction: .withinRange)) == 150)
    }

    @Test("a planning target converts with its unit, range and direction")
    func fromPlanning() {
        let target = CapaianTarget(Planning.Target(value: 1200, upperValue: Common.DoubleValue(value: 1300), unit: "dokumen", direction: .withinRange))
        #expect(target.value == 1200 && target.upperValue == 1300 && target.unit == "dokumen" && target.direction == .withinRange)
    }

    // MARK: Aggregation

    static let entries = [
        RealisationEntry(date: Fixtures.date(2026, 1, 5), value: 100),
        RealisationEntry(date: Fixtures.date(2026, 2, 5), value: 80),
        RealisationEntry(date: Fixtures.date(2026, 3, 5), value: 120),
        RealisationEntry(date: Fixtures.date(2026, 3, 5), value: 90),
    ]

    @Test("realisations combine by the IKI's aggregation: sum, average, latest, maximum, minimum", arguments: [
        (Common.RealisationAggregation.sum, 390.0),
        (.unspecified, 390),
        (.average, 97.5),
        (.latest, 120),
        (.maximum, 120),
        (.minimum, 80),
    ])
    func aggregation(aggregation: Common.RealisationAggregation, expected: Double) {
        #expect(RealisationAggregate.combine(Self.entries, by: aggregation) == expected)
    }

    @Test("no verified entry: no realisation")
    func empty() {
        #expect(RealisationAggregate.combine([], by: .sum) == nil)
    }

    @Test("two triwulan make a semester: amounts add their targets and sums, levels keep the last target")
    func semester() {
        let parts = [RealisationAggregate.Part(target: 300, realisation: 280, reportCount: 40),
                     RealisationAggregate.Part(target: 300, realisation: 330, reportCount: 45)]
        let amount = RealisationAggregate.combine(parts, aspek: .kuantitas, aggregation: .sum)
        #expect(amount.target == 600 && amount.realisation == 610)
        let levels = [RealisationAggregate.Part(target: 90, realisation: 92, reportCount: 1),
                      RealisationAggregate.Part(target: 95, realisation: 96, reportCount: 3)]
        let level = RealisationAggregate.combine(levels, aspek: .kualitas, aggregation: .average)
        #expect(level.target == 95 && level.realisation == 95)
        #expect(RealisationAggregate.combine(levels, aspek: .kualitas, aggregation: .latest).realisation == 96)
        #expect(RealisationAggregate.combine(levels, aspek: .waktu, aggregation: .minimum).realisation == 92)
    }

    @Test("a part without verified reports adds 0 to a sum and is skipped by the others")
    func missingPart() {
        let parts = [RealisationAggregate.Part(target: 300, realisation: nil, reportCount: 0),
                     RealisationAggregate.Part(target: 300, realisation: 250, reportCount: 20)]
        #expect(RealisationAggregate.combine(parts, aspek: .kuantitas, aggregation: .sum).realisation == 250)
        #expect(RealisationAggregate.combine(parts, aspek: .kuantitas, aggregation: .average).realisation == 250)
        let none = [RealisationAggregate.Part(target: 3, realisation: nil, reportCount: 0)]
        #expect(RealisationAggregate.combine(none, aspek: .waktu, aggregation: .average).realisation == nil)
    }
}

@Suite("Capaian on a threshold")
struct CapaianThresholdTests {
    @Test("a capaian exactly on a threshold classifies at it: 330 of 300 is 110% (Di Atas), 99 of 110 is 90% (Sesuai)")
    func boundary() {
        let rule = ProposalRuleConfiguration.default
        #expect(Capaian.of(realisation: 330, target: CapaianTarget(value: 300)).value == 110)
        #expect(rule.classify(capaian: Capaian.of(realisation: 330, target: CapaianTarget(value: 300)).value ?? 0) == .diAtasEkspektasi)
        #expect(rule.classify(capaian: Capaian.of(realisation: 99, target: CapaianTarget(value: 110)).value ?? 0) == .sesuaiEkspektasi)
        #expect(rule.classify(capaian: 109.99) == .sesuaiEkspektasi)
        #expect(rule.classify(capaian: 110 * (1 - 1e-12)) == .diAtasEkspektasi)
    }
}
