import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's DRBG, the generator behind `RAND_bytes`.
public enum SecureRandom {
    /// Largest draw per OpenSSL call; bigger requests are filled in pieces.
    private static let chunkSize = 1 << 20

    /// `count` random bytes.
    ///
    /// A failing DRBG (no entropy source) leaves nothing safe to do, and no input can cause it,
    /// so it stops the process rather than hand out predictable keys.
    public static func bytes(_ count: Int) -> [UInt8] {
        precondition(count >= 0, "SecureRandom.bytes needs a non-negative count")
        var output: [UInt8] = []
        output.reserveCapacity(count)
        while output.count < count {
            output.append(contentsOf: draw(min(chunkSize, count - output.count)))
        }
        return output
    }

    /// One draw of 1...chunkSize bytes.
    ///
    /// `openssl/rand.h` is not part of the COpenSSL module (its umbrella headers predate this
    /// module), so `RAND_bytes` is reached through `BN_rand`: it fills its buffer with
    /// `RAND_bytes_ex` on the same public DRBG and, with no top or bottom bit forced and a whole
    /// number of bytes requested, hands those bytes back unchanged through `BN_bn2binpad`.
    private static func draw(_ count: Int) -> [UInt8] {
        guard let number = BN_new() else {
            preconditionFailure("BN_new failed: out of memory")
        }
        defer { BN_clear_free(number) }
        let drawn = BN_rand(number, Int32(count * 8), BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY)
        precondition(drawn == 1, "the OpenSSL DRBG failed: \(OpenSSLErrorQueue.drain())")
        var bytes = [UInt8](repeating: 0, count: count)
        let written = BN_bn2binpad(number, &bytes, Int32(count))
        precondition(written == Int32(count), "BN_bn2binpad failed: \(OpenSSLErrorQueue.drain())")
        return bytes
    }
}
