import Foundation
import KinerjaIdentity
import Testing

@Suite("Account lockout")
struct AccountLockoutTests {
    let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    /// Fails `count` times at `at`, returning the last action.
    func fail(_ lockout: inout AccountLockout, _ count: Int, at: Date) -> AccountLockout.Action {
        var last = AccountLockout.Action.allow
        for _ in 0..<count { last = lockout.recordFailure(now: at) }
        return last
    }

    @Test("5 consecutive failures lock the account for 15 minutes")
    func firstLockout() {
        var lockout = AccountLockout()
        #expect(fail(&lockout, 4, at: t0) == .allow)
        #expect(lockout.check(now: t0) == .allow)
        let until = t0.addingTimeInterval(15 * 60)
        #expect(lockout.recordFailure(now: t0) == .locked(until: until))
        #expect(lockout.check(now: t0.addingTimeInterval(14 * 60 + 59)) == .locked(until: until))
        #expect(lockout.check(now: until) == .allow)
        #expect(lockout.consecutiveFailures == 5 && lockout.lockedUntil == until)
    }

    @Test("a failure reported while locked changes nothing")
    func failureWhileLocked() {
        var lockout = AccountLockout()
        _ = fail(&lockout, 5, at: t0)
        let until = t0.addingTimeInterval(900)
        #expect(lockout.recordFailure(now: t0.addingTimeInterval(60)) == .locked(until: until))
        #expect(lockout.consecutiveFailures == 5)
    }

    @Test("each further lockout doubles, capped at 24 hours")
    func doubling() {
        var lockout = AccountLockout()
        var now = t0
        var lengths: [TimeInterval] = []
        for _ in 0..<10 {
            guard case .locked(let until) = fail(&lockout, 5, at: now) else {
                Issue.record("expected a lockout")
                return
            }
            lengths.append(until.timeIntervalSince(now))
            now = until
        }
        #expect(lengths == [900, 1800, 3600, 7200, 14_400, 28_800, 57_600, 86_400, 86_400, 86_400])
        #expect(lockout.lockoutSeconds(number: 1_000_000) == 86_400)
    }

    @Test("a successful sign-in resets the failures and the doubling")
    func successResets() {
        var lockout = AccountLockout()
        _ = fail(&lockout, 4, at: t0)
        lockout.recordSuccess()
        #expect(fail(&lockout, 4, at: t0) == .allow)
        _ = fail(&lockout, 1, at: t0)           // first lockout
        var now = t0.addingTimeInterval(900)
        _ = fail(&lockout, 5, at: now)          // second: 30 min
        now = now.addingTimeInterval(1800)
        lockout.recordSuccess()
        #expect(lockout.consecutiveFailures == 0 && lockout.lockedUntil == nil)
        #expect(fail(&lockout, 5, at: now) == .locked(until: now.addingTimeInterval(900)))
    }

    @Test("the state restored from the account record (failed_login_count, locked_until) continues the doubling")
    func restore() {
        var lockout = AccountLockout(consecutiveFailures: 9, lockedUntil: t0.addingTimeInterval(-1))
        #expect(lockout.check(now: t0) == .allow)
        #expect(lockout.recordFailure(now: t0) == .locked(until: t0.addingTimeInterval(1800)))
        let locked = AccountLockout(consecutiveFailures: 5, lockedUntil: t0.addingTimeInterval(60))
        #expect(locked.check(now: t0) == .locked(until: t0.addingTimeInterval(60)))
    }

    @Test("an unlock ends the lockout and starts counting afresh")
    func unlock() {
        var lockout = AccountLockout()
        _ = fail(&lockout, 5, at: t0)
        lockout.unlock()
        #expect(lockout.check(now: t0) == .allow)
        #expect(fail(&lockout, 5, at: t0) == .locked(until: t0.addingTimeInterval(900)))
    }

    @Test("the configuration changes threshold and lengths; nonsense values are raised to workable ones")
    func configuration() {
        var lockout = AccountLockout(configuration: .init(failuresBeforeLockout: 3, initialLockoutSeconds: 60, maximumLockoutSeconds: 100))
        #expect(fail(&lockout, 3, at: t0) == .locked(until: t0.addingTimeInterval(60)))
        #expect(fail(&lockout, 3, at: t0.addingTimeInterval(60)) == .locked(until: t0.addingTimeInterval(160)))
        var zero = AccountLockout(configuration: .init(failuresBeforeLockout: 0, initialLockoutSeconds: 0, maximumLockoutSeconds: -5))
        #expect(zero.recordFailure(now: t0) == .locked(until: t0.addingTimeInterval(1)))
    }

    @Test("the configuration decodes with defaults for absent keys: 5 failures, 15 min, 24 h, 30 per minute, 10 000 addresses")
    func codable() throws {
        let defaults = try JSONDecoder().decode(LoginThrottleConfiguration.self, from: Data("{}".utf8))
        #expect(defaults == LoginThrottleConfiguration())
        #expect(defaults.failuresBeforeLockout == 5 && defaults.initialLockoutSeconds == 900 && defaults.maximumLockoutSeconds == 86_400)
        #expect(defaults.addressBurst == 30 && defaults.addressAttemptsPerMinute == 30 && defaults.maximumTrackedAddresses == 10_000)
        let partial = try JSONDecoder().decode(LoginThrottleConfiguration.self, from: Data(#"{"failuresBeforeLockout": 10}"#.utf8))
        #expect(partial.failuresBeforeLockout == 10 && partial.initialLockoutSeconds == 900)
        let custom = LoginThrottleConfiguration(addressBurst: 5)
        #expect(try JSONDecoder().decode(LoginThrottleConfiguration.self, from: JSONEncoder().encode(custom)) == custom)
    }
}
