import NIOCore

/// A token bucket for PING frames received: `rate` per second on average, `burst` at once.
struct PingRateLimiter: Sendable {
    private let rate: Double
    private let burst: Double
    private var tokens: Double
    private var last: NIODeadline?

    init(rate: Double, burst: Double) {
        self.rate = rate
        self.burst = burst
        self.tokens = burst
    }

    /// Takes a token for a ping received at `now`; false when the peer pings too often.
    mutating func allow(at now: NIODeadline) -> Bool {
        if let last {
            let elapsed = Double((now - last).nanoseconds) / 1e9
            tokens = min(burst, tokens + max(0, elapsed) * rate)
        }
        last = now
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
