public import KinerjaCrypto
import KinerjaService

/// The `identity` section of the identity service's configuration file.
public struct IdentityConfiguration: Sendable, Codable {
    /// Who the first administrator is, created on first start with an empty store.
    public struct Bootstrap: Sendable, Codable, Hashable {
        /// NIP of the first administrator (an employee record is created for them).
        public var adminNIP: String
        /// Their name.
        public var adminName: String
        /// Code of the root unit created with them (default `KPG`).
        public var rootUnitCode: String
        /// Name of the root unit (default "Pemerintah Kota Kupang").
        public var rootUnitName: String

        enum CodingKeys: String, CodingKey {
            case adminNIP = "admin_nip", adminName = "admin_name", rootUnitCode = "root_unit_code", rootUnitName = "root_unit_name"
        }

        /// Decodes; the root unit defaults to `KPG`, Pemerintah Kota Kupang.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            adminNIP = try c.decode(String.self, forKey: .adminNIP)
            adminName = try c.decode(String.self, forKey: .adminName)
            rootUnitCode = try c.decodeIfPresent(String.self, forKey: .rootUnitCode) ?? "KPG"
            rootUnitName = try c.decodeIfPresent(String.self, forKey: .rootUnitName) ?? "Pemerintah Kota Kupang"
        }
    }

    /// Minutes an access token lives (1–15, default 15).
    public var accessTokenMinutes: Int = 15
    /// Hours a refresh token lives without use (default 12).
    public var refreshTokenHours: Int = 12
    /// Days a session lives at most (default 7).
    public var sessionDays: Int = 7
    /// Days between automatic signing-key rotations (default 30).
    public var keyRotationDays: Int = 30
    /// Password hashing parameters for new hashes (default scrypt N=2^17, r=8, p=1).
    public var passwordHash: PasswordHashParameters = .recommended
    /// Threads that hash passwords; at most this many hashes run at once (default 2).
    public var hashingThreads: Int = 2
    /// Sign-ins waiting for a hashing thread before new ones get RESOURCE_EXHAUSTED (default 64).
    public var hashingQueueLimit: Int = 64
    /// Failed sign-ins before an account locks (default 5).
    public var lockoutThreshold: Int = 5
    /// First lockout in minutes; each further lockout doubles, up to 24 h (default 15).
    public var lockoutMinutes: Int = 15
    /// Sign-in attempts per minute from one client address (default 30).
    public var attemptsPerMinutePerAddress: Int = 30
    /// The first administrator.
    public var bootstrap: Bootstrap?
    /// When set, an empty store is filled with the Kupang demo organisation made from this seed.
    public var demoSeed: UInt64?
    /// Password given to the demo personas (only with `demo_seed`); empty = personas get no password.
    public var demoPassword: String = ""

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case accessTokenMinutes = "access_token_minutes", refreshTokenHours = "refresh_token_hours", sessionDays = "session_days"
        case keyRotationDays = "key_rotation_days", passwordHash = "password_hash", hashingThreads = "hashing_threads"
        case hashingQueueLimit = "hashing_queue_limit", lockoutThreshold = "lockout_threshold", lockoutMinutes = "lockout_minutes"
        case attemptsPerMinutePerAddress = "attempts_per_minute_per_address", bootstrap, demoSeed = "demo_seed"
        case demoPassword = "demo_password"
    }

    /// Decodes, keeping the defaults for absent keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = IdentityConfiguration()
        accessTokenMinutes = try c.decodeIfPresent(Int.self, forKey: .accessTokenMinutes) ?? d.accessTokenMinutes
        refreshTokenHours = try c.decodeIfPresent(Int.self, forKey: .refreshTokenHours) ?? d.refreshTokenHours
        sessionDays = try c.decodeIfPresent(Int.self, forKey: .sessionDays) ?? d.sessionDays
        keyRotationDays = try c.decodeIfPresent(Int.self, forKey: .keyRotationDays) ?? d.keyRotationDays
        passwordHash = try c.decodeIfPresent(PasswordHashSection.self, forKey: .passwordHash)?.parameters ?? d.passwordHash
        hashingThreads = try c.decodeIfPresent(Int.self, forKey: .hashingThreads) ?? d.hashingThreads
        hashingQueueLimit = try c.decodeIfPresent(Int.self, forKey: .hashingQueueLimit) ?? d.hashingQueueLimit
        lockoutThreshold = try c.decodeIfPresent(Int.self, forKey: .lockoutThreshold) ?? d.lockoutThreshold
        lockoutMinutes = try c.decodeIfPresent(Int.self, forKey: .lockoutMinutes) ?? d.lockoutMinutes
        attemptsPerMinutePerAddress = try c.decodeIfPresent(Int.self, forKey: .attemptsPerMinutePerAddress) ?? d.attemptsPerMinutePerAddress
        bootstrap = try c.decodeIfPresent(Bootstrap.self, forKey: .bootstrap)
        demoSeed = try c.decodeIfPresent(UInt64.self, forKey: .demoSeed)
        demoPassword = try c.decodeIfPresent(String.self, forKey: .demoPassword) ?? ""
    }

    /// `password_hash` as written in the file (snake_case, each key optional over the recommended values).
    struct PasswordHashSection: Codable {
        var algorithm: PasswordHashParameters.Algorithm?
        var scryptLogN: UInt8?
        var scryptR: UInt32?
        var scryptP: UInt32?
        var pbkdf2Iterations: UInt32?

        enum CodingKeys: String, CodingKey {
            case algorithm, scryptLogN = "scrypt_log_n", scryptR = "scrypt_r", scryptP = "scrypt_p", pbkdf2Iterations = "pbkdf2_iterations"
        }

        var parameters: PasswordHashParameters {
            var p = algorithm == .pbkdf2SHA256 ? PasswordHashParameters.pbkdf2Recommended : .recommended
            if let scryptLogN { p.scryptLogN = scryptLogN }
            if let scryptR { p.scryptR = scryptR }
            if let scryptP { p.scryptP = scryptP }
            if let pbkdf2Iterations { p.pbkdf2Iterations = pbkdf2Iterations }
            return p
        }
    }

    /// The keys of the section, for the unknown-key check.
    public static let keys: Set<String> = [
        "access_token_minutes", "refresh_token_hours", "session_days", "key_rotation_days", "password_hash",
        "password_hash.algorithm", "password_hash.scrypt_log_n", "password_hash.scrypt_r", "password_hash.scrypt_p",
        "password_hash.pbkdf2_iterations", "hashing_threads", "hashing_queue_limit", "lockout_threshold", "lockout_minutes",
        "attempts_per_minute_per_address", "bootstrap", "bootstrap.admin_nip", "bootstrap.admin_name",
        "bootstrap.root_unit_code", "bootstrap.root_unit_name", "demo_seed", "demo_password",
    ]
}

