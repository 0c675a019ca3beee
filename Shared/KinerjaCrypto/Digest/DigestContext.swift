import COpenSSL

/// An `EVP_MD_CTX` owned by one ``SHA256Hasher`` value, freed with it.
final class DigestContext: @unchecked Sendable {
    // Only mutated through a uniquely referenced SHA256Hasher (copy-on-write), so no two threads
    // ever touch the same context.
    let pointer: OpaquePointer

    /// A fresh context initialised for SHA-256.
    init() {
        guard let context = EVP_MD_CTX_new() else {
            preconditionFailure("EVP_MD_CTX_new failed: out of memory")
        }
        pointer = context
        reset()
    }

    private init(copying other: DigestContext) {
        guard let context = EVP_MD_CTX_new(), EVP_MD_CTX_copy_ex(context, other.pointer) == 1 else {
            preconditionFailure("EVP_MD_CTX_copy_ex failed: \(OpenSSLErrorQueue.drain())")
        }
        pointer = context
    }

    deinit { EVP_MD_CTX_free(pointer) }

    /// An independent context holding the same intermediate state.
    func copy() -> DigestContext { DigestContext(copying: self) }

    /// Starts a new digest, forgetting any bytes fed so far.
    func reset() {
        precondition(EVP_DigestInit_ex2(pointer, DigestAlgorithms.sha256, nil) == 1,
                     "EVP_DigestInit_ex2(SHA256) failed: \(OpenSSLErrorQueue.drain())")
    }

    /// Feeds bytes into the digest.
    func update(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard buffer.count > 0 else { return }
        precondition(EVP_DigestUpdate(pointer, buffer.baseAddress, buffer.count) == 1,
                     "EVP_DigestUpdate failed: \(OpenSSLErrorQueue.drain())")
    }

    /// The digest of every byte fed since the last reset.
    func final() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: SHA256.byteCount) { output, count in
            var length: UInt32 = 0
            precondition(EVP_DigestFinal_ex(pointer, output.baseAddress, &length) == 1
                         && length == UInt32(SHA256.byteCount),
                         "EVP_DigestFinal_ex failed: \(OpenSSLErrorQueue.drain())")
            count = SHA256.byteCount
        }
    }
}
