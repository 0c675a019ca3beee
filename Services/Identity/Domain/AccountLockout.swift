public import Foundation

/// The lockout state of one account: a state machine over consecutive failed sign-ins.
///
/// Rule: every ``LoginThrottleConfiguration/failuresBeforeLockout`` consecutive failures (5)
/// lock the account, the first time for ``LoginThrottleConfiguration/initialLockoutSeconds``
/// (15 minutes), each further time for twice as long as the previous one, at most
/// ``LoginThrottleConfiguration/maximumLockoutSeconds`` (24 hours). A successful sign-in
/// resets everything.
///
/// The state is exactly what `Account` stores (failed_login_count, locked_until), so the store
/// can rebuild it for each attempt. The clock is passed in as wall-clock `Date`s because
/// locked_until is persisted and shown to users; nothing here reads the clock.
public struct AccountLockout: Sendable, Hashable {
    /// What the caller should do with a sign-in attempt.
    public enum Action: Sendable, Hashable {
        /// Go ahead (check the password; or, after a failure, the account is still open).
        case allow
        /// Refuse without checking the password until this instant.
        case locked(until: Date)
    }

    /// Consecutive failed sign-ins since the last success (Account.failed_login_count).
    public private(set) var consecutiveFailures: Int
    /// End of the current or last lockout (Account.locked_until); nil if none since the last success.
    public private(set) var lockedUntil: Date?
    /// The limits in force.
    public let configuration: LoginThrottleConfiguration

    /// The state of an account, e.g. as loaded from the store; a fresh account by default.
    public init(configuration: LoginThrottleConfiguration = .init(), consecutiveFailures: Int = 0, lockedUntil: Date? = nil) {
        self.configuration = configuration.sanitised
        self.consecutiveFailures = max(0, consecutiveFailures)
        self.lockedUntil = lockedUntil
    }

    /// Whether an attempt at `now` may be checked at all.
    public func check(now: Date) -> Action {
        if let lockedUntil, now < lockedUntil { return .locked(until: lockedUntil) }
        return .allow
    }

    /// Records a wrong password at `now`; returns `.locked` when this failure starts a lockout
    /// (or one is already running, in which case nothing changes).
    public mutating func recordFailure(now: Date) -> Action {
        if case .locked(let until) = check(now: now) { return .locked(until: until) }
        consecutiveFailures += 1
        let threshold = configuration.failuresBeforeLockout
        guard consecutiveFailures % threshold == 0 else { return .allow }
        let until = now.addingTimeInterval(TimeInterval(lockoutSeconds(number: consecutiveFailures / threshold)))
        lockedUntil = until
        return .locked(until: until)
    }

    /// Records a successful sign-in: the failure count and lockout reset.
    public mutating func recordSuccess() {
        consecutiveFailures = 0
        lockedUntil = nil
    }

    /// Ends the lockout early (UnlockAccount) and clears the failure count, so the account
    /// starts again from a first 15-minute lockout.
    public mutating func unlock() {
        recordSuccess()
    }

    /// Length in seconds of lockout number `number` (1-based): initial × 2^(number−1), capped.
    public func lockoutSeconds(number: Int) -> Int {
        let initial = configuration.initialLockoutSeconds
        let cap = configuration.maximumLockoutSeconds
        var seconds = initial
        // Doubling stops at the cap, so the loop is short and never overflows.
        for _ in 1..<max(1, number) {
            if seconds >= cap { break }
            seconds = seconds > cap / 2 ? cap : seconds * 2
        }
        return min(seconds, cap)
    }
}
