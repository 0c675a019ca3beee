public import KinerjaProto

// Calendar arithmetic on the contract's WITA day. Everything is integer arithmetic on the
// proleptic Gregorian calendar, so no Calendar or TimeZone database is involved and the result
// is the same on every machine.
extension Common.Date {
    /// The earliest day the contract allows (`common.proto`: 1900-01-01).
    public static let earliestValid = Common.Date(year: 1900, month: 1, day: 1)
    /// The latest day the contract allows (`common.proto`: 9999-12-31).
    public static let latestValid = Common.Date(year: 9999, month: 12, day: 31)

    /// True for a real Gregorian day between 1900-01-01 and 9999-12-31.
    public var isValid: Bool {
        guard (1900...9999).contains(year), (1...12).contains(month) else { return false }
        return (1...Self.daysIn(month: month, year: year)).contains(day)
    }

    /// True when `year` is a Gregorian leap year.
    public static func isLeapYear(_ year: Int32) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in `month` (1–12) of `year`; 0 for a month outside 1–12.
    public static func daysIn(month: Int32, year: Int32) -> Int32 {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    /// Days since 1970-01-01 (negative before it); nil for an invalid date.
    public var daysSinceEpoch: Int? {
        guard isValid else { return nil }
        // Howard Hinnant's days_from_civil: shifts the year to start in March so the leap day
        // is the last day of the shifted year.
        let y = Int(year) - (month <= 2 ? 1 : 0)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int(month)
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `days` days since 1970-01-01; nil when it falls outside 1900-01-01…9999-12-31.
    public init?(daysSinceEpoch days: Int) {
        // Inverse of daysSinceEpoch (Hinnant's civil_from_days).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        guard (1900...9999).contains(year) else { return nil }
        self.init(year: Int32(year), month: Int32(month), day: Int32(day))
    }

    /// The day `days` later (earlier when negative); nil when invalid or out of range.
    public func adding(days: Int) -> Common.Date? {
        guard let start = daysSinceEpoch else { return nil }
        let (sum, overflow) = start.addingReportingOverflow(days)
        guard !overflow else { return nil }
        return Common.Date(daysSinceEpoch: sum)
    }

    /// The same day `years` later; 29 February becomes 28 February in a common year.
    ///
    /// Used for "the 18th birthday" and "100 years ago", where a leap-day birthday is
    /// reached on 28 February (inference: the regulation does not say; either choice only
    /// moves the bound by one day).
    public func adding(years: Int32) -> Common.Date {
        let newYear = year + years
        let newDay = min(day, Self.daysIn(month: month, year: newYear))
        return Common.Date(year: newYear, month: month, day: newDay)
    }

    /// Chronological order of two days (year, then month, then day).
    public static func < (lhs: Common.Date, rhs: Common.Date) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Chronological order of two days, allowing equality.
    public static func <= (lhs: Common.Date, rhs: Common.Date) -> Bool {
        !(rhs < lhs)
    }

    /// The day as `YYYY-MM-DD` (ISO 8601 calendar date), zero-padded.
    public var isoString: String {
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value.magnitude)
            let sign = value < 0 ? "-" : ""
            return sign + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Parses exactly `YYYY-MM-DD` with ASCII digits; nil unless it names a valid day.
    public init?(isoString text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int32? {
            var value: Int32 = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int32(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        let date = Common.Date(year: year, month: month, day: day)
        guard date.isValid else { return nil }
        self = date
    }
}
