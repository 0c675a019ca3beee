public import KinerjaProto

/// An inclusive, non-empty range of WITA days, iterable day by day.
///
/// The value every calendar question is asked over: a report's backdate window, a month, a
/// triwulan, the covered days of an SKP, a compliance query. It holds the day numbers since
/// 1970-01-01, so counting and iterating are integer arithmetic.
public struct WitaDayRange: Sendable, Hashable, Sequence, CustomStringConvertible {
    /// Days since 1970-01-01 of the first day.
    public let lowerDay: Int
    /// Days since 1970-01-01 of the last day (not before ``lowerDay``).
    public let upperDay: Int

    /// The days `start`…`end`; nil when either is invalid or `end` is before `start`.
    public init?(_ start: Common.Date, _ end: Common.Date) {
        guard let lower = start.daysSinceEpoch, let upper = end.daysSinceEpoch, lower <= upper else { return nil }
        lowerDay = lower
        upperDay = upper
    }

    /// The one day `date`; nil when invalid.
    public init?(day date: Common.Date) {
        self.init(date, date)
    }

    /// The days of a contract range; nil when a bound is missing or invalid, or reversed.
    public init?(_ range: Common.DateRange) {
        guard let start = range.startDate, let end = range.endDate else { return nil }
        self.init(start, end)
    }

    /// The days of calendar month `month` (1–12) of `year`; nil outside 1900–9999 or 1–12.
    public init?(month: Int32, of year: Int32) {
        guard (1...12).contains(month) else { return nil }
        self.init(Common.Date(year: year, month: month, day: 1),
                  Common.Date(year: year, month: month, day: Common.Date.daysIn(month: month, year: year)))
    }

    /// The days of a contract period (a month, a triwulan or the year); nil when malformed.
    ///
    /// Well formed as `common.proto` Period says: year 2000–2100; a monthly period has month
    /// 1–12 and no triwulan; a quarterly one triwulan I–IV and month 0; an annual one neither.
    public init?(period: Common.Period) {
        guard (2000...2100).contains(period.year) else { return nil }
        let months: ClosedRange<Int32>
        switch period.kind {
        case .monthly:
            guard (1...12).contains(period.month), period.triwulan == .unspecified else { return nil }
            months = period.month...period.month
        case .quarterly:
            let quarter = period.triwulan.rawValue
            guard period.month == 0, (1...4).contains(quarter) else { return nil }
            months = (quarter * 3 - 2)...(quarter * 3)
        case .annual:
            guard period.month == 0, period.triwulan == .unspecified else { return nil }
            months = 1...12
        case .unspecified, .unrecognized:
            return nil
        }
        guard let first = WitaDayRange(month: months.lowerBound, of: period.year),
              let last = WitaDayRange(month: months.upperBound, of: period.year) else { return nil }
        lowerDay = first.lowerDay
        upperDay = last.upperDay
    }

    private init(lowerDay: Int, upperDay: Int) {
        self.lowerDay = lowerDay
        self.upperDay = upperDay
    }

    /// The first day.
    public var start: Common.Date { Self.date(lowerDay) }
    /// The last day.
    public var end: Common.Date { Self.date(upperDay) }
    /// Number of days, at least 1.
    public var dayCount: Int { upperDay - lowerDay + 1 }
    /// The range as the contract's `DateRange`.
    public var dateRange: Common.DateRange { Common.DateRange(startDate: start, endDate: end) }

    /// True when `date` is one of the days.
    public func contains(_ date: Common.Date) -> Bool {
        guard let day = date.daysSinceEpoch else { return false }
        return contains(day: day)
    }

    /// True when the day number `day` (since 1970-01-01) is one of the days.
    public func contains(day: Int) -> Bool { (lowerDay...upperDay).contains(day) }

    /// The days in both ranges; nil when they do not overlap.
    public func intersection(_ other: WitaDayRange) -> WitaDayRange? {
        let lower = Swift.max(lowerDay, other.lowerDay)
        let upper = Swift.min(upperDay, other.upperDay)
        return lower <= upper ? WitaDayRange(lowerDay: lower, upperDay: upper) : nil
    }

    /// True when the ranges share at least one day.
    public func overlaps(_ other: WitaDayRange) -> Bool { intersection(other) != nil }

    /// The range cut into calendar months, in order (the first and last may be partial).
    public var months: [WitaDayRange] {
        var out: [WitaDayRange] = []
        var lower = lowerDay
        while lower <= upperDay {
            let first = Self.date(lower)
            let monthEnd = lower + Int(Common.Date.daysIn(month: first.month, year: first.year) - first.day)
            let upper = Swift.min(monthEnd, upperDay)
            out.append(WitaDayRange(lowerDay: lower, upperDay: upper))
            lower = upper + 1
        }
        return out
    }

    /// `start…end` as ISO dates, e.g. `2026-01-01…2026-03-31`.
    public var description: String { "\(start.isoString)…\(end.isoString)" }

    /// Iterates the days in order.
    public struct Iterator: IteratorProtocol {
        private var current: Int
        private let last: Int

        init(_ range: WitaDayRange) {
            current = range.lowerDay
            last = range.upperDay
        }

        /// The next day; nil after the last.
        public mutating func next() -> Common.Date? {
            guard current <= last else { return nil }
            defer { current += 1 }
            return WitaDayRange.date(current)
        }
    }

    /// An iterator from the first day to the last.
    public func makeIterator() -> Iterator { Iterator(self) }

    /// The number of days (exact).
    public var underestimatedCount: Int { dayCount }

    /// The date of a day number that came from a valid date (always in range).
    package static func date(_ day: Int) -> Common.Date {
        Common.Date(daysSinceEpoch: day) ?? (day < 0 ? Common.Date.earliestValid : Common.Date.latestValid)
    }
}
