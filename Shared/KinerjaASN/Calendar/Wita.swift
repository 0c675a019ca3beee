public import Foundation
public import KinerjaProto

/// Western Indonesia Central Time (WITA, `Asia/Makassar`): the calendar Kupang's days live in.
///
/// WITA is UTC+8 all year (Indonesia has no daylight saving), so a fixed offset is exact and
/// needs no time-zone database.
public enum Wita {
    /// Offset of WITA from UTC, in seconds (+8 hours).
    public static let utcOffsetSeconds = 8 * 3600

    /// The WITA calendar day that contains the instant `now`.
    public static func today(now: Date) -> Common.Date {
        let seconds = now.timeIntervalSince1970.rounded(.down)
        let local = Int(seconds) + utcOffsetSeconds
        // Floor division, so instants before 1970 land on the right day too.
        let days = local >= 0 ? local / 86_400 : -((-local + 86_399) / 86_400)
        // The contract's range is 1900–9999; clamp instead of trapping on absurd clocks.
        if let date = Common.Date(daysSinceEpoch: days) { return date }
        return days < 0 ? Common.Date.earliestValid : Common.Date.latestValid
    }

    /// The UTC instant at which the WITA day `date` begins (00:00 WITA); nil for an invalid date.
    public static func startOfDay(_ date: Common.Date) -> Date? {
        guard let days = date.daysSinceEpoch else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 - utcOffsetSeconds))
    }
}
