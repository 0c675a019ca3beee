import Foundation
import KinerjaASN
import KinerjaDemo
import KinerjaProto
import Testing

@Suite("WITA calendar")
struct WitaTests {
    @Test("a WITA day runs from 16:00 UTC the day before to 16:00 UTC (UTC+8, no daylight saving)")
    func today() {
        // 2026-01-01T15:59:59Z is 23:59:59 WITA on 1 January; one second later it is 2 January.
        let lastSecond = Date(timeIntervalSince1970: 1_767_283_199)
        #expect(Wita.today(now: lastSecond) == Common.Date(year: 2026, month: 1, day: 1))
        #expect(Wita.today(now: lastSecond.addingTimeInterval(1)) == Common.Date(year: 2026, month: 1, day: 2))
        #expect(Wita.startOfDay(Common.Date(year: 2026, month: 1, day: 2)) == lastSecond.addingTimeInterval(1))
        #expect(Wita.today(now: Date(timeIntervalSince1970: -1)) == Common.Date(year: 1970, month: 1, day: 1))
        #expect(Wita.today(now: Date(timeIntervalSince1970: -28_801)) == Common.Date(year: 1969, month: 12, day: 31))
    }

    @Test("a valid Date is a real Gregorian day between 1900-01-01 and 9999-12-31")
    func validity() {
        #expect(Common.Date(year: 2024, month: 2, day: 29).isValid)
        #expect(Common.Date(year: 2000, month: 2, day: 29).isValid)
        #expect(!Common.Date(year: 2023, month: 2, day: 29).isValid)
        #expect(!Common.Date(year: 1900, month: 2, day: 29).isValid)
        #expect(!Common.Date(year: 2026, month: 4, day: 31).isValid)
        #expect(!Common.Date(year: 2026, month: 13, day: 1).isValid)
        #expect(!Common.Date(year: 2026, month: 1, day: 0).isValid)
        #expect(!Common.Date(year: 1899, month: 12, day: 31).isValid)
        #expect(!Common.Date().isValid)
    }

    @Test("days compare chronologically and add across month, year and leap-day boundaries")
    func arithmetic() {
        let d = Common.Date(year: 2024, month: 2, day: 28)
        #expect(d.adding(days: 1) == Common.Date(year: 2024, month: 2, day: 29))
        #expect(d.adding(days: 2) == Common.Date(year: 2024, month: 3, day: 1))
        #expect(Common.Date(year: 2025, month: 12, day: 31).adding(days: 1) == Common.Date(year: 2026, month: 1, day: 1))
        #expect(Common.Date(year: 2026, month: 1, day: 1).adding(days: -366) == Common.Date(year: 2024, month: 12, day: 31))
        #expect(Common.Date(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(Common.Date(year: 1900, month: 1, day: 1).adding(days: -1) == nil)
        #expect(Common.Date(year: 2026, month: 2, day: 30).adding(days: 1) == nil)
        #expect(Common.Date(year: 2024, month: 2, day: 29).adding(years: 1) == Common.Date(year: 2025, month: 2, day: 28))
        #expect(Common.Date(year: 2025, month: 12, day: 31) < Common.Date(year: 2026, month: 1, day: 1))
        #expect(Common.Date(year: 2026, month: 1, day: 2) <= Common.Date(year: 2026, month: 1, day: 2))
        #expect(!(Common.Date(year: 2026, month: 2, day: 1) < Common.Date(year: 2026, month: 1, day: 31)))
        for offset in stride(from: -20_000, through: 20_000, by: 997) {
            let day = Common.Date(daysSinceEpoch: offset)
            #expect(day?.daysSinceEpoch == offset)
        }
    }

    @Test("a Date converts to and from YYYY-MM-DD, and nothing else parses")
    func isoStrings() {
        #expect(Common.Date(year: 2026, month: 3, day: 7).isoString == "2026-03-07")
        #expect(Common.Date(isoString: "2026-03-07") == Common.Date(year: 2026, month: 3, day: 7))
        for bad in ["2026-3-07", "2026-02-30", "2026/03/07", "26-03-07", "２０２６-03-07", "2026-03-07 ", "", "1899-12-31"] {
            #expect(Common.Date(isoString: bad) == nil, "\(bad)")
        }
    }
}
