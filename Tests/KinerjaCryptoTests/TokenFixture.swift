import Foundation
import KinerjaCrypto
import KinerjaProto

/// A signing key, a verifier that trusts it, and claims that verify at ``now``: each rejection
/// test changes exactly one thing.
struct TokenFixture {
    static let keyID = "2025-11-a"
    static let audience = "kinerja.planning.v1.PlanningService"
    /// 2025-10-09T08:53:20Z.
    static let now = Date(timeIntervalSince1970: 1_760_000_000)

    let privateKey: Ed25519PrivateKey
    let signer: AccessTokenSigner
    let key: VerificationKey
    let verifier: AccessTokenVerifier

    init() throws {
        // RFC 8032 test 1 seed: a fixed key keeps failures reproducible.
        privateKey = try Ed25519PrivateKey(rawRepresentation: Hex.bytes("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
        signer = AccessTokenSigner(keyID: Self.keyID, privateKey: privateKey)
        key = VerificationKey(keyID: Self.keyID, publicKey: privateKey.publicKey,
                              notBefore: Self.now.addingTimeInterval(-86_400), notAfter: Self.now.addingTimeInterval(86_400))
        verifier = AccessTokenVerifier(keys: [key])
    }

    /// Claims issued a minute ago, valid for ten minutes, for the planning service.
    static func claims(issuedAt: Date = now.addingTimeInterval(-60), lifetime: TimeInterval = 600) -> Identity.AccessTokenClaims {
        Identity.AccessTokenClaims(
            issuer: AccessTokenVerifier.issuer,
            subject: "198503302010011002",
            audience: [audience],
            issuedAt: Common.Timestamp(issuedAt),
            notBefore: Common.Timestamp(issuedAt),
            expiresAt: Common.Timestamp(issuedAt.addingTimeInterval(lifetime)),
            tokenID: "01JA0000000000000000000000",
            sessionID: "01JA0000000000000000000001",
            roles: [Identity.RoleClaim(role: .pegawai)],
            unitID: "01JA0000000000000000000002"
        )
    }

    /// A token built by hand around `claims`, so tests can produce envelopes the signer never would.
    func handMade(claims: Identity.AccessTokenClaims, envelopeKeyID: String = keyID) throws -> String {
        let claimBytes = try claims.serializedBytes()
        let signature = try privateKey.signature(for: AccessTokenFormat.signedBytes(claims: claimBytes))
        return try Self.encode(Identity.SignedAccessToken(claims: claimBytes, keyID: envelopeKeyID, signature: signature))
    }

    /// The envelope inside a token string.
    static func envelope(_ token: String) throws -> Identity.SignedAccessToken {
        try Identity.SignedAccessToken(serializedBytes: Base64URL.decode(token) ?? [])
    }

    /// The token string for an envelope.
    static func encode(_ envelope: Identity.SignedAccessToken) throws -> String {
        Base64URL.encode(try envelope.serializedBytes())
    }

    /// What verifying `token` at `now` for the planning service throws, or nil when it passes.
    func rejection(_ token: String, audience: String = audience, now: Date = now) -> TokenError? {
        do {
            _ = try verifier.verify(token, audience: audience, now: now)
            return nil
        } catch {
            return error
        }
    }
}
