import COpenSSL

/// An `EVP_PKEY` shared by every copy of a key value and freed with the last one.
///
/// Parsing raw key bytes costs more than a verification's bookkeeping, so keys are built once.
/// Sharing is safe: the key is never mutated after creation, and each signature or verification
/// uses its own `EVP_MD_CTX`, which OpenSSL documents as thread-safe on a shared const key.
final class EVPKey: @unchecked Sendable {
    let pointer: OpaquePointer

    private init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { EVP_PKEY_free(pointer) }

    /// An Ed25519 private key from its 32-byte seed.
    static func ed25519(seed: UnsafeBufferPointer<UInt8>) throws(CryptoError) -> EVPKey {
        OpenSSLErrorQueue.clear()
        guard let key = EVP_PKEY_new_raw_private_key_ex(nil, "ED25519", nil, seed.baseAddress, seed.count) else {
            throw OpenSSLErrorQueue.error(.invalidKey, "OpenSSL refused the Ed25519 private key")
        }
        return EVPKey(key)
    }

    /// An Ed25519 public key from its 32-byte encoding.
    static func ed25519(publicKey: UnsafeBufferPointer<UInt8>) throws(CryptoError) -> EVPKey {
        OpenSSLErrorQueue.clear()
        guard let key = EVP_PKEY_new_raw_public_key_ex(nil, "ED25519", nil, publicKey.baseAddress, publicKey.count) else {
            throw OpenSSLErrorQueue.error(.invalidKey, "OpenSSL refused the Ed25519 public key")
        }
        return EVPKey(key)
    }

    /// The raw public half (32 bytes for Ed25519).
    func rawPublicKey() throws(CryptoError) -> [UInt8] {
        var length = 0
        guard EVP_PKEY_get_raw_public_key(pointer, nil, &length) == 1 else {
            throw OpenSSLErrorQueue.error(.invalidKey, "OpenSSL cannot export the public key")
        }
        var bytes = [UInt8](repeating: 0, count: length)
        guard EVP_PKEY_get_raw_public_key(pointer, &bytes, &length) == 1 else {
            throw OpenSSLErrorQueue.error(.invalidKey, "OpenSSL cannot export the public key")
        }
        return Array(bytes.prefix(length))
    }

    /// A one-shot EdDSA signature of `message` (Ed25519 signs the whole message, no digest).
    func sign(_ message: UnsafeBufferPointer<UInt8>, signatureLength: Int) throws(CryptoError) -> [UInt8] {
        OpenSSLErrorQueue.clear()
        guard let context = EVP_MD_CTX_new() else {
            throw OpenSSLErrorQueue.error(.openSSLFailure, "EVP_MD_CTX_new failed")
        }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit_ex(context, nil, nil, nil, nil, pointer, nil) == 1 else {
            throw OpenSSLErrorQueue.error(.openSSLFailure, "EVP_DigestSignInit_ex failed")
        }
        var signature = [UInt8](repeating: 0, count: signatureLength)
        var length = signatureLength
        guard EVP_DigestSign(context, &signature, &length, message.baseAddress, message.count) == 1,
              length == signatureLength else {
            throw OpenSSLErrorQueue.error(.openSSLFailure, "EVP_DigestSign failed")
        }
        return signature
    }

    /// Whether `signature` is a valid EdDSA signature of `message` under this key.
    func verify(_ signature: UnsafeBufferPointer<UInt8>, message: UnsafeBufferPointer<UInt8>) -> Bool {
        OpenSSLErrorQueue.clear()
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit_ex(context, nil, nil, nil, nil, pointer, nil) == 1 else {
            OpenSSLErrorQueue.clear()
            return false
        }
        let verified = EVP_DigestVerify(context, signature.baseAddress, signature.count,
                                        message.baseAddress, message.count) == 1
        // A failed verification queues an error; leave nothing behind for the next caller.
        if !verified { OpenSSLErrorQueue.clear() }
        return verified
    }
}
