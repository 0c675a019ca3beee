import COpenSSL

/// The raw password-based key-derivation functions behind ``PasswordHasher``, through OpenSSL.
///
/// No strength floor is applied here (RFC test vectors use tiny costs); ``PasswordHashParameters``
/// decides what is acceptable for passwords. Only the memory and length ceilings are enforced.
public enum KeyDerivation {
    /// Most memory one scrypt computation may take: 1 GiB.
    public static let scryptMemoryLimit: UInt64 = 1 << 30
    /// Longest derived key, in bytes.
    public static let maximumLength = 1024

    /// scrypt (RFC 7914) of `password` and `salt` with N = 2^`logN`, block size `r` and
    /// parallelism `p`, producing `length` bytes (`EVP_PBE_scrypt`).
    public static func scrypt(
        password: some Collection<UInt8>,
        salt: some Collection<UInt8>,
        logN: UInt8,
        r: UInt32,
        p: UInt32,
        length: Int
    ) throws -> [UInt8] {
        guard (1...maximumLength).contains(length) else {
            throw CryptoError(.invalidParameters, "scrypt output length \(length) must be 1...\(maximumLength)")
        }
        guard logN >= 1, logN < 64, r >= 1, p >= 1,
              let memory = scryptMemory(logN: logN, r: r, p: p), memory <= scryptMemoryLimit else {
            throw CryptoError(.invalidParameters, "scrypt log2(N) = \(logN), r = \(r), p = \(p) is out of range or needs more than 1 GiB")
        }
        return try withContiguousBytes(password) { password throws(CryptoError) in
            try withContiguousBytes(salt) { salt throws(CryptoError) in
                OpenSSLErrorQueue.clear()
                var output = [UInt8](repeating: 0, count: length)
                let ok = password.withMemoryRebound(to: CChar.self) { passwordChars in
                    EVP_PBE_scrypt(passwordChars.baseAddress, passwordChars.count, salt.baseAddress, salt.count,
                                   UInt64(1) << UInt64(logN), UInt64(r), UInt64(p),
                                   scryptMemoryLimit, &output, length)
                }
                guard ok == 1 else {
                    throw OpenSSLErrorQueue.error(.openSSLFailure, "EVP_PBE_scrypt failed")
                }
                return output
            }
        }
    }

    /// PBKDF2 (RFC 8018) with HMAC-SHA-256 of `password` and `salt`, producing `length` bytes
    /// (`PKCS5_PBKDF2_HMAC`).
    public static func pbkdf2SHA256(
        password: some Collection<UInt8>,
        salt: some Collection<UInt8>,
        iterations: UInt32,
        length: Int
    ) throws -> [UInt8] {
        guard (1...maximumLength).contains(length) else {
            throw CryptoError(.invalidParameters, "PBKDF2 output length \(length) must be 1...\(maximumLength)")
        }
        guard iterations >= 1, iterations <= UInt32(Int32.max),
              password.count <= Int(Int32.max), salt.count <= Int(Int32.max) else {
            throw CryptoError(.invalidParameters, "PBKDF2 iterations \(iterations) or input lengths are out of range")
        }
        return try withContiguousBytes(password) { password throws(CryptoError) in
            try withContiguousBytes(salt) { salt throws(CryptoError) in
                OpenSSLErrorQueue.clear()
                var output = [UInt8](repeating: 0, count: length)
                let ok = password.withMemoryRebound(to: CChar.self) { passwordChars in
                    PKCS5_PBKDF2_HMAC(passwordChars.baseAddress, Int32(passwordChars.count),
                                      salt.baseAddress, Int32(salt.count), Int32(iterations),
                                      DigestAlgorithms.sha256, Int32(length), &output)
                }
                guard ok == 1 else {
                    throw OpenSSLErrorQueue.error(.openSSLFailure, "PKCS5_PBKDF2_HMAC failed")
                }
                return output
            }
        }
    }

    /// Bytes OpenSSL allocates for scrypt: 128·r·p for B plus 128·r·(N + 2) for V, X and T
    /// (the check in OpenSSL's scrypt implementation), or nil on overflow.
    static func scryptMemory(logN: UInt8, r: UInt32, p: UInt32) -> UInt64? {
        guard logN < 63 else { return nil }
        let n = UInt64(1) << UInt64(logN)
        let (blockBytes, overflowB) = (128 * UInt64(r)).multipliedReportingOverflow(by: UInt64(p))
        let (vectorBytes, overflowV) = (128 * UInt64(r)).multipliedReportingOverflow(by: n + 2)
        let (total, overflowT) = blockBytes.addingReportingOverflow(vectorBytes)
        guard !overflowB, !overflowV, !overflowT else { return nil }
        return total
    }
}
