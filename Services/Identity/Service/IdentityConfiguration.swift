public import KinerjaCrypto
public import KinerjaService

/// The `identity` section of the identity service's configuration file; every key is declared
/// once in ``keys``.
public struct IdentityConfiguration: ConfigurationSection {
    /// Who the first administrator is, created on first start with an empty store.
    public struct Bootstrap: Sendable, Hashable {
        /// NIP of the first administrator (an employee record is created for them).
        public var adminNIP: String
        /// Their name.
        public var adminName: String
        /// Code of the root unit created with them (default `KPG`).
        public var rootUnitCode: String = "KPG"
        /// Name of the root unit (default "Pemerintah Kota Kupang").
        public var rootUnitName: String = "Pemerintah Kota Kupang"

        /// A bootstrap administrator.
        public init(adminNIP: String, adminName: String) {
            self.adminNIP = adminNIP
            self.adminName = adminName
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
    /// Password hashing: the algorithm (default scrypt) and parameters overriding its recommended ones.
    var hashAlgorithm: PasswordHashParameters.Algorithm?
    var scryptLogN: UInt8?
    var scryptR: UInt32?
    var scryptP: UInt32?
    var pbkdf2Iterations: UInt32?
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
    var bootstrapGiven = false
    var bootstrapAdminNIP: String?
    var bootstrapAdminName: String?
    var bootstrapRootUnitCode: String?
    var bootstrapRootUnitName: String?
    /// When set, an empty store is filled with the Kupang demo organisation made from this seed.
    public var demoSeed: UInt64?
    /// Password given to the demo personas (only with `demo_seed`); empty = personas get no password.
    public var demoPassword: String = ""
    /// Seconds identity's revocation feed tells services to wait between polls (default 2).
    public var revocationPollSeconds: Int = 2

    /// The defaults.
    public init() {}

    /// Password hashing parameters for new hashes (default scrypt N=2^17, r=8, p=1).
    public var passwordHash: PasswordHashParameters {
        get {
            var p = hashAlgorithm == .pbkdf2SHA256 ? PasswordHashParameters.pbkdf2Recommended : .recommended
            if let scryptLogN { p.scryptLogN = scryptLogN }
            if let scryptR { p.scryptR = scryptR }
            if let scryptP { p.scryptP = scryptP }
            if let pbkdf2Iterations { p.pbkdf2Iterations = pbkdf2Iterations }
            return p
        }
        set {
            hashAlgorithm = newValue.algorithm
            scryptLogN = newValue.scryptLogN
            scryptR = newValue.scryptR
            scryptP = newValue.scryptP
            pbkdf2Iterations = newValue.pbkdf2Iterations
        }
    }

    /// The first administrator; nil when `bootstrap` is not configured.
    public var bootstrap: Bootstrap? {
        get {
            guard bootstrapGiven, let nip = bootstrapAdminNIP, let name = bootstrapAdminName else { return nil }
            var bootstrap = Bootstrap(adminNIP: nip, adminName: name)
            if let code = bootstrapRootUnitCode { bootstrap.rootUnitCode = code }
            if let name = bootstrapRootUnitName { bootstrap.rootUnitName = name }
            return bootstrap
        }
        set {
            bootstrapGiven = newValue != nil
            bootstrapAdminNIP = newValue?.adminNIP
            bootstrapAdminName = newValue?.adminName
            bootstrapRootUnitCode = newValue?.rootUnitCode
            bootstrapRootUnitName = newValue?.rootUnitName
        }
    }

    /// Every key of the section.
    public static let keys: [ConfigKey<IdentityConfiguration>] = [
        .int("access_token_minutes", \.accessTokenMinutes, 1...15, help: "Access token lifetime, minutes (the contract caps it at 15; default 15)."),
        .int("refresh_token_hours", \.refreshTokenHours, 1...24, help: "Refresh token lifetime without use, hours (default 12)."),
        .int("session_days", \.sessionDays, 1...30, help: "Longest session, days (default 7)."),
        .int("key_rotation_days", \.keyRotationDays, 1...365, help: "Days between signing-key rotations (default 30)."),
        .object("password_hash", help: "Password hashing for new hashes (default scrypt N=2^17, r=8, p=1)."),
        .choice("password_hash.algorithm", \.hashAlgorithm, [("scrypt", .scrypt), ("pbkdf2-sha256", .pbkdf2SHA256)],
                help: "scrypt (default) or pbkdf2-sha256."),
        .int("password_hash.scrypt_log_n", \.scryptLogN, help: "scrypt cost as log2(N) (default 17)."),
        .int("password_hash.scrypt_r", \.scryptR, help: "scrypt block size r (default 8)."),
        .int("password_hash.scrypt_p", \.scryptP, help: "scrypt parallelism p (default 1)."),
        .int("password_hash.pbkdf2_iterations", \.pbkdf2Iterations, help: "PBKDF2-SHA256 iterations (default 600000)."),
        .int("hashing_threads", \.hashingThreads, 1...16, help: "Threads that hash passwords (default 2)."),
        .int("hashing_queue_limit", \.hashingQueueLimit, 1...10_000, help: "Sign-ins waiting for a hashing thread (default 64)."),
        .int("lockout_threshold", \.lockoutThreshold, 1...100, help: "Failed sign-ins before the account locks (default 5)."),
        .int("lockout_minutes", \.lockoutMinutes, 1...1440, help: "First lockout, minutes; doubles up to 24 h (default 15)."),
        .int("attempts_per_minute_per_address", \.attemptsPerMinutePerAddress, 1...10_000,
             help: "Sign-in attempts per minute from one address (default 30)."),
        ConfigKey("bootstrap", help: "The first administrator, created on first start with an empty store.") { value, root, key throws(ConfigurationError) in
            guard value is [String: Any] else { throw ConfigurationError(key: key, "must be an object") }
            root.bootstrapGiven = true
        },
        .string("bootstrap.admin_nip", \.bootstrapAdminNIP, nonEmpty: true, help: "NIP of the first administrator."),
        .string("bootstrap.admin_name", \.bootstrapAdminName, nonEmpty: true, help: "Their name."),
        .string("bootstrap.root_unit_code", \.bootstrapRootUnitCode, nonEmpty: true, help: "Code of the root unit (default KPG)."),
        .string("bootstrap.root_unit_name", \.bootstrapRootUnitName, nonEmpty: true,
                help: "Name of the root unit (default Pemerintah Kota Kupang)."),
        .int("demo_seed", \.demoSeed, help: "Fill an empty store with the Kupang demo organisation of this seed."),
        .string("demo_password", \.demoPassword, help: "Password of the demo personas (only with demo_seed)."),
        .int("revocation_poll_seconds", \.revocationPollSeconds, 1...10, help: "Poll interval services are told to use (default 2)."),
    ]
}

extension IdentityConfiguration {
    /// The sign-in throttles' limits from this section.
    public var throttle: LoginThrottleConfiguration {
        LoginThrottleConfiguration(failuresBeforeLockout: lockoutThreshold, initialLockoutSeconds: lockoutMinutes * 60,
                                   addressBurst: attemptsPerMinutePerAddress, addressAttemptsPerMinute: attemptsPerMinutePerAddress)
    }

    /// Checks that involve several keys (ranges are checked with each key); errors name the key.
    public func validate(section: String = "identity") throws(ConfigurationError) {
        func fail(_ key: String, _ message: String) -> ConfigurationError { ConfigurationError(key: "\(section).\(key)", message) }
        do {
            try passwordHash.validate()
        } catch {
            throw fail("password_hash", "\(error)")
        }
        if bootstrapGiven && bootstrapAdminNIP == nil { throw fail("bootstrap.admin_nip", "is required") }
        if bootstrapGiven && bootstrapAdminName == nil { throw fail("bootstrap.admin_name", "is required") }
        if demoSeed == nil && !demoPassword.isEmpty { throw fail("demo_password", "is only allowed with demo_seed") }
    }
}
