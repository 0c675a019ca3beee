internal import Foundation

/// Hashes passwords for storage and checks them at sign-in.
///
/// Stored format (PHC string style, salt and hash in unpadded base64url, 16-byte random salt,
/// 32-byte output):
///
/// ```
/// $scrypt$ln=17,r=8,p=1$<salt>$<hash>       scrypt, N = 2^ln (EVP_PBE_scrypt)
/// $pbkdf2-sha256$i=600000$<salt>$<hash>     PBKDF2-HMAC-SHA256 (PKCS5_PBKDF2_HMAC)
/// ```
///
/// The parameters travel with each hash, so raising them later only needs ``needsRehash(_:)``
/// at the next successful sign-in. Passwords are normalised to Unicode NFKC before hashing
/// (NIST SP 800-63B §5.1.1.2), so the same password typed on different keyboards matches.
public struct PasswordHasher: Sendable {
    /// Length of the random salt of a new hash, in bytes.
    public static let saltByteCount = 16
    /// Length of the derived hash, in bytes.
    public static let hashByteCount = 32

    /// Parameters used for new hashes.
    public let parameters: PasswordHashParameters

    /// A hasher producing hashes with `parameters` (validated when hashing).
    public init(parameters: PasswordHashParameters) {
        self.parameters = parameters
    }

    /// The storable hash of `password`, with a fresh random salt.
    ///
    /// Throws when the parameters fail ``PasswordHashParameters/validate()``.
    public func hash(_ password: String) throws -> String {
        try parameters.validate()
        let salt = SecureRandom.bytes(Self.saltByteCount)
        let hash = try Self.derive(password, salt: salt, parameters: parameters, length: Self.hashByteCount)
        return EncodedPasswordHash(parameters: parameters, salt: salt, hash: hash).encoded
    }

    /// Whether `password` matches the stored hash `encoded`.
    ///
    /// Never throws: a malformed, unknown or out-of-range encoding is simply no match. The final
    /// comparison is constant-time.
    public static func verify(_ password: String, against encoded: String) -> Bool {
        guard let stored = EncodedPasswordHash(parsing: encoded),
              (try? stored.parameters.validate()) != nil,
              let candidate = try? derive(password, salt: stored.salt, parameters: stored.parameters, length: stored.hash.count)
        else { return false }
        return ConstantTime.equals(candidate, stored.hash)
    }

    /// Whether `encoded` should be replaced by a fresh hash made with this hasher's parameters.
    ///
    /// True when the algorithm, its cost parameters, or the salt or hash length differ (weaker
    /// or stronger), and for anything unparseable. Call after a successful ``verify(_:against:)``.
    public func needsRehash(_ encoded: String) -> Bool {
        guard let stored = EncodedPasswordHash(parsing: encoded) else { return true }
        guard stored.parameters.algorithm == parameters.algorithm,
              stored.salt.count == Self.saltByteCount,
              stored.hash.count == Self.hashByteCount else { return true }
        switch parameters.algorithm {
        case .scrypt:
            return stored.parameters.scryptLogN != parameters.scryptLogN
                || stored.parameters.scryptR != parameters.scryptR
                || stored.parameters.scryptP != parameters.scryptP
        case .pbkdf2SHA256:
            return stored.parameters.pbkdf2Iterations != parameters.pbkdf2Iterations
        }
    }

    private static func derive(_ password: String, salt: [UInt8], parameters: PasswordHashParameters, length: Int) throws -> [UInt8] {
        let bytes = Array(password.precomposedStringWithCompatibilityMapping.utf8)
        switch parameters.algorithm {
        case .scrypt:
            return try KeyDerivation.scrypt(password: bytes, salt: salt, logN: parameters.scryptLogN,
                                            r: parameters.scryptR, p: parameters.scryptP, length: length)
        case .pbkdf2SHA256:
            return try KeyDerivation.pbkdf2SHA256(password: bytes, salt: salt,
                                                  iterations: parameters.pbkdf2Iterations, length: length)
        }
    }
}
