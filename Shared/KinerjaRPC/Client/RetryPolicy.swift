import Synchronization

/// When and how often a client retries: only calls proven not started, or idempotent ones,
/// with jittered exponential backoff and a budget so retries cannot multiply an outage.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts per call, the first included (default 4).
    public var maxAttempts: Int = 4
    /// First backoff (default 50 ms).
    public var initialBackoff: Duration = .milliseconds(50)
    /// Longest backoff (default 2 s).
    public var maxBackoff: Duration = .seconds(2)
    /// Growth per attempt (default 2).
    public var multiplier: Double = 2
    /// Retry tokens held at most (default 10); each retry spends one.
    public var budgetTokens: Double = 10
    /// Tokens earned back per successful call (default 0.2: at most one retry per five successes once spent).
    public var tokensPerSuccess: Double = 0.2

    /// The documented defaults.
    public init() {}

    /// No retries at all.
    public static let none: RetryPolicy = {
        var policy = RetryPolicy()
        policy.maxAttempts = 1
        return policy
    }()

    /// Backoff before attempt `attempt` (1 = first retry), with "equal jitter": half fixed, half
    /// random, so clients spread out but each still waits a predictable minimum.
    func backoff(attempt: Int) -> Duration {
        let base = Double(initialBackoff.milliseconds) * pow(multiplier, Double(attempt - 1))
        let capped = max(1, min(base, Double(maxBackoff.milliseconds)))
        return .milliseconds(Int64(capped / 2 + Double.random(in: 0...(capped / 2))))
    }
}

/// The shared retry budget of one client.
final class RetryBudget: Sendable {
    private let tokens: Mutex<Double>
    private let policy: RetryPolicy

    init(policy: RetryPolicy) {
        self.policy = policy
        self.tokens = Mutex(policy.budgetTokens)
    }

    /// Spends a token for a retry; false when the budget is exhausted.
    func spend() -> Bool {
        tokens.withLock { tokens in
            guard tokens >= 1 else { return false }
            tokens -= 1
            return true
        }
    }

    func succeeded() {
        tokens.withLock { $0 = min(policy.budgetTokens, $0 + policy.tokensPerSuccess) }
    }
}

private func pow(_ base: Double, _ exponent: Double) -> Double {
    var result = 1.0
    for _ in 0..<Int(exponent) { result *= base }
    return result
}
