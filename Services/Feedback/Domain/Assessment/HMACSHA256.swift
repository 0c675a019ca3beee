import KinerjaCrypto

/// HMAC-SHA-256 (RFC 2104, FIPS 198-1) over KinerjaCrypto's SHA-256.
///
/// KinerjaCrypto offers SHA-256 but no HMAC; this is the textbook construction
/// `H((K' ⊕ opad) ‖ H((K' ⊕ ipad) ‖ m))`, checked against RFC 4231's test vectors. It keys
/// pseudonyms and orders, it does not authenticate messages between parties, so no
/// constant-time comparison is offered. (It belongs in KinerjaCrypto once another module needs it.)
package enum HMACSHA256 {
    /// SHA-256's block size in bytes.
    static let blockSize = 64

    /// The 32-byte HMAC-SHA-256 of `message` under `key`.
    package static func authenticationCode(for message: some Sequence<UInt8>, key: some Sequence<UInt8>) -> [UInt8] {
        var block = Array(key)
        if block.count > blockSize { block = SHA256.hash(block) }
        block += [UInt8](repeating: 0, count: blockSize - block.count)
        var inner = SHA256Hasher()
        inner.update(block.map { $0 ^ 0x36 })
        inner.update(message)
        let innerDigest = inner.finalize()
        var outer = SHA256Hasher()
        outer.update(block.map { $0 ^ 0x5C })
        outer.update(innerDigest)
        return outer.finalize()
    }
}

extension Sequence<UInt8> {
    /// Lowercase hexadecimal.
    var lowercaseHex: String {
        let digits = Array("0123456789abcdef")
        var out = ""
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return out
    }
}
