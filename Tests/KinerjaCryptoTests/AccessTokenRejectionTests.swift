import Foundation
import KinerjaCrypto
import KinerjaProto
import Testing

@Suite("Access tokens: every rejection")
struct AccessTokenRejectionTests {
    @Test("one flipped byte in the signed claims is a bad signature")
    func flippedClaimsByte() throws {
        let fixture = try TokenFixture()
        var envelope = try TokenFixture.envelope(fixture.signer.sign(TokenFixture.claims()))
        envelope.claims[envelope.claims.count / 2] ^= 0x01
        #expect(fixture.rejection(try TokenFixture.encode(envelope)) == .badSignature)
    }

    @Test("one flipped byte in the signature is a bad signature")
    func flippedSignatureByte() throws {
        let fixture = try TokenFixture()
        var envelope = try TokenFixture.envelope(fixture.signer.sign(TokenFixture.claims()))
        envelope.signature[10] ^= 0x40
        #expect(fixture.rejection(try TokenFixture.encode(envelope)) == .badSignature)
    }

    @Test("a token signed by another key under the same key id is a bad signature")
    func forgedWithOtherKey() throws {
        let fixture = try TokenFixture()
        let forger = AccessTokenSigner(keyID: TokenFixture.keyID, privateKey: Ed25519PrivateKey())
        #expect(fixture.rejection(try forger.sign(TokenFixture.claims())) == .badSignature)
    }

    @Test("a token past expires_at plus the clock skew has expired")
    func expired() throws {
        let fixture = try TokenFixture()
        let token = try fixture.signer.sign(TokenFixture.claims(issuedAt: TokenFixture.now.addingTimeInterval(-700), lifetime: 600))
        #expect(fixture.rejection(token) == .expired)
    }

    @Test("a token issued more than the clock skew in the future is not yet valid")
    func issuedInFuture() throws {
        let fixture = try TokenFixture()
        let token = try fixture.signer.sign(TokenFixture.claims(issuedAt: TokenFixture.now.addingTimeInterval(120)))
        #expect(fixture.rejection(token) == .notYetValid)
    }

    @Test("a not_before more than the clock skew in the future is not yet valid")
    func notBeforeInFuture() throws {
        let fixture = try TokenFixture()
        var claims = TokenFixture.claims()
        claims.notBefore = Common.Timestamp(TokenFixture.now.addingTimeInterval(300))
        #expect(fixture.rejection(try fixture.signer.sign(claims)) == .notYetValid)
    }

    @Test("a token for another service is the wrong audience")
    func wrongAudience() throws {
        let fixture = try TokenFixture()
        let token = try fixture.signer.sign(TokenFixture.claims())
        #expect(fixture.rejection(token, audience: "kinerja.evaluation.v1.EvaluationService") == .wrongAudience)
    }

    @Test("a token with no audience at all is the wrong audience")
    func emptyAudience() throws {
        let fixture = try TokenFixture()
        var claims = TokenFixture.claims()
        claims.audience = []
        #expect(fixture.rejection(try fixture.signer.sign(claims)) == .wrongAudience)
    }

    @Test("a key id the verifier does not hold is an unknown key, named in the error")
    func unknownKey() throws {
        let fixture = try TokenFixture()
        let other = AccessTokenSigner(keyID: "2026-01-b", privateKey: fixture.privateKey)
        #expect(fixture.rejection(try other.sign(TokenFixture.claims())) == .unknownKey(keyID: "2026-01-b"))
    }

    @Test("envelope and claims naming different key ids is a key-id mismatch")
    func keyIDMismatch() throws {
        let fixture = try TokenFixture()
        var claims = TokenFixture.claims()
        claims.keyID = "2026-01-b"
        let token = try fixture.handMade(claims: claims, envelopeKeyID: TokenFixture.keyID)
        #expect(fixture.rejection(token) == .keyIDMismatch)
    }

    @Test("expiry more than 15 minutes after issue is a lifetime too long")
    func lifetimeTooLong() throws {
        let fixture = try TokenFixture()
        let token = try fixture.signer.sign(TokenFixture.claims(lifetime: 901))
        #expect(fixture.rejection(token) == .lifetimeTooLong)
    }

    @Test("a token from another issuer is refused")
    func wrongIssuer() throws {
        let fixture = try TokenFixture()
        var claims = TokenFixture.claims()
        claims.issuer = "spiffe://kinerja.kupangkota.go.id/service/planning"
        #expect(fixture.rejection(try fixture.signer.sign(claims)) == .wrongIssuer)
    }

    @Test("a subject that is not 18 digits is a missing subject", arguments: ["", "19850330201001100", "1985033020100110021", "19850330201001100x", "１９８５０３３０２０１００１１００２"])
    func missingSubject(subject: String) throws {
        let fixture = try TokenFixture()
        var claims = TokenFixture.claims()
        claims.subject = subject
        #expect(fixture.rejection(try fixture.signer.sign(claims)) == .missingSubject)
    }

