public import KinerjaASN
public import KinerjaProto

/// Periods as WITA days: which days a month, a triwulan, the year or an SKP's own period
/// covers, which period a day falls in, and the window progress is computed over.
///
/// A report belongs to the period its `report_date` (a WITA day) falls in; instants never
/// decide a bucket. Triwulan I is January–March, II April–June, III July–September, IV
/// October–December (`common.proto`).
public enum ReportingPeriods {
    /// The days of `period`.
    ///
    /// - Throws: ``ReportingError`` `PERIOD_INVALID` (INVALID_ARGUMENT) when the period is not a
    ///   well-formed month, triwulan or year of 2000–2100.
    public static func days(of period: Common.Period, field: String = "period") throws(ReportingError) -> WitaDayRange {
        guard let range = WitaDayRange(period: period) else {
            throw ReportingError(.periodInvalid,
                                 "the period must be a month (1-12), a triwulan (I-IV) or a year, of 2000-2100, with no other field set",
                                 field: field)
        }
        return range
    }

    /// The period of `kind` (monthly, quarterly, annual) that contains `date`; nil for an
    /// invalid date or an unspecified kind.
    public static func period(of kind: Common.PeriodKind, containing date: Common.Date) -> Common.Period? {
        guard date.isValid else { return nil }
        switch kind {
        case .monthly: return Common.Period(year: date.year, kind: .monthly, month: date.month)
        case .quarterly: return Common.Period(year: date.year, kind: .quarterly, triwulan: Common.Triwulan(rawValue: (date.month - 1) / 3 + 1))
        case .annual: return Common.Period(year: date.year, kind: .annual)
        case .unspecified, .unrecognized: return nil
        }
    }

    /// The periods of `kind` that overlap `skpDays` (an SKP's own periods: its months or
    /// triwulan, the first and last possibly cut by its covered days), in order, each with the
    /// covered days inside it.
    public static func periods(of kind: Common.PeriodKind, within skpDays: WitaDayRange) -> [(period: Common.Period, days: WitaDayRange)] {
        var out: [(period: Common.Period, days: WitaDayRange)] = []
        var cursor = skpDays.start
        while skpDays.contains(cursor), let period = period(of: kind, containing: cursor),
              let whole = WitaDayRange(period: period), let inside = whole.intersection(skpDays) {
            out.append((period, inside))
            guard let next = whole.end.adding(days: 1) else { break }
            cursor = next
        }
        return out
    }

    /// The days progress is computed over for `period`: the period's days inside the SKP's
    /// covered days, up to `today`; nil when none has begun yet. `asOf` is the last of them
    /// (EmployeeProgress.as_of_date: the period's last day, or today if earlier).
    public static func progressWindow(_ period: Common.Period, skpDays: WitaDayRange?, today: Common.Date) throws(ReportingError) -> WitaDayRange? {
        var window = try days(of: period)
        if let skpDays {
            guard let inside = window.intersection(skpDays) else { return nil }
            window = inside
        }
        guard let upToToday = WitaDayRange(window.start, today) else { return nil }
        return window.intersection(upToToday)
    }

    /// A name for messages: `March 2026`, `triwulan I 2026`, `year 2026`.
    public static func label(_ period: Common.Period) -> String {
        switch period.kind {
        case .monthly:
            let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
            return (1...12).contains(period.month) ? "\(names[Int(period.month) - 1]) \(period.year)" : "month \(period.month) \(period.year)"
        case .quarterly:
            let numerals = ["I", "II", "III", "IV"]
            let quarter = Int(period.triwulan.rawValue)
            return (1...4).contains(quarter) ? "triwulan \(numerals[quarter - 1]) \(period.year)" : "triwulan ? \(period.year)"
        case .annual:
            return "year \(period.year)"
        case .unspecified, .unrecognized:
            return "period \(period.year)"
        }
    }
}
