import Foundation
import KinerjaCrypto
import KinerjaProto
import Testing

@Suite("Access tokens: the verifier's memory of accepted tokens skips only the signature")
struct VerifiedTokenCacheTests {
    @Test("a token accepted once is refused as expired when presented after its expiry")
    func expiryRecheckedOnHit() throws {
        let fixture = try TokenFixture()
        let token = try fixture.signer.sign(TokenFixture.claims())
        #expect(fixture.rejection(token) == nil)
        #expect(fixture.rejection(token, now: TokenFixture.now.addingTimeInterval(3600)) == .expired)
    }

    @Test("a token accepted for one service is refused for another on the next call")
    func audienceRecheckedOnHit() throws {
        let fixture = try TokenFixture()
        let token = try fixture.signer.sign(TokenFixture.claims())
        #expect(fixture.rejection(token) == nil)
        #expect(fixture.rejection(token, audience: "kinerja.evaluation.v1.EvaluationService") == .wrongAudience)
    }

    @Test("a token accepted once is refused once its key's not_after has passed")
    func keyWindowRecheckedOnHit() throws {
        let fixture = try TokenFixture()
        let token = try fixture.signer.sign(TokenFixture.claims(lifetime: 900))
        #expect(fixture.rejection(token) == nil)
        let later = fixture.key.notAfter.addingTimeInterval(120)
        #expect(fixture.rejection(token, now: later) != nil)
    }

    @Test("altering an accepted token is a bad signature, not a cache hit")
    func alteredAfterAcceptance() throws {
        let fixture = try TokenFixture()
        let token = try fixture.signer.sign(TokenFixture.claims())
        #expect(fixture.rejection(token) == nil)
        var envelope = try TokenFixture.envelope(token)
        envelope.claims[envelope.claims.count - 1] ^= 0x01
        #expect(fixture.rejection(try TokenFixture.encode(envelope)) == .badSignature)
    }

    @Test("a full cache and a disabled cache both keep accepting and refusing correctly")
    func capacityAndDisabled() throws {
        let fixture = try TokenFixture()
        for capacity in [0, 2] {
            let verifier = AccessTokenVerifier(keys: [fixture.key], cacheCapacity: capacity)
            let tokens = try (0..<5).map { offset in
                try fixture.signer.sign(TokenFixture.claims(issuedAt: TokenFixture.now.addingTimeInterval(Double(-offset))))
            }
            for _ in 0..<2 {
                for token in tokens {
                    #expect(throws: Never.self) { try verifier.verify(token, audience: TokenFixture.audience, now: TokenFixture.now) }
                }
            }
            #expect(throws: TokenError.expired) {
                try verifier.verify(tokens[0], audience: TokenFixture.audience, now: TokenFixture.now.addingTimeInterval(3600))
            }
        }
    }

    @Test("many threads verifying the same and different tokens at once all succeed")
    func concurrent() async throws {
        let fixture = try TokenFixture()
        let verifier = fixture.verifier
        let tokens = try (0..<4).map { offset in
            try fixture.signer.sign(TokenFixture.claims(issuedAt: TokenFixture.now.addingTimeInterval(Double(-offset))))
        }
        let accepted = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    (0..<50).filter { round in
                        (try? verifier.verify(tokens[(worker + round) % tokens.count], audience: TokenFixture.audience,
                                              now: TokenFixture.now)) != nil
                    }.count
                }
            }
            return await group.reduce(0, +)
        }
        #expect(accepted == 400)
    }
}
