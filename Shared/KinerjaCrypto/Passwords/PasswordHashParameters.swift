/// Which key-derivation function hashes passwords, and how hard it works.
///
/// Production configuration must use ``recommended`` (scrypt, N = 2^17, r = 8, p = 1) or
/// ``pbkdf2Recommended`` (PBKDF2-HMAC-SHA256, 600 000 iterations). ``validate()`` accepts
/// weaker values down to a floor only so that tests can run quickly; ``meetsRecommendedStrength``
/// tells a service's configuration check whether it got production-grade values.
public struct PasswordHashParameters: Sendable, Hashable, Codable {
    /// A password-hashing function, named as in the stored PHC string.
    public enum Algorithm: String, Sendable, Codable {
        /// scrypt (RFC 7914), memory-hard; the default.
        case scrypt
        /// PBKDF2 with HMAC-SHA-256 (RFC 8018), for deployments that require a NIST-approved KDF.
        case pbkdf2SHA256 = "pbkdf2-sha256"
    }

    /// The function used for new hashes.
    public var algorithm: Algorithm
    /// scrypt cost as log2(N): 17 means N = 131 072.
    public var scryptLogN: UInt8
    /// scrypt block size r.
    public var scryptR: UInt32
    /// scrypt parallelism p.
    public var scryptP: UInt32
    /// PBKDF2 iteration count.
    public var pbkdf2Iterations: UInt32

    /// Parameters for `algorithm`; the other algorithm's fields keep their recommended values.
    public init(
        algorithm: Algorithm,
        scryptLogN: UInt8 = 17,
        scryptR: UInt32 = 8,
        scryptP: UInt32 = 1,
        pbkdf2Iterations: UInt32 = 600_000
    ) {
        self.algorithm = algorithm
        self.scryptLogN = scryptLogN
        self.scryptR = scryptR
        self.scryptP = scryptP
        self.pbkdf2Iterations = pbkdf2Iterations
    }

    /// scrypt with N = 2^17, r = 8, p = 1 (128 MiB, OWASP's first choice).
    public static let recommended = PasswordHashParameters(algorithm: .scrypt)

    /// PBKDF2-HMAC-SHA256 with 600 000 iterations (OWASP 2023).
    public static let pbkdf2Recommended = PasswordHashParameters(algorithm: .pbkdf2SHA256)

    /// Lowest accepted scrypt log2(N); below it the hash protects almost nothing.
    public static let minimumScryptLogN: UInt8 = 10
    /// Highest accepted scrypt r and p: larger values only multiply cost without adding strength.
    public static let maximumScryptRP: UInt32 = 64
    /// Lowest accepted PBKDF2 iteration count.
    public static let minimumPBKDF2Iterations: UInt32 = 1_000
    /// Highest accepted PBKDF2 iteration count (about 10 s of work: a stored hash must never
    /// tie up a thread for longer).
    public static let maximumPBKDF2Iterations: UInt32 = 10_000_000

    /// Refuses parameters below the floor or above what the service can afford per sign-in.
    ///
    /// The floor (scrypt log2 N ≥ 10, r ≥ 1, p ≥ 1; PBKDF2 ≥ 1 000 iterations) exists for tests;
    /// the ceiling (scrypt memory ≤ 1 GiB, r and p ≤ 64; PBKDF2 ≤ 10 million) bounds the work a
    /// stored hash can demand.
    public func validate() throws {
        switch algorithm {
        case .scrypt:
            guard scryptLogN >= Self.minimumScryptLogN else {
                throw CryptoError(.invalidParameters, "scrypt log2(N) \(scryptLogN) is below the minimum \(Self.minimumScryptLogN)")
            }
            guard (1...Self.maximumScryptRP).contains(scryptR), (1...Self.maximumScryptRP).contains(scryptP) else {
                throw CryptoError(.invalidParameters, "scrypt r = \(scryptR) and p = \(scryptP) must each be 1...\(Self.maximumScryptRP)")
            }
            guard let memory = KeyDerivation.scryptMemory(logN: scryptLogN, r: scryptR, p: scryptP),
                  memory <= KeyDerivation.scryptMemoryLimit else {
                throw CryptoError(.invalidParameters, "scrypt log2(N) = \(scryptLogN), r = \(scryptR), p = \(scryptP) needs more than 1 GiB")
            }
        case .pbkdf2SHA256:
            guard (Self.minimumPBKDF2Iterations...Self.maximumPBKDF2Iterations).contains(pbkdf2Iterations) else {
                throw CryptoError(.invalidParameters,
                                  "PBKDF2 iterations \(pbkdf2Iterations) must be \(Self.minimumPBKDF2Iterations)...\(Self.maximumPBKDF2Iterations)")
            }
        }
    }

    /// Whether these parameters are at least as strong as the recommended ones for the algorithm.
    public var meetsRecommendedStrength: Bool {
        switch algorithm {
        case .scrypt:
            scryptLogN >= Self.recommended.scryptLogN && scryptR >= Self.recommended.scryptR && scryptP >= 1
        case .pbkdf2SHA256:
            pbkdf2Iterations >= Self.pbkdf2Recommended.pbkdf2Iterations
        }
    }
}
