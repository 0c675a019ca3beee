import Foundation
import KinerjaStore
import Testing

@Suite("ULID")
struct ULIDTests {
    @Test("26 Crockford base32 characters, the time in front: ids of later milliseconds sort after earlier ones, ids of one millisecond differ")
    func shape() {
        let early = Date(timeIntervalSince1970: 1_780_000_000.123)
        let later = early.addingTimeInterval(0.001)
        let ids = (0..<1000).map { _ in ULID.make(now: early) }
        #expect(ids.allSatisfy { $0.utf8.count == 26 && ULID.isValid($0) })
        #expect(Set(ids).count == ids.count, "80 random bits per id")
        #expect(Set(ids.map { $0.prefix(10) }).count == 1, "the first 10 characters are the millisecond")
        #expect(ids.allSatisfy { $0 < ULID.make(now: later) })
        #expect(ULID.make(now: Date(timeIntervalSince1970: 0)).hasPrefix("0000000000"))
        // The time part of the well-known example: 01ARZ3NDEK (the spec's example) is 1469922850259 ms.
        #expect(ULID.make(now: Date(timeIntervalSince1970: 1_469_922_850.2595)).hasPrefix("01ARZ3NDEK"))
    }
}
