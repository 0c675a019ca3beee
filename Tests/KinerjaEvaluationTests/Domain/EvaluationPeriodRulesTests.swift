import KinerjaEvaluation
import KinerjaProto
import Testing

@Suite("Evaluation periods: months, triwulan, semesters, years in WITA days; no overlap of one kind")
struct EvaluationPeriodRulesTests {
    typealias F = Fixtures
    typealias Span = Evaluation.EvaluationSpan

    @Test("the boundaries of each kind in WITA days", arguments: [
        (Span.month(2, of: 2028), F.date(2028, 2, 1), F.date(2028, 2, 29), 29),
        (Span.month(12, of: 2026), F.date(2026, 12, 1), F.date(2026, 12, 31), 31),
        (Span.triwulan(1, of: 2026), F.date(2026, 1, 1), F.date(2026, 3, 31), 90),
        (Span.triwulan(3, of: 2026), F.date(2026, 7, 1), F.date(2026, 9, 30), 92),
        (Span.semester(1, of: 2026), F.date(2026, 1, 1), F.date(2026, 6, 30), 181),
        (Span.semester(2, of: 2026), F.date(2026, 7, 1), F.date(2026, 12, 31), 184),
        (Span.annual(2028), F.date(2028, 1, 1), F.date(2028, 12, 31), 366),
    ])
    func boundaries(span: Span, first: Common.Date, last: Common.Date, days: Int) {
        #expect(span.firstDay == first && span.lastDay == last)
        #expect(span.days == Common.DateRange(startDate: first, endDate: last))
        #expect(span.dayCount == days)
    }

    @Test("a year has 12 months, 4 triwulan, 2 semesters; periods of one kind tile it without overlap")
    func tiling() {
        for kind in [Evaluation.EvaluationPeriodKind.monthly, .quarterly, .semester, .annual] {
            let count = Span.count(of: kind)
            let spans = (1...count).map { Span(year: 2026, kind: kind, number: $0).withDays() }
            #expect(spans.reduce(0) { $0 + $1.dayCount } == 365)
            for (a, b) in zip(spans, spans.dropFirst()) { #expect(!a.overlaps(b)) }
        }
        #expect(Span.semester(1, of: 2026).overlaps(.triwulan(2, of: 2026)))
        #expect(!Span.semester(1, of: 2026).overlaps(.triwulan(3, of: 2026)))
    }

    @Test("malformed spans are refused: month 13, triwulan 5, semester 3, year 1999")
    func malformed() {
        for span in [Span(year: 2026, kind: .monthly, number: 13), Span(year: 2026, kind: .quarterly, number: 5),
                     Span(year: 2026, kind: .semester, number: 3), Span(year: 1999, kind: .annual, number: 1),
                     Span(year: 2026, kind: .unspecified, number: 1), Span(year: 2026, kind: .monthly, number: 0)] {
            #expect(!span.isWellFormed)
            #expect(throws: EvaluationRuleError.self) { try EvaluationPeriodRules.resolve(period: nil, span: span) }
        }
    }

    @Test("OpenPeriod names a period, a span, or both when they agree; a semester only as a span")
    func resolve() throws {
        let q2 = Common.Period(year: 2026, kind: .quarterly, triwulan: .ii)
        #expect(try EvaluationPeriodRules.resolve(period: q2, span: nil) == .triwulan(2, of: 2026))
        #expect(try EvaluationPeriodRules.resolve(period: nil, span: Span(year: 2026, kind: .semester, number: 1)) == .semester(1, of: 2026))
        #expect(try EvaluationPeriodRules.resolve(period: q2, span: .triwulan(2, of: 2026)) == .triwulan(2, of: 2026))
        #expect(throws: EvaluationRuleError.periodSpanMismatch(period: "triwulan II 2026", span: "semester 1 2026")) {
            try EvaluationPeriodRules.resolve(period: q2, span: .semester(1, of: 2026))
        }
        #expect(throws: EvaluationRuleError.periodInvalid("a period or a span is required")) { try EvaluationPeriodRules.resolve(period: nil, span: nil) }
        #expect(throws: EvaluationRuleError.self) { try EvaluationPeriodRules.resolve(period: Common.Period(year: 2026, kind: .quarterly, month: 4, triwulan: .ii), span: nil) }
        #expect(Span.semester(1, of: 2026).period == nil)
        #expect(Span.month(3, of: 2026).period == Common.Period(year: 2026, kind: .monthly, month: 3))
    }

