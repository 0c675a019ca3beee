public import KinerjaProto

/// Issues access tokens with the identity service's active signing key.
public struct AccessTokenSigner: Sendable {
    /// Id of the signing key, written into every token.
    public let keyID: String
    private let privateKey: Ed25519PrivateKey

    /// A signer for the key published as `keyID`.
    public init(keyID: String, privateKey: Ed25519PrivateKey) {
        self.keyID = keyID
        self.privateKey = privateKey
    }

    /// The public key verifiers need, to publish as `SigningKey.public_key`.
    public var publicKey: Ed25519PublicKey { privateKey.publicKey }

    /// The token string for `claims`, with `claims.keyID` set to this signer's key id.
    ///
    /// The claims are signed exactly as given otherwise; the caller sets issuer, audience and
    /// times. Throws when the key id breaks the `SigningKey.key_id` rule, a string holds NUL, or
    /// the token would exceed ``AccessTokenFormat/maximumLength`` (verifiers would refuse it).
    public func sign(_ claims: Identity.AccessTokenClaims) throws -> String {
        guard AccessTokenFormat.isValidKeyID(keyID) else {
            throw CryptoError(.invalidParameters, "signing key id \"\(keyID)\" is not 1–64 characters of A–Z, a–z, 0–9, '-', '_'")
        }
        var claims = claims
        claims.keyID = keyID
        let claimBytes: [UInt8]
        let envelopeBytes: [UInt8]
        do {
            claimBytes = try claims.serializedBytes()
            let signature = try privateKey.signature(for: AccessTokenFormat.signedBytes(claims: claimBytes))
            envelopeBytes = try Identity.SignedAccessToken(claims: claimBytes, keyID: keyID, signature: signature)
                .serializedBytes()
        } catch let error as ProtoError {
            throw CryptoError(.invalidInput, "the access token claims cannot be encoded: \(error)")
        }
        let token = Base64URL.encode(envelopeBytes)
        guard token.utf8.count <= AccessTokenFormat.maximumLength else {
            throw CryptoError(.invalidInput,
                              "the access token would be \(token.utf8.count) characters, over the \(AccessTokenFormat.maximumLength) limit")
        }
        return token
    }
}
