import KinerjaASN
public import KinerjaProto

/// The days an SKP covers: its year and its first and last WITA day (`planning.proto` Skp).
///
/// Usually 1 January – 31 December; later or earlier for mid-year appointments and transfers.
public struct SkpPeriod: Sendable, Hashable {
    /// Earliest SKP year (`planning.proto`).
    public static let earliestYear: Int32 = 2000
    /// Latest SKP year (`planning.proto`).
    public static let latestYear: Int32 = 2100

    /// The SKP year a request means: `requested`, or the current WITA year (`today`'s) for 0.
    ///
    /// Year 0 means one thing in every planning request that carries an SKP year — CreateSkp,
    /// GetCurrentSkp, ListSkps, GetCascade, ListParentRhkCandidates, ListRhksNeedingReview,
    /// GetSkpCompliance: **the current WITA year**, never "any year" (docs/PLANNING.md, "Year 0").
    /// The year is then checked against ``earliestYear``…``latestYear`` like any other.
    public static func year(requested: Int32, today: Common.Date) -> Int32 {
        requested == 0 ? today.year : requested
    }

    /// SKP year.
    public var year: Int32
    /// First covered WITA day.
    public var start: Common.Date
    /// Last covered WITA day.
    public var end: Common.Date

    /// The covered days of `year` from `start` to `end` (both default to the year's bounds).
    public init(year: Int32, start: Common.Date? = nil, end: Common.Date? = nil) {
        self.year = year
        self.start = start ?? Common.Date(year: year, month: 1, day: 1)
        self.end = end ?? Common.Date(year: year, month: 12, day: 31)
    }

    /// The covered days of `skp` (absent bounds are the year's first and last day).
    public init(_ skp: Planning.Skp) {
        self.init(year: skp.year, start: skp.periodStart, end: skp.periodEnd)
    }

    /// Number of covered days; 0 when the bounds are invalid or reversed.
    public var dayCount: Int {
        Self.days(from: start, to: end)
    }

    /// Number of covered days that fall in `first`…`last`; 0 when none.
    public func overlap(_ first: Common.Date, _ last: Common.Date) -> Int {
        let lower = start < first ? first : start
        let upper = last < end ? last : end
        return Self.days(from: lower, to: upper)
    }

    /// Number of covered days in `period` (a month, triwulan or the year); 0 when malformed or outside.
    public func overlap(_ period: Common.Period) -> Int {
        guard let range = period.dayRange else { return 0 }
        return overlap(range.first, range.last)
    }

    /// Every violation of the SKP's year and covered days; empty when valid.
    ///
    /// `planning.proto`: year 2000–2100; period_start and period_end real days of that year,
    /// period_end not before period_start.
    public static func violations(year: Int32, start: Common.Date?, end: Common.Date?, fieldPrefix: String = "") -> [Common.FieldViolation] {
        var out = ViolationList(prefix: fieldPrefix)
        guard (earliestYear...latestYear).contains(year) else {
            out.add("year", "SKP_YEAR_OUT_OF_RANGE", "year must be \(earliestYear)-\(latestYear), got \(year)")
            return out.items
        }
        var valid = true
        for (field, date) in [("period_start", start), ("period_end", end)] {
            guard let date else { continue }
            if !date.isValid {
                out.add(field, "SKP_DATE_INVALID", "\(field) must be a real day, got \(date.year)-\(date.month)-\(date.day)")
                valid = false
            } else if date.year != year {
                out.add(field, "SKP_DATE_OUTSIDE_YEAR", "\(field) \(date.isoString) must lie in the SKP year \(year)")
                valid = false
            }
        }
        if valid {
            let period = SkpPeriod(year: year, start: start, end: end)
            if period.end < period.start {
                out.add("period_end", "SKP_PERIOD_REVERSED",
                        "period_end \(period.end.isoString) must not be before period_start \(period.start.isoString)")
            }
        }
        return out.items
    }

    /// Days from `first` to `last` inclusive; 0 when reversed or invalid.
    static func days(from first: Common.Date, to last: Common.Date) -> Int {
        guard let a = first.daysSinceEpoch, let b = last.daysSinceEpoch, a <= b else { return 0 }
        return b - a + 1
    }
}

extension Common.Period {
    /// True when the fields form a valid month, triwulan or year (`common.proto` Period).
    public var isWellFormed: Bool {
        guard (SkpPeriod.earliestYear...SkpPeriod.latestYear).contains(year) else { return false }
        switch kind {
        case .monthly: return (1...12).contains(month) && triwulan == .unspecified
        case .quarterly: return month == 0 && (1...4).contains(triwulan.rawValue)
        case .annual: return month == 0 && triwulan == .unspecified
        case .unspecified, .unrecognized: return false
        }
    }

    /// First and last day of the period; nil when malformed.
    public var dayRange: (first: Common.Date, last: Common.Date)? {
        guard isWellFormed else { return nil }
        let firstMonth: Int32
        let lastMonth: Int32
        switch kind {
        case .monthly: (firstMonth, lastMonth) = (month, month)
        case .quarterly: (firstMonth, lastMonth) = (triwulan.rawValue * 3 - 2, triwulan.rawValue * 3)
        default: (firstMonth, lastMonth) = (1, 12)
        }
        return (Common.Date(year: year, month: firstMonth, day: 1),
                Common.Date(year: year, month: lastMonth, day: Common.Date.daysIn(month: lastMonth, year: year)))
    }

    /// Position within its kind: the month 1–12, the triwulan 1–4, 1 for the year.
    var ordinal: Int32 {
        switch kind {
        case .monthly: month
        case .quarterly: triwulan.rawValue
        default: 1
        }
    }

    /// A month of `year`.
    public static func month(_ month: Int32, of year: Int32) -> Common.Period {
        Common.Period(year: year, kind: .monthly, month: month)
    }

    /// A triwulan (1–4) of `year`.
    public static func triwulan(_ number: Int32, of year: Int32) -> Common.Period {
        Common.Period(year: year, kind: .quarterly, triwulan: Common.Triwulan(rawValue: number))
    }

    /// The whole of `year`.
    public static func annual(_ year: Int32) -> Common.Period {
        Common.Period(year: year, kind: .annual)
    }

    /// A short name for messages: `triwulan II 2026`, `month 3 2026`, `year 2026`.
    var label: String {
        switch kind {
        case .monthly: "month \(month) \(year)"
        case .quarterly: "triwulan \(["?", "I", "II", "III", "IV"][Int(min(max(triwulan.rawValue, 0), 4))]) \(year)"
        case .annual: "year \(year)"
        default: "period kind \(kind.rawValue)"
        }
    }
}
