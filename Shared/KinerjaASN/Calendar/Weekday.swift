public import KinerjaProto

/// A day of the week, numbered as ISO 8601 does (Monday 1 … Sunday 7).
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Monday to Friday: the ASN working week the contract assumes (`reporting.proto`
    /// NonWorkingDay: Saturdays and Sundays are always non-working).
    public static let mondayToFriday: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]

    /// The Indonesian name, e.g. `Senin`, as reports and messages print it.
    public var indonesianName: String {
        switch self {
        case .monday: "Senin"
        case .tuesday: "Selasa"
        case .wednesday: "Rabu"
        case .thursday: "Kamis"
        case .friday: "Jumat"
        case .saturday: "Sabtu"
        case .sunday: "Minggu"
        }
    }

    /// Chronological order within an ISO week.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Common.Date {
    /// The day of the week of this WITA day; nil for an invalid date.
    public var weekday: Weekday? {
        guard let days = daysSinceEpoch else { return nil }
        // 1970-01-01 was a Thursday (ISO 4); floor-modulo keeps days before 1970 right.
        let index = ((days % 7) + 7 + 3) % 7
        return Weekday(rawValue: index + 1)
    }
}
