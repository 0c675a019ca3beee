import KinerjaProto

/// Times and days as Kupang reads them: WITA (UTC+8, Asia/Makassar, no daylight saving).
enum WITATime {
    /// Offset of WITA from UTC in seconds.
    static let offset: Int64 = 8 * 3600

    /// `2026-11-29 14:05 WITA` for a UTC instant in Unix seconds.
    static func format(unixSeconds: Int64) -> String {
        let local = unixSeconds + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) \(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay % 3600 / 60, 2)) WITA"
    }

    /// The same for a contract timestamp; "—" when absent.
    static func format(_ timestamp: Common.Timestamp?) -> String {
        guard let timestamp else { return "—" }
        return format(unixSeconds: timestamp.seconds)
    }

    /// `YYYY-MM-DD` for a contract date; "—" when absent.
    static func format(_ date: Common.Date?) -> String {
        guard let date else { return "—" }
        return "\(pad(Int64(date.year), 4))-\(pad(Int64(date.month), 2))-\(pad(Int64(date.day), 2))"
    }

    /// Parses `YYYY-MM-DD` into a contract date, checking that the day exists.
    static func parseDate(_ text: String) -> Common.Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int32(parts[0]), let month = Int32(parts[1]), let day = Int32(parts[2]),
              (1900...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= daysIn(month: month, year: year)
        else { return nil }
        return Common.Date(year: year, month: month, day: day)
    }

    private static func daysIn(month: Int32, year: Int32) -> Int32 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's civil_from_days: the proleptic Gregorian date of a day count from 1970-01-01.
    static func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int64, _ digits: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
