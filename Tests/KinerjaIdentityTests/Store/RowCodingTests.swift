@testable import KinerjaIdentity
import KinerjaProto
import Testing

/// The stored date format (sortable YYYY-MM-DD text), written digit by digit.
@Suite("Row coding")
struct RowCodingTests {
    @Test("dates are stored as zero-padded YYYY-MM-DD and read back; out-of-range parts keep printf's form")
    func dateText() {
        #expect(RowCoding.text(Common.Date(year: 2026, month: 1, day: 5)) == "2026-01-05")
        #expect(RowCoding.text(Common.Date(year: 987, month: 12, day: 31)) == "0987-12-31")
        #expect(RowCoding.text(Common.Date(year: 0, month: 0, day: 0)) == "0000-00-00")
        #expect(RowCoding.text(Common.Date(year: 12345, month: 6, day: 7)) == "12345-06-07")
        #expect(RowCoding.text(nil) == nil)
        for (year, month, day) in [(1900, 1, 1), (1969, 7, 20), (2099, 12, 31)] as [(Int32, Int32, Int32)] {
            let date = Common.Date(year: year, month: month, day: day)
            #expect(RowCoding.date(RowCoding.text(date)) == date)
        }
    }
}
