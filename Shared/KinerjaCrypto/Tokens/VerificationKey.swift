public import Foundation
public import KinerjaProto

/// A published token-signing public key and the window in which it may have signed tokens.
public struct VerificationKey: Sendable, Hashable {
    /// Key id, matched against `SignedAccessToken.key_id`.
    public var keyID: String
    /// The Ed25519 public key.
    public var publicKey: Ed25519PublicKey
    /// Tokens issued before this instant are refused.
    public var notBefore: Date
    /// Tokens issued after this instant are refused, and all of the key's tokens stop being
    /// accepted once it has passed.
    public var notAfter: Date

    /// A key from its parts.
    public init(keyID: String, publicKey: Ed25519PublicKey, notBefore: Date, notAfter: Date) {
        self.keyID = keyID
        self.publicKey = publicKey
        self.notBefore = notBefore
        self.notAfter = notAfter
    }

    /// The key as published by the identity service.
    ///
    /// Throws unless the algorithm is `Ed25519`, the key id follows the `SigningKey.key_id`
    /// rule, the public key is 32 bytes and both window ends are present, valid and in order.
    public init(_ key: Identity.SigningKey) throws {
        guard key.algorithm == "Ed25519" else {
            throw CryptoError(.invalidKey, "signing key \"\(key.keyID)\" uses algorithm \"\(key.algorithm)\", not Ed25519")
        }
        guard AccessTokenFormat.isValidKeyID(key.keyID) else {
            throw CryptoError(.invalidKey, "signing key id \"\(key.keyID)\" is not 1–64 characters of A–Z, a–z, 0–9, '-', '_'")
        }
        guard let notBefore = key.notBefore, let notAfter = key.notAfter,
              notBefore.isValid, notAfter.isValid, notBefore.date <= notAfter.date else {
            throw CryptoError(.invalidKey, "signing key \"\(key.keyID)\" has a missing or inverted validity window")
        }
        self.init(keyID: key.keyID, publicKey: try Ed25519PublicKey(rawRepresentation: key.publicKey),
                  notBefore: notBefore.date, notAfter: notAfter.date)
    }
}
