public import Foundation
public import KinerjaProto

extension Common.Timestamp {
    /// The earliest instant a Timestamp may carry: 0001-01-01T00:00:00Z.
    public static let minimumSeconds: Int64 = -62_135_596_800
    /// The latest whole second a Timestamp may carry: 9999-12-31T23:59:59Z.
    public static let maximumSeconds: Int64 = 253_402_300_799

    /// The instant `date`, clamped to the range the proto allows (years 1 to 9999).
    ///
    /// Clamping instead of trapping keeps an absurd `Date` (distant past, infinity) from
    /// crashing a service; such instants never pass a validity check anyway.
    public init(_ date: Date) {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite else {
            self.init(seconds: interval > 0 ? Self.maximumSeconds : Self.minimumSeconds, nanos: 0)
            return
        }
        let whole = interval.rounded(.down)
        if whole < Double(Self.minimumSeconds) {
            self.init(seconds: Self.minimumSeconds, nanos: 0)
        } else if whole > Double(Self.maximumSeconds) {
            self.init(seconds: Self.maximumSeconds, nanos: 999_999_999)
        } else {
            let nanos = min(999_999_999, Int32(((interval - whole) * 1e9).rounded()))
            self.init(seconds: Int64(whole), nanos: nanos)
        }
    }

    /// The instant as a `Date` (sub-microsecond precision may be lost to `Double`).
    public var date: Date {
        Date(timeIntervalSince1970: Double(seconds) + Double(nanos) / 1e9)
    }

    /// Whether seconds and nanos are inside the ranges the proto documents.
    public var isValid: Bool {
        (Self.minimumSeconds...Self.maximumSeconds).contains(seconds) && (0...999_999_999).contains(nanos)
    }
}
