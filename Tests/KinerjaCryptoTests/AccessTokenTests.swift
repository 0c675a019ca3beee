import Foundation
import KinerjaCrypto
import KinerjaProto
import Testing

@Suite("Access tokens: signing and accepting")
struct AccessTokenTests {
    @Test("a signed token verifies and yields the claims, with key_id set by the signer")
    func roundTrip() throws {
        let fixture = try TokenFixture()
        let claims = TokenFixture.claims()
        let token = try fixture.signer.sign(claims)
        let verified = try fixture.verifier.verify(token, audience: TokenFixture.audience, now: TokenFixture.now)
        var expected = claims
        expected.keyID = TokenFixture.keyID
        #expect(verified == expected)
    }

    @Test("the token is unpadded base64url of a SignedAccessToken whose signature covers the label, a zero byte and the claims")
    func wireFormat() throws {
        let fixture = try TokenFixture()
        let token = try fixture.signer.sign(TokenFixture.claims())
        #expect(!token.contains("=") && !token.contains("+") && !token.contains("/"))
        let envelope = try TokenFixture.envelope(token)
        #expect(envelope.keyID == TokenFixture.keyID)
        #expect(envelope.signature.count == 64)
        let signed = Array("kinerja-access-token-v1".utf8) + [0] + envelope.claims
        #expect(fixture.privateKey.publicKey.isValidSignature(envelope.signature, for: signed))
        let claims = try Identity.AccessTokenClaims(serializedBytes: envelope.claims)
        #expect(claims.keyID == TokenFixture.keyID)
    }

    @Test("the audience `kinerja` admits every service")
    func allServicesAudience() throws {
        let fixture = try TokenFixture()
        var claims = TokenFixture.claims()
        claims.audience = ["kinerja"]
        let token = try fixture.signer.sign(claims)
        #expect(fixture.rejection(token, audience: "kinerja.reporting.v1.ReportingService") == nil)
    }

    @Test("any one matching audience among several is enough")
    func oneOfSeveralAudiences() throws {
        let fixture = try TokenFixture()
        var claims = TokenFixture.claims()
        claims.audience = ["kinerja.feedback.v1.FeedbackService", TokenFixture.audience]
        #expect(fixture.rejection(try fixture.signer.sign(claims)) == nil)
    }

    @Test("a token expired less than the 60 s clock skew ago is still accepted")
    func expiryWithinSkew() throws {
        let fixture = try TokenFixture()
        let token = try fixture.signer.sign(TokenFixture.claims(issuedAt: TokenFixture.now.addingTimeInterval(-630), lifetime: 600))
        #expect(fixture.rejection(token) == nil)
    }

    @Test("a token issued up to 60 s in the verifier's future is accepted (clock skew)")
    func issuedWithinSkew() throws {
        let fixture = try TokenFixture()
        let token = try fixture.signer.sign(TokenFixture.claims(issuedAt: TokenFixture.now.addingTimeInterval(50)))
        #expect(fixture.rejection(token) == nil)
    }

    @Test("a lifetime of exactly 15 minutes is accepted")
    func maximumLifetime() throws {
        let fixture = try TokenFixture()
        let token = try fixture.signer.sign(TokenFixture.claims(lifetime: 900))
        #expect(fixture.rejection(token) == nil)
    }

    @Test("a verification key built from a published SigningKey verifies the signer's tokens")
    func keyFromSigningKey() throws {
        let fixture = try TokenFixture()
        let published = Identity.SigningKey(
            keyID: TokenFixture.keyID, algorithm: "Ed25519", publicKey: fixture.signer.publicKey.rawRepresentation,
            notBefore: Common.Timestamp(TokenFixture.now.addingTimeInterval(-3600)),
            notAfter: Common.Timestamp(TokenFixture.now.addingTimeInterval(3600)), state: .active)
        let verifier = AccessTokenVerifier(keys: [try VerificationKey(published)])
        let token = try fixture.signer.sign(TokenFixture.claims())
        #expect(throws: Never.self) { try verifier.verify(token, audience: TokenFixture.audience, now: TokenFixture.now) }
    }

    @Test("a published SigningKey with another algorithm, a short key, a bad id or no window is refused")
    func badSigningKeys() throws {
        let good = Identity.SigningKey(
            keyID: "k1", algorithm: "Ed25519", publicKey: Ed25519PrivateKey().publicKey.rawRepresentation,
            notBefore: Common.Timestamp(seconds: 1_700_000_000), notAfter: Common.Timestamp(seconds: 1_800_000_000))
        #expect(throws: Never.self) { try VerificationKey(good) }
        var algorithm = good
        algorithm.algorithm = "ES256"
        var short = good
        short.publicKey = Array(good.publicKey.prefix(31))
        var badID = good
        badID.keyID = "key id with spaces"
        var noWindow = good
        noWindow.notAfter = nil
        var inverted = good
        inverted.notBefore = Common.Timestamp(seconds: 1_900_000_000)
        for key in [algorithm, short, badID, noWindow, inverted] {
            #expect(throws: CryptoError.self) { try VerificationKey(key) }
        }
    }

    @Test("the signer refuses a key id that breaks the SigningKey.key_id rule")
    func signerKeyIDRule() throws {
        let signer = AccessTokenSigner(keyID: "bad/id", privateKey: Ed25519PrivateKey())
        #expect(throws: CryptoError.self) { try signer.sign(TokenFixture.claims()) }
    }
}
