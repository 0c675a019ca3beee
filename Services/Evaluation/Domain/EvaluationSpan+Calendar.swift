public import KinerjaProto
import KinerjaASN

/// The calendar of evaluation periods: a month, a triwulan, a semester or a year, in WITA days.
///
/// Periods of one kind tile the year (months 1–12, triwulan I–IV = January–March … October–
/// December, semester 1–2 = January–June and July–December), so two of the same kind and year
/// are either the same period or share no day.
extension Evaluation.EvaluationSpan {
    /// Earliest year (`evaluation.proto` EvaluationSpan, as `common.proto` Period).
    public static let earliestYear: Int32 = 2000
    /// Latest year.
    public static let latestYear: Int32 = 2100

    /// Month `number` (1–12) of `year`.
    public static func month(_ number: UInt32, of year: Int32) -> Self { Self(year: year, kind: .monthly, number: number).withDays() }
    /// Triwulan `number` (1–4) of `year`.
    public static func triwulan(_ number: UInt32, of year: Int32) -> Self { Self(year: year, kind: .quarterly, number: number).withDays() }
    /// Semester `number` (1–2) of `year`.
    public static func semester(_ number: UInt32, of year: Int32) -> Self { Self(year: year, kind: .semester, number: number).withDays() }
    /// The whole of `year`.
    public static func annual(_ year: Int32) -> Self { Self(year: year, kind: .annual, number: 1).withDays() }

    /// The span of a monthly, quarterly or annual `period`; nil when it is malformed.
    public init?(_ period: Common.Period) {
        switch period.kind {
        case .monthly where period.triwulan == .unspecified && (1...12).contains(period.month):
            self = .month(UInt32(period.month), of: period.year)
        case .quarterly where period.month == 0 && (1...4).contains(period.triwulan.rawValue):
            self = .triwulan(UInt32(period.triwulan.rawValue), of: period.year)
        case .annual where period.month == 0 && period.triwulan == .unspecified:
            self = .annual(period.year)
        default:
            return nil
        }
        guard isWellFormed else { return nil }
    }

    /// The same span as a `common.Period`; nil for a semester (which it cannot express) or when malformed.
    public var period: Common.Period? {
        guard isWellFormed else { return nil }
        switch kind {
        case .monthly: return Common.Period(year: year, kind: .monthly, month: Int32(number))
        case .quarterly: return Common.Period(year: year, kind: .quarterly, triwulan: Common.Triwulan(rawValue: Int32(number)))
        case .annual: return Common.Period(year: year, kind: .annual)
        default: return nil
        }
    }

    /// How many of its kind a year has (12, 4, 2, 1); 0 for an unknown kind.
    public static func count(of kind: Evaluation.EvaluationPeriodKind) -> UInt32 {
        switch kind {
        case .monthly: 12
        case .quarterly: 4
        case .semester: 2
        case .annual: 1
        case .unspecified, .unrecognized: 0
        }
    }

    /// Months one span of `kind` lasts (1, 3, 6, 12); 0 for an unknown kind.
    public static func months(of kind: Evaluation.EvaluationPeriodKind) -> Int {
        let count = Int(count(of: kind))
        return count > 0 ? 12 / count : 0
    }

    /// True when year, kind and number name a real period.
    public var isWellFormed: Bool {
        (Self.earliestYear...Self.latestYear).contains(year) && (1...max(1, Self.count(of: kind))).contains(number) && Self.count(of: kind) > 0
    }

    /// First and last month (1–12) of the span; nil when malformed.
    public var monthRange: ClosedRange<Int32>? {
        guard isWellFormed else { return nil }
        let length = Int32(Self.months(of: kind))
        let first = (Int32(number) - 1) * length + 1
        return first...(first + length - 1)
    }

    /// First and last WITA day; nil when malformed.
    public var firstDay: Common.Date? {
        monthRange.map { Common.Date(year: year, month: $0.lowerBound, day: 1) }
    }

    /// Last WITA day; nil when malformed.
    public var lastDay: Common.Date? {
        monthRange.map { Common.Date(year: year, month: $0.upperBound, day: Common.Date.daysIn(month: $0.upperBound, year: year)) }
    }

    /// The span with `days` filled from the fields (`days` is output only).
    public func withDays() -> Self {
        var copy = self
        if let first = firstDay, let last = lastDay { copy.days = Common.DateRange(startDate: first, endDate: last) } else { copy.days = nil }
        return copy
    }

    /// Number of days in the span; 0 when malformed.
    public var dayCount: Int {
        guard let range = try? checkedDays() else { return 0 }
        return range.last - range.first + 1
    }

    /// First and last day as days since 1970-01-01.
    ///
    /// - Throws: ``EvaluationRuleError/periodInvalid(_:)`` when malformed.
    func checkedDays() throws(EvaluationRuleError) -> (first: Int, last: Int) {
        guard let first = firstDay?.daysSinceEpoch, let last = lastDay?.daysSinceEpoch else {
            throw .periodInvalid("the period must be a month 1-12, triwulan 1-4, semester 1-2 or the year of \(Self.earliestYear)-\(Self.latestYear); got \(label)")
        }
        return (first, last)
    }

    /// True when the two spans share a day.
    public func overlaps(_ other: Self) -> Bool {
        guard let a = try? checkedDays(), let b = try? other.checkedDays() else { return false }
        return a.first <= b.last && b.first <= a.last
    }

    /// Days of the span inside `first`…`last`; 0 when none or malformed.
    public func overlap(from first: Common.Date, to last: Common.Date) -> Int {
        guard let range = try? checkedDays(), let a = first.daysSinceEpoch, let b = last.daysSinceEpoch else { return 0 }
        let lower = max(range.first, a)
        let upper = min(range.last, b)
        return lower <= upper ? upper - lower + 1 : 0
    }

    /// "month 3 2026", "triwulan II 2026", "semester 1 2026", "year 2026".
    public var label: String {
        let roman = ["?", "I", "II", "III", "IV"]
        switch kind {
        case .monthly: return "month \(number) \(year)"
        case .quarterly: return "triwulan \(number <= 4 ? roman[Int(number)] : String(number)) \(year)"
        case .semester: return "semester \(number) \(year)"
        case .annual: return "year \(year)"
        case .unspecified, .unrecognized: return "period kind \(kind.rawValue) \(year)"
        }
    }
}
