/// The first 16 hex digits of a stable hash of `bytes`: the part of an import's idempotency keys
/// that names its content.
// TODO(crypto): SHA-256 (KinerjaCrypto) instead of FNV-1a 64 once KinerjaCrypto lands. FNV is
// stable but not collision resistant; keys are only compared within the caller's own imports.
func importFingerprint(_ bytes: [UInt8]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
}
