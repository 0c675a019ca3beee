/// An Ed25519 verification key (RFC 8032), held by OpenSSL.
///
/// Equality and hashing look at the 32 raw bytes only. Safe to share between threads.
public struct Ed25519PublicKey: Sendable, Hashable {
    /// Length of an encoded public key in bytes.
    public static let byteCount = 32

    private let bytes: [UInt8]
    private let key: EVPKey

    /// The key whose 32-byte encoding is `rawRepresentation`.
    public init(rawRepresentation: some Collection<UInt8>) throws {
        let bytes = Array(rawRepresentation)
        guard bytes.count == Self.byteCount else {
            throw CryptoError(.invalidKey, "an Ed25519 public key is \(Self.byteCount) bytes, not \(bytes.count)")
        }
        self.key = try bytes.withUnsafeBufferPointer { buffer throws(CryptoError) in
            try EVPKey.ed25519(publicKey: buffer)
        }
        self.bytes = bytes
    }

    /// The 32-byte encoding, as published in `SigningKey.public_key`.
    public var rawRepresentation: [UInt8] { bytes }

    /// Whether `signature` is a valid Ed25519 signature of `message` under this key.
    ///
    /// Anything that is not exactly 64 bytes is simply invalid; nothing here throws, so a caller
    /// cannot mistake a malformed signature for an internal error.
    public func isValidSignature(_ signature: some Collection<UInt8>, for message: some Collection<UInt8>) -> Bool {
        guard signature.count == Ed25519PrivateKey.signatureByteCount else { return false }
        return withContiguousBytes(signature) { signatureBuffer in
            withContiguousBytes(message) { messageBuffer in
                key.verify(signatureBuffer, message: messageBuffer)
            }
        }
    }

    public static func == (lhs: Ed25519PublicKey, rhs: Ed25519PublicKey) -> Bool {
        lhs.bytes == rhs.bytes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(bytes)
    }
}
