import COpenSSL

/// SHA-256 (FIPS 180-4) through OpenSSL.
public enum SHA256 {
    /// Length of a digest in bytes.
    public static let byteCount = 32

    /// The 32-byte SHA-256 digest of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        let oneShot: [UInt8]? = bytes.withContiguousStorageIfAvailable { buffer in
            digest(UnsafeRawBufferPointer(buffer))
        }
        if let oneShot { return oneShot }
        var hasher = SHA256Hasher()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// One `EVP_Digest` call over a contiguous buffer.
    private static func digest(_ buffer: UnsafeRawBufferPointer) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: byteCount) { output, count in
            var length: UInt32 = 0
            // A zero-length buffer may have a nil base; OpenSSL reads nothing then.
            let ok = EVP_Digest(buffer.baseAddress, buffer.count, output.baseAddress, &length,
                                DigestAlgorithms.sha256, nil)
            // Hashing in memory fails only when OpenSSL cannot allocate: not input-driven.
            precondition(ok == 1 && length == UInt32(byteCount), "EVP_Digest(SHA256) failed: \(OpenSSLErrorQueue.drain())")
            count = byteCount
        }
    }
}