    @Test("a period can be opened once its first WITA day has come, not before")
    func begun() throws {
        try EvaluationPeriodRules.checkBegun(.triwulan(2, of: 2026), today: F.date(2026, 4, 1))
        try EvaluationPeriodRules.checkBegun(.annual(2026), today: F.date(2026, 12, 31))
        let error = #expect(throws: EvaluationRuleError.self) { try EvaluationPeriodRules.checkBegun(.triwulan(2, of: 2026), today: F.date(2026, 3, 31)) }
        #expect(error?.reason == "PERIOD_IN_FUTURE")
    }

    // MARK: Overlap

    let dinas = EvaluationPeriodRules.Population(unitID: "dinkes", includeSubunits: true, ancestors: ["pemkot"])
    let bidang = EvaluationPeriodRules.Population(unitID: "bidang-p2p", includeSubunits: false, ancestors: ["pemkot", "dinkes"])
    let dukcapil = EvaluationPeriodRules.Population(unitID: "dukcapil", includeSubunits: true, ancestors: ["pemkot"])

    @Test("two periods of the same kind and span for the same unit are refused (ALREADY_EXISTS)")
    func sameUnit() {
        let existing = [EvaluationPeriodRules.Existing(population: dinas, span: .triwulan(2, of: 2026))]
        let error = #expect(throws: EvaluationRuleError.self) {
            try EvaluationPeriodRules.checkNoOverlap(.triwulan(2, of: 2026), population: dinas, existing: existing)
        }
        #expect(error?.statusCode == .alreadyExists && error?.reason == "PERIOD_OVERLAPS")
    }

    @Test("a sub-unit inside a period that includes sub-units overlaps it, in either order")
    func subtree() {
        let existing = [EvaluationPeriodRules.Existing(population: dinas, span: .annual(2026))]
        #expect(throws: EvaluationRuleError.self) { try EvaluationPeriodRules.checkNoOverlap(.annual(2026), population: bidang, existing: existing) }
        let reverse = [EvaluationPeriodRules.Existing(population: bidang, span: .annual(2026))]
        #expect(throws: EvaluationRuleError.self) { try EvaluationPeriodRules.checkNoOverlap(.annual(2026), population: dinas, existing: reverse) }
    }

    @Test("other units, other spans of the kind and other kinds coexist")
    func coexist() throws {
        let existing = [EvaluationPeriodRules.Existing(population: dinas, span: .triwulan(2, of: 2026)),
                        EvaluationPeriodRules.Existing(population: dinas, span: .semester(1, of: 2026))]
        try EvaluationPeriodRules.checkNoOverlap(.triwulan(2, of: 2026), population: dukcapil, existing: existing)
        try EvaluationPeriodRules.checkNoOverlap(.triwulan(3, of: 2026), population: dinas, existing: existing)
        try EvaluationPeriodRules.checkNoOverlap(.annual(2026), population: dinas, existing: existing)
        try EvaluationPeriodRules.checkNoOverlap(.month(4, of: 2026), population: dinas, existing: existing)
        // A unit without its sub-units does not reach a sub-unit's own period.
        let parentOnly = EvaluationPeriodRules.Population(unitID: "dinkes", includeSubunits: false, ancestors: ["pemkot"])
        try EvaluationPeriodRules.checkNoOverlap(.annual(2026), population: parentOnly,
                                                 existing: [EvaluationPeriodRules.Existing(population: bidang, span: .annual(2026))])
    }
}