    @Test("a token issued before the key's not_before is outside the key's window")
    func issuedBeforeKeyWindow() throws {
        let fixture = try TokenFixture()
        var key = fixture.key
        key.notBefore = TokenFixture.now
        let verifier = AccessTokenVerifier(keys: [key])
        let token = try fixture.signer.sign(TokenFixture.claims())
        #expect(throws: TokenError.keyNotValidAt) { try verifier.verify(token, audience: TokenFixture.audience, now: TokenFixture.now) }
    }

    @Test("once the key's not_after has passed, its tokens are refused even before they expire")
    func keyExpired() throws {
        let fixture = try TokenFixture()
        var key = fixture.key
        key.notAfter = TokenFixture.now.addingTimeInterval(-61)
        let verifier = AccessTokenVerifier(keys: [key])
        let token = try fixture.signer.sign(TokenFixture.claims(issuedAt: TokenFixture.now.addingTimeInterval(-120)))
        #expect(throws: TokenError.keyNotValidAt) { try verifier.verify(token, audience: TokenFixture.audience, now: TokenFixture.now) }
    }

    @Test("strings that are not tokens are malformed", arguments: [
        "", "Bearer abc", "not a token", "====", "YWJj+/==", "AAAA", "////", "\u{0}", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln",
    ])
    func garbage(token: String) throws {
        let fixture = try TokenFixture()
        guard case .malformed = fixture.rejection(token) else {
            Issue.record("\"\(token)\" was not refused as malformed")
            return
        }
    }

    @Test("a 5000-character string is refused as malformed before decoding")
    func tooLong() throws {
        let fixture = try TokenFixture()
        let token = String(repeating: "A", count: 5000)
        #expect(fixture.rejection(token) == .malformed(reason: "longer than 4096 characters"))
    }

    @Test("a valid token with one character appended or its padding added is malformed")
    func alteredText() throws {
        let fixture = try TokenFixture()
        let token = try fixture.signer.sign(TokenFixture.claims())
        for altered in [token + "=", token + "==", token + " ", " " + token] {
            guard case .malformed = fixture.rejection(altered) else {
                Issue.record("altered token was not refused as malformed")
                continue
            }
        }
    }

    @Test("an envelope missing its claims, its key id, or with a 63-byte signature is malformed")
    func incompleteEnvelope() throws {
        let fixture = try TokenFixture()
        let envelope = try TokenFixture.envelope(fixture.signer.sign(TokenFixture.claims()))
        var noClaims = envelope
        noClaims.claims = []
        var noKeyID = envelope
        noKeyID.keyID = ""
        var shortSignature = envelope
        shortSignature.signature.removeLast()
        for broken in [noClaims, noKeyID, shortSignature] {
            guard case .malformed = fixture.rejection(try TokenFixture.encode(broken)) else {
                Issue.record("incomplete envelope was not refused as malformed")
                continue
            }
        }
    }

    @Test("signed claims missing a time, or expiring before issue, are malformed")
    func missingTimes() throws {
        let fixture = try TokenFixture()
        var noExpiry = TokenFixture.claims()
        noExpiry.expiresAt = nil
        var noIssue = TokenFixture.claims()
        noIssue.issuedAt = nil
        var noNotBefore = TokenFixture.claims()
        noNotBefore.notBefore = nil
        var backwards = TokenFixture.claims()
        backwards.expiresAt = Common.Timestamp(TokenFixture.now.addingTimeInterval(-90))
        for claims in [noExpiry, noIssue, noNotBefore, backwards] {
            guard case .malformed = fixture.rejection(try fixture.signer.sign(claims)) else {
                Issue.record("claims without consistent times were not refused as malformed")
                continue
            }
        }
    }

    @Test("signed bytes that are not AccessTokenClaims are malformed, after the signature checks out")
    func signedGarbageClaims() throws {
        let fixture = try TokenFixture()
        let claimBytes: [UInt8] = [0xFF, 0xFF, 0xFF]
        let signature = try fixture.privateKey.signature(for: AccessTokenFormat.signedBytes(claims: claimBytes))
        let token = try TokenFixture.encode(Identity.SignedAccessToken(claims: claimBytes, keyID: TokenFixture.keyID, signature: signature))
        guard case .malformed = fixture.rejection(token) else {
            Issue.record("garbage claims were not refused as malformed")
            return
        }
    }

    @Test("every rejection reads as a sentence for the audit log")
    func messages() {
        let all: [TokenError] = [.malformed(reason: "x"), .unknownKey(keyID: "k"), .keyIDMismatch, .badSignature, .wrongIssuer,
                                 .wrongAudience, .expired, .notYetValid, .lifetimeTooLong, .keyNotValidAt, .missingSubject]
        #expect(Set(all.map(\.description)).count == all.count)
        #expect(all.allSatisfy { $0.description.hasPrefix("TokenError: the access token") })
    }
}
