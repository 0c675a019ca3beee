import KinerjaIdentity
import Testing

@Suite("Address rate limiter")
struct AddressRateLimiterTests {
    // A fixed starting instant; every later instant is derived from it, so no test waits.
    let t0 = ContinuousClock.now

    func attempts(_ limiter: inout AddressRateLimiter, _ address: String, _ count: Int, at: ContinuousClock.Instant) -> [AddressRateLimiter.Action] {
        (0..<count).map { _ in limiter.attempt(from: address, now: at) }
    }

    @Test("an address may make a burst of 30 attempts; the 31st waits for the refill (one every 2 s)")
    func burst() {
        var limiter = AddressRateLimiter()
        #expect(attempts(&limiter, "10.0.0.1", 30, at: t0).allSatisfy { $0 == .allow })
        #expect(limiter.attempt(from: "10.0.0.1", now: t0) == .limited(retryAfter: .seconds(2)))
    }

    @Test("attempts refill evenly at 30 per minute, never above the burst")
    func refill() {
        var limiter = AddressRateLimiter()
        _ = attempts(&limiter, "10.0.0.1", 30, at: t0)
        #expect(limiter.attempt(from: "10.0.0.1", now: t0 + .seconds(1)) == .limited(retryAfter: .seconds(1)))
        #expect(limiter.attempt(from: "10.0.0.1", now: t0 + .seconds(2)) == .allow)
        #expect(limiter.attempt(from: "10.0.0.1", now: t0 + .seconds(2)) == .limited(retryAfter: .seconds(2)))
        let later = t0 + .seconds(3600)
        #expect(attempts(&limiter, "10.0.0.1", 30, at: later).allSatisfy { $0 == .allow })
        #expect(limiter.attempt(from: "10.0.0.1", now: later) != .allow)
    }

    @Test("each address has its own bucket")
    func perAddress() {
        var limiter = AddressRateLimiter()
        _ = attempts(&limiter, "10.0.0.1", 30, at: t0)
        #expect(limiter.attempt(from: "10.0.0.2", now: t0) == .allow)
        #expect(limiter.attempt(from: "10.0.0.1", now: t0) != .allow)
    }

    @Test("at most N addresses are tracked; a new one evicts the least recently seen")
    func eviction() {
        var limiter = AddressRateLimiter(configuration: .init(addressBurst: 1, maximumTrackedAddresses: 3))
        #expect(limiter.attempt(from: "A", now: t0) == .allow)
        #expect(limiter.attempt(from: "B", now: t0) == .allow)
        #expect(limiter.attempt(from: "C", now: t0) == .allow)
        #expect(limiter.attempt(from: "A", now: t0) != .allow)   // A is now the most recently seen
        #expect(limiter.attempt(from: "D", now: t0) == .allow)   // evicts B, the least recently seen
        #expect(limiter.trackedAddressCount == 3)
        #expect(limiter.attempt(from: "A", now: t0) != .allow)   // A kept its empty bucket
        #expect(limiter.attempt(from: "B", now: t0) == .allow)   // B was forgotten, so it starts full (evicting C)
        #expect(limiter.attempt(from: "C", now: t0) == .allow)   // and C too (evicting D)
        #expect(limiter.trackedAddressCount == 3)
        for index in 0..<1000 { _ = limiter.attempt(from: "X\(index)", now: t0) }
        #expect(limiter.trackedAddressCount == 3)
    }

    @Test("forgetting an address frees its slot")
    func forget() {
        var limiter = AddressRateLimiter(configuration: .init(addressBurst: 1))
        _ = limiter.attempt(from: "A", now: t0)
        limiter.forget("A")
        #expect(limiter.trackedAddressCount == 0)
        #expect(limiter.attempt(from: "A", now: t0) == .allow)
    }

    @Test("an instant earlier than the last one refills nothing and does not trap")
    func clockBackwards() {
        var limiter = AddressRateLimiter(configuration: .init(addressBurst: 1))
        _ = limiter.attempt(from: "A", now: t0 + .seconds(10))
        #expect(limiter.attempt(from: "A", now: t0) == .limited(retryAfter: .seconds(2)))
    }
}
