import COpenSSL

/// Message digests fetched from the default provider once per process.
///
/// `EVP_sha256()` would make OpenSSL 3 look the implementation up again on every call; an
/// explicitly fetched `EVP_MD` skips that. The fetched object is immutable and safe to share
/// between threads, and lives as long as the process.
enum DigestAlgorithms {
    nonisolated(unsafe) static let sha256: OpaquePointer = {
        guard let md = EVP_MD_fetch(nil, "SHA256", nil) else {
            preconditionFailure("OpenSSL has no SHA256 in its default provider: \(OpenSSLErrorQueue.drain())")
        }
        return md
    }()
}
