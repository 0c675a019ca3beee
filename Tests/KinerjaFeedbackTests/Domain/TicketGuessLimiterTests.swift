import KinerjaFeedback
import Testing

@Suite("The per-address guess limit: 70-bit codes cannot be brute-forced through the rating endpoint")
struct TicketGuessLimiterTests {
    static let portal = "spiffe://kinerja.kupangkota.go.id/client/portal"
    static let t0 = ContinuousClock.now

    static func at(_ seconds: Int) -> ContinuousClock.Instant { t0.advanced(by: .seconds(seconds)) }

    @Test("10 wrong codes from one address, then RESOURCE_EXHAUSTED with the wait until the next (one every 5 minutes)")
    func burst() throws {
        var limiter = TicketGuessLimiter()
        let key = TicketGuessLimiter.key(client: Self.portal, address: "36.85.1.20")
        for _ in 0..<10 {
            try limiter.take(key, now: Self.at(0))
            limiter.settle(key, right: false, now: Self.at(0))
        }
        let error = Fixtures.error { try limiter.take(key, now: Self.at(0)) }
        #expect(error?.code == .guessLimitReached)
        #expect(error?.rpcStatus?.code == .resourceExhausted)
        #expect(error?.retryAfterMilliseconds == 300_000)
        #expect(error?.message == "too many wrong ticket codes from this address; try again in 5 minute(s)")
        #expect(Fixtures.error { try limiter.take(key, now: Self.at(299)) }?.code == .guessLimitReached)
        try limiter.take(key, now: Self.at(300))
    }

    @Test("a right code costs nothing: its guess is refunded, so a citizen who types their code is never slowed")
    func refund() throws {
        var limiter = TicketGuessLimiter(configuration: .init(burst: 2, perHour: 1))
        for _ in 0..<50 {
            try limiter.take("kiosk", now: Self.at(0))
            limiter.settle("kiosk", right: true, now: Self.at(0))
        }
        for _ in 0..<2 {
            try limiter.take("kiosk", now: Self.at(0))
            limiter.settle("kiosk", right: false, now: Self.at(0))
        }
        #expect(Fixtures.error { try limiter.take("kiosk", now: Self.at(0)) }?.code == .guessLimitReached)
    }

    @Test("guesses in flight count but refuse nothing until they are wrong: 64 right codes at once pass a bucket of 10; past 128 open, refused")
    func inFlight() throws {
        var limiter = TicketGuessLimiter()
        for _ in 0..<64 { try limiter.take("kiosk", now: Self.at(0)) }
        for _ in 0..<64 { limiter.settle("kiosk", right: true, now: Self.at(0)) }
        // Open guesses that all turn out wrong: the bucket is used up once they settle.
        for _ in 0..<128 { try limiter.take("kiosk", now: Self.at(0)) }
        #expect(Fixtures.error { try limiter.take("kiosk", now: Self.at(0)) }?.code == .guessLimitReached)
        for _ in 0..<128 { limiter.settle("kiosk", right: false, now: Self.at(0)) }
        #expect(Fixtures.error { try limiter.take("kiosk", now: Self.at(0)) }?.code == .guessLimitReached)
        #expect(Fixtures.error { try limiter.take("kiosk", now: Self.at(3600)) }?.code == .guessLimitReached)
    }

    @Test("addresses are limited apart, under their client; a kiosk without an address is limited as itself")
    func keys() throws {
        var limiter = TicketGuessLimiter(configuration: .init(burst: 1))
        try limiter.take(TicketGuessLimiter.key(client: Self.portal, address: "36.85.1.20"), now: Self.at(0))
        try limiter.take(TicketGuessLimiter.key(client: Self.portal, address: "36.85.1.21"), now: Self.at(0))
        #expect(TicketGuessLimiter.key(client: "kiosk-1", address: "") == "kiosk-1")
    }

    @Test("at most 10 000 addresses are remembered: refilled ones go first, then the least recently seen")
    func bounded() throws {
        var limiter = TicketGuessLimiter(configuration: .init(burst: 1, perHour: 3600, maximumTrackedAddresses: 3))
        for address in ["a", "b", "c"] { try limiter.take(address, now: Self.at(0)) }
        try limiter.take("d", now: Self.at(0))
        #expect(limiter.trackedCount == 3)
        try limiter.take("e", now: Self.at(10))
        #expect(limiter.trackedCount <= 3)
    }

    @Test("the arithmetic of guessing: 70 bits against 100 000 live tickets at 12 guesses an hour is hopeless")
    func arithmetic() {
        let space = 1.180_591_620_717_411e21 // 32^14 = 2^70
        let perGuess = 100_000 / space
        let guessesPerYearPerAddress = 12.0 * 24 * 365 + 10
        #expect(perGuess * guessesPerYearPerAddress < 1e-11)
    }
}
