import KinerjaPlanning
import KinerjaProto
import Testing

@Suite("SKP periods and transfers")
struct SkpCoverageTests {
    static func day(_ month: Int32, _ day: Int32) -> Common.Date { Common.Date(year: 2026, month: month, day: day) }
    static let yearEnd = day(12, 31)

    @Test("an SKP starts at the TMT jabatan when it lies in the year, on 1 January when before or unknown; after the year there is no default")
    func defaultStart() throws {
        #expect(try SkpCoverage.defaultStart(year: 2026, tmtJabatan: Self.day(7, 1)) == Self.day(7, 1))
        #expect(try SkpCoverage.defaultStart(year: 2026, tmtJabatan: Common.Date(year: 2019, month: 3, day: 1)) == Self.day(1, 1))
        #expect(try SkpCoverage.defaultStart(year: 2026, tmtJabatan: nil) == Self.day(1, 1))
        #expect(throws: SkpRuleError.tmtAfterYear(tmtJabatan: Common.Date(year: 2027, month: 2, day: 1), year: 2026)) {
            try SkpCoverage.defaultStart(year: 2026, tmtJabatan: Common.Date(year: 2027, month: 2, day: 1))
        }
        // A transfer starts in the new position: its TMT jabatan must lie in the year (or the day is given).
        #expect(try SkpCoverage.defaultStart(year: 2026, tmtJabatan: Self.day(7, 1), transfer: true) == Self.day(7, 1))
        #expect(throws: SkpRuleError.transferNeedsStart(year: 2026, tmtJabatan: nil)) {
            try SkpCoverage.defaultStart(year: 2026, tmtJabatan: nil, transfer: true)
        }
    }

    @Test("several SKPs of one person in one year never overlap: an overlap is ALREADY_EXISTS naming the SKP")
    func overlap() throws {
        let first = SkpCoverage.Existing(skpID: "A", start: Self.day(1, 1), end: Self.day(6, 30))
        #expect(try SkpCoverage.plan(start: Self.day(7, 1), end: Self.yearEnd, transfer: false, existing: [first]) == nil)
        #expect(throws: SkpRuleError.periodOverlap(skpID: "A", start: Self.day(1, 1), end: Self.day(6, 30))) {
            try SkpCoverage.plan(start: Self.day(6, 30), end: Self.yearEnd, transfer: false, existing: [first])
        }
        #expect(SkpRuleError.periodOverlap(skpID: "A", start: Self.day(1, 1), end: Self.day(6, 30)).statusCode == .alreadyExists)
    }

    @Test("a transfer closes the SKP covering its first day the day before, and the new SKP starts on that day")
    func transferCloses() throws {
        let whole = SkpCoverage.Existing(skpID: "A", start: Self.day(1, 1), end: Self.yearEnd)
        let closure = try SkpCoverage.plan(start: Self.day(7, 1), end: Self.yearEnd, transfer: true, existing: [whole])
        #expect(closure == SkpCoverage.Closure(skpID: "A", previousEnd: Self.yearEnd, newEnd: Self.day(6, 30)))
    }

    @Test("a transfer needs an SKP covering its first day, after that SKP's first day; a closed SKP still blocks an overlap with a later one; a finalised year is not closed")
    func transferRefusals() throws {
        let first = SkpCoverage.Existing(skpID: "A", start: Self.day(3, 1), end: Self.day(6, 30))
        let second = SkpCoverage.Existing(skpID: "B", start: Self.day(7, 1), end: Self.yearEnd)
        #expect(throws: SkpRuleError.transferWithoutCoveringSkp(day: Self.day(2, 1))) {
            try SkpCoverage.plan(start: Self.day(2, 1), end: Self.yearEnd, transfer: true, existing: [first])
        }
        #expect(throws: SkpRuleError.transferOnFirstDay(skpID: "A", day: Self.day(3, 1))) {
            try SkpCoverage.plan(start: Self.day(3, 1), end: Self.yearEnd, transfer: true, existing: [first])
        }
        #expect(throws: SkpRuleError.periodOverlap(skpID: "B", start: Self.day(7, 1), end: Self.yearEnd)) {
            try SkpCoverage.plan(start: Self.day(5, 1), end: Self.yearEnd, transfer: true, existing: [first, second])
        }
        #expect(try SkpCoverage.plan(start: Self.day(5, 1), end: Self.day(6, 30), transfer: true, existing: [first, second])?.newEnd == Self.day(4, 30))
        #expect(throws: SkpRuleError.evaluationFinalised) {
            try SkpCoverage.plan(start: Self.day(5, 1), end: Self.day(6, 30), transfer: true, existing: [first], evaluationFinalised: true)
        }
    }

    @Test("GetCurrentSkp's choice: the SKP covering on_date; without it the one covering today, else the year's last; in period order")
    func chosen() {
        let a = SkpCoverage.Existing(skpID: "A", start: Self.day(1, 1), end: Self.day(6, 30))
        let b = SkpCoverage.Existing(skpID: "B", start: Self.day(7, 1), end: Self.yearEnd)
        #expect(SkpCoverage.chosen([b, a], on: Self.day(3, 1), today: Self.day(8, 1))?.skpID == "A")
        #expect(SkpCoverage.chosen([b, a], on: nil, today: Self.day(3, 1))?.skpID == "A")
        #expect(SkpCoverage.chosen([b, a], on: nil, today: Common.Date(year: 2027, month: 1, day: 5))?.skpID == "B")
        #expect(SkpCoverage.chosen([a], on: Self.day(8, 1), today: Self.day(8, 1)) == nil)
        let skps = [Planning.Skp(skpID: "B", year: 2026, periodStart: Self.day(7, 1), periodEnd: Self.yearEnd),
                    Planning.Skp(skpID: "A", year: 2026, periodStart: Self.day(1, 1), periodEnd: Self.day(6, 30))]
        #expect(SkpCoverage.inPeriodOrder(skps).map(\.skpID) == ["A", "B"])
    }

    @Test("deleting the SKP a transfer opened gives the closed SKP its days back, never into another SKP of the year")
    func reopenedEnd() {
        let closed = SkpCoverage.Existing(skpID: "A", start: Self.day(1, 1), end: Self.day(6, 30))
        #expect(SkpCoverage.reopenedEnd(closed: closed, previousEnd: Self.yearEnd, others: []) == Self.yearEnd)
        let later = SkpCoverage.Existing(skpID: "C", start: Self.day(10, 1), end: Self.yearEnd)
        #expect(SkpCoverage.reopenedEnd(closed: closed, previousEnd: Self.yearEnd, others: [later]) == Self.day(9, 30))
        let earlier = SkpCoverage.Existing(skpID: "Z", start: Self.day(1, 1), end: Self.day(2, 1))
        #expect(SkpCoverage.reopenedEnd(closed: closed, previousEnd: Self.yearEnd, others: [earlier]) == Self.yearEnd)
        let adjacent = SkpCoverage.Existing(skpID: "B", start: Self.day(7, 1), end: Self.yearEnd)
        #expect(SkpCoverage.reopenedEnd(closed: closed, previousEnd: Self.yearEnd, others: [adjacent]) == nil, "no day to give back")
    }

    @Test("targets for a period come from the SKP covering most of its days, the later on a tie, the year's last when none covers it")
    func answering() {
        func skp(_ id: String, _ start: Common.Date, _ end: Common.Date, version: UInt32 = 1) -> Planning.Skp {
            Planning.Skp(skpID: id, version: version, year: 2026, periodStart: start, periodEnd: end)
        }
        let a = skp("A", Self.day(1, 1), Self.day(5, 10))
        let b = skp("B", Self.day(5, 11), Self.yearEnd)
        let quarter = { (t: Common.Triwulan) in Common.Period(year: 2026, kind: .quarterly, triwulan: t) }
        #expect(SkpCoverage.answering(quarter(.i), among: [b, a]) == "A")
        #expect(SkpCoverage.answering(quarter(.ii), among: [a, b]) == "B", "10 days of April–June against 51")
        #expect(SkpCoverage.answering(Common.Period(year: 2026, kind: .annual), among: [a, b]) == "B")
        #expect(SkpCoverage.answering(Common.Period(year: 2026, kind: .monthly, month: 5), among: [a, b]) == "B", "10 days against 21")
        let tieA = skp("A", Self.day(1, 1), Self.day(1, 16)), tieB = skp("B", Self.day(1, 17), Self.day(1, 31))
        #expect(SkpCoverage.answering(Common.Period(year: 2026, kind: .monthly, month: 1), among: [tieA, tieB]) == "A", "16 days against 15")
        let half = skp("C", Self.day(2, 1), Self.day(2, 14)), other = skp("D", Self.day(2, 15), Self.day(2, 28))
        #expect(SkpCoverage.answering(Common.Period(year: 2026, kind: .monthly, month: 2), among: [half, other]) == "D", "a tie goes to the later")
        #expect(SkpCoverage.answering(Common.Period(year: 2026, kind: .monthly, month: 12), among: [a, skp("E", Self.day(6, 1), Self.day(6, 30))]) == "E")
        #expect(SkpCoverage.answering(quarter(.i), among: []) == nil)
        // Versions of one SKP count once, by their latest.
        #expect(SkpCoverage.answering(quarter(.i), among: [a, skp("A", Self.day(1, 1), Self.day(5, 10), version: 2), b]) == "A")
    }

    @Test("per SKP, a period answers every SKP covering one of its days, in period order, each once; none for a period no SKP touches")
    func touching() {
        func skp(_ id: String, _ start: Common.Date, _ end: Common.Date, version: UInt32 = 1) -> Planning.Skp {
            Planning.Skp(skpID: id, version: version, year: 2026, periodStart: start, periodEnd: end)
        }
        // A transfer on 1 June: triwulan II is April–May of A and June of B.
        let a = skp("A", Self.day(1, 1), Self.day(5, 31))
        let b = skp("B", Self.day(6, 1), Self.yearEnd)
        let quarter = { (t: Common.Triwulan) in Common.Period(year: 2026, kind: .quarterly, triwulan: t) }
        #expect(SkpCoverage.touching(quarter(.ii), among: [b, a, skp("B", Self.day(6, 1), Self.yearEnd, version: 2)]) == ["A", "B"])
        #expect(SkpCoverage.touching(quarter(.i), among: [b, a]) == ["A"])
        #expect(SkpCoverage.touching(quarter(.iii), among: [b, a]) == ["B"])
        #expect(SkpCoverage.touching(Common.Period(year: 2026, kind: .monthly, month: 6), among: [a, b]) == ["B"], "A ends the day before")
        #expect(SkpCoverage.touching(quarter(.iv), among: [a]).isEmpty)
    }

    @Test("year 0 in a request is the current WITA year; any other year is itself")
    func yearZero() {
        #expect(SkpPeriod.year(requested: 0, today: Self.day(8, 17)) == 2026)
        #expect(SkpPeriod.year(requested: 2027, today: Self.day(8, 17)) == 2027)
        #expect(SkpPeriod.year(requested: 1999, today: Self.day(8, 17)) == 1999, "checked against 2000-2100 afterwards")
    }
}