extension IdentityConfiguration {
    /// The sign-in throttles' limits from this section.
    public var throttle: LoginThrottleConfiguration {
        LoginThrottleConfiguration(failuresBeforeLockout: lockoutThreshold, initialLockoutSeconds: lockoutMinutes * 60,
                                   addressBurst: attemptsPerMinutePerAddress, addressAttemptsPerMinute: attemptsPerMinutePerAddress)
    }

    /// Checks ranges; errors name the key.
    public func validate() throws {
        func fail(_ key: String, _ message: String) -> ConfigurationError { ConfigurationError(key: "identity.\(key)", message) }
        if !(1...15).contains(accessTokenMinutes) { throw fail("access_token_minutes", "must be 1–15 (the contract caps access tokens at 15 minutes)") }
        if !(1...24).contains(refreshTokenHours) { throw fail("refresh_token_hours", "must be 1–24") }
        if !(1...30).contains(sessionDays) { throw fail("session_days", "must be 1–30") }
        if !(1...365).contains(keyRotationDays) { throw fail("key_rotation_days", "must be 1–365") }
        if !(1...16).contains(hashingThreads) { throw fail("hashing_threads", "must be 1–16") }
        if !(1...10_000).contains(hashingQueueLimit) { throw fail("hashing_queue_limit", "must be 1–10000") }
        if !(1...100).contains(lockoutThreshold) { throw fail("lockout_threshold", "must be 1–100") }
        if !(1...1440).contains(lockoutMinutes) { throw fail("lockout_minutes", "must be 1–1440") }
        if !(1...10_000).contains(attemptsPerMinutePerAddress) { throw fail("attempts_per_minute_per_address", "must be 1–10000") }
        do {
            try passwordHash.validate()
        } catch {
            throw fail("password_hash", "\(error)")
        }
        if demoSeed == nil && !demoPassword.isEmpty { throw fail("demo_password", "is only allowed with demo_seed") }
    }
}
