/// Limits of the two sign-in throttles, ``AccountLockout`` and ``AddressRateLimiter``.
///
/// Defaults follow OWASP's authentication guidance: lock an account briefly after a few
/// failures and grow the lockout, so guessing is slow while a forgetful user is not shut out
/// for long; and cap attempts per client address so one host cannot spray passwords across
/// many accounts. Decoding fills any missing key with its default.
public struct LoginThrottleConfiguration: Sendable, Hashable, Codable {
    /// Consecutive failed sign-ins that lock an account; default 5.
    public var failuresBeforeLockout: Int
    /// Length of the first lockout, in seconds; default 900 (15 minutes).
    public var initialLockoutSeconds: Int
    /// Longest lockout, in seconds; each further lockout doubles up to this; default 86 400 (24 hours).
    public var maximumLockoutSeconds: Int
    /// Sign-in attempts a client address may make at once (bucket size); default 30.
    public var addressBurst: Int
    /// Attempts an address regains per minute, refilled evenly; default 30.
    public var addressAttemptsPerMinute: Int
    /// Most client addresses tracked at once; the least recently seen is forgotten beyond it; default 10 000.
    public var maximumTrackedAddresses: Int

    /// A configuration; every parameter defaults to the documented value.
    public init(
        failuresBeforeLockout: Int = 5,
        initialLockoutSeconds: Int = 900,
        maximumLockoutSeconds: Int = 86_400,
        addressBurst: Int = 30,
        addressAttemptsPerMinute: Int = 30,
        maximumTrackedAddresses: Int = 10_000
    ) {
        self.failuresBeforeLockout = failuresBeforeLockout
        self.initialLockoutSeconds = initialLockoutSeconds
        self.maximumLockoutSeconds = maximumLockoutSeconds
        self.addressBurst = addressBurst
        self.addressAttemptsPerMinute = addressAttemptsPerMinute
        self.maximumTrackedAddresses = maximumTrackedAddresses
    }

    private enum CodingKeys: String, CodingKey {
        case failuresBeforeLockout, initialLockoutSeconds, maximumLockoutSeconds
        case addressBurst, addressAttemptsPerMinute, maximumTrackedAddresses
    }

    /// Decodes a configuration; absent keys keep their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = LoginThrottleConfiguration()
        self.init(
            failuresBeforeLockout: try c.decodeIfPresent(Int.self, forKey: .failuresBeforeLockout) ?? d.failuresBeforeLockout,
            initialLockoutSeconds: try c.decodeIfPresent(Int.self, forKey: .initialLockoutSeconds) ?? d.initialLockoutSeconds,
            maximumLockoutSeconds: try c.decodeIfPresent(Int.self, forKey: .maximumLockoutSeconds) ?? d.maximumLockoutSeconds,
            addressBurst: try c.decodeIfPresent(Int.self, forKey: .addressBurst) ?? d.addressBurst,
            addressAttemptsPerMinute: try c.decodeIfPresent(Int.self, forKey: .addressAttemptsPerMinute) ?? d.addressAttemptsPerMinute,
            maximumTrackedAddresses: try c.decodeIfPresent(Int.self, forKey: .maximumTrackedAddresses) ?? d.maximumTrackedAddresses
        )
    }

    /// The configuration with every value raised to its smallest workable value (1 attempt,
    /// 1 second, 1 address), so a bad configuration file cannot divide by zero or disable a throttle.
    public var sanitised: LoginThrottleConfiguration {
        LoginThrottleConfiguration(
            failuresBeforeLockout: max(1, failuresBeforeLockout),
            initialLockoutSeconds: max(1, initialLockoutSeconds),
            maximumLockoutSeconds: max(max(1, initialLockoutSeconds), maximumLockoutSeconds),
            addressBurst: max(1, addressBurst),
            addressAttemptsPerMinute: max(1, addressAttemptsPerMinute),
            maximumTrackedAddresses: max(1, maximumTrackedAddresses)
        )
    }
}
