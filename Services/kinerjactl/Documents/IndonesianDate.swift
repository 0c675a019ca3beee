import KinerjaProto

/// Dates and times as Indonesian official documents write them: `2 Januari 2026`,
/// `2 Januari 2026 pukul 14.05 WITA` (WITA, UTC+8, as everything in Kupang).
enum IndonesianDate {
    static let months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                         "Oktober", "November", "Desember"]

    /// `2 Januari 2026`; "—" when absent or not a real month.
    static func day(_ date: Common.Date?) -> String {
        guard let date, (1...12).contains(date.month) else { return "—" }
        return "\(date.day) \(months[Int(date.month) - 1]) \(date.year)"
    }

    /// The WITA calendar day of a UTC instant.
    static func witaDay(_ timestamp: Common.Timestamp) -> Common.Date {
        let local = timestamp.seconds + WITATime.offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let (year, month, day) = WITATime.civilDate(daysSinceEpoch: days)
        return Common.Date(year: Int32(clamping: year), month: Int32(month), day: Int32(day))
    }

    /// `2 Januari 2026 pukul 14.05 WITA`; "—" when absent.
    static func instant(_ timestamp: Common.Timestamp?) -> String {
        guard let timestamp else { return "—" }
        let local = timestamp.seconds + WITATime.offset
        let secondOfDay = ((local % 86_400) + 86_400) % 86_400
        let hours = secondOfDay / 3600, minutes = secondOfDay % 3600 / 60
        return day(witaDay(timestamp)) + " pukul " + (hours < 10 ? "0" : "") + "\(hours)." + (minutes < 10 ? "0" : "") + "\(minutes) WITA"
    }
}
