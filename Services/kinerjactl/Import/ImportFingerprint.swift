import KinerjaCrypto

/// The first 16 hex digits of the SHA-256 of `bytes`: the part of an import's idempotency keys
/// that names its content.
func importFingerprint(_ bytes: [UInt8]) -> String {
    SHA256.hash(bytes).prefix(8).map { byte in
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }.joined()
}
