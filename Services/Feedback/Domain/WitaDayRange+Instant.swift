import Foundation
import KinerjaASN
import KinerjaProto

extension WitaDayRange {
    /// True when the WITA day of the UTC instant `instant` lies in the range.
    func contains(instant: Common.Timestamp) -> Bool {
        contains(Wita.today(now: Date(timeIntervalSince1970: TimeInterval(instant.seconds))))
    }
}

extension Common.Timestamp {
    /// Whole seconds from `self` to `later` (negative when `later` is earlier).
    func seconds(until later: Common.Timestamp) -> Int64 {
        later.seconds &- seconds
    }
}
