/// An Ed25519 signing key (RFC 8032), held by OpenSSL.
///
/// Safe to share between threads: the OpenSSL key is built once and never mutated.
public struct Ed25519PrivateKey: Sendable {
    /// Length of a seed in bytes.
    public static let seedByteCount = 32
    /// Length of a signature in bytes.
    public static let signatureByteCount = 64

    private let seed: [UInt8]
    private let key: EVPKey
    /// The matching verification key.
    public let publicKey: Ed25519PublicKey

    /// A new key from a fresh random seed.
    public init() {
        let seed = SecureRandom.bytes(Self.seedByteCount)
        do {
            try self.init(rawRepresentation: seed)
        } catch {
            // 32 random bytes are always a valid seed; only a broken OpenSSL can land here.
            preconditionFailure("Ed25519 key generation failed: \(error)")
        }
    }

    /// The key whose 32-byte seed (the RFC 8032 "private key") is `rawRepresentation`.
    public init(rawRepresentation: some Collection<UInt8>) throws {
        let seed = Array(rawRepresentation)
        guard seed.count == Self.seedByteCount else {
            throw CryptoError(.invalidKey, "an Ed25519 private key is \(Self.seedByteCount) bytes, not \(seed.count)")
        }
        let key = try seed.withUnsafeBufferPointer { buffer throws(CryptoError) in try EVPKey.ed25519(seed: buffer) }
        let publicBytes = try key.rawPublicKey()
        self.seed = seed
        self.key = key
        self.publicKey = try Ed25519PublicKey(rawRepresentation: publicBytes)
    }

    /// The 32-byte seed; store it only where secrets belong.
    public var rawRepresentation: [UInt8] { seed }

    /// The 64-byte Ed25519 signature of `message`; deterministic, so equal inputs sign equally.
    public func signature(for message: some Collection<UInt8>) throws -> [UInt8] {
        try withContiguousBytes(message) { buffer in
            try key.sign(buffer, signatureLength: Self.signatureByteCount)
        }
    }
}
