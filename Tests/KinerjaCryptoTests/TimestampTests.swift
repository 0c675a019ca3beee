import Foundation
import KinerjaCrypto
import KinerjaProto
import Testing

@Suite("Common.Timestamp and Date")
struct TimestampTests {
    @Test("a date converts to seconds and nanos and back")
    func roundTrip() {
        let date = Date(timeIntervalSince1970: 1_760_000_000.25)
        let timestamp = Common.Timestamp(date)
        #expect(timestamp.seconds == 1_760_000_000)
        #expect(timestamp.nanos == 250_000_000)
        #expect(timestamp.date == date)
    }

    @Test("instants before 1970 keep non-negative nanos")
    func beforeEpoch() {
        let timestamp = Common.Timestamp(Date(timeIntervalSince1970: -1.5))
        #expect(timestamp.seconds == -2)
        #expect(timestamp.nanos == 500_000_000)
    }

    @Test("dates outside years 1–9999 are clamped instead of crashing")
    func clamped() {
        #expect(Common.Timestamp(Date(timeIntervalSince1970: 1e15)).seconds == Common.Timestamp.maximumSeconds)
        #expect(Common.Timestamp(Date(timeIntervalSince1970: -1e15)).seconds == Common.Timestamp.minimumSeconds)
        #expect(Common.Timestamp(Date(timeIntervalSince1970: .infinity)).isValid)
    }

    @Test("nanos outside 0…999 999 999 make a timestamp invalid")
    func validity() {
        #expect(Common.Timestamp(seconds: 0, nanos: 0).isValid)
        #expect(!Common.Timestamp(seconds: 0, nanos: -1).isValid)
        #expect(!Common.Timestamp(seconds: 0, nanos: 1_000_000_000).isValid)
        #expect(!Common.Timestamp(seconds: Common.Timestamp.maximumSeconds + 1, nanos: 0).isValid)
    }
}
