import Foundation
import KinerjaCrypto
import KinerjaProto

/// Access-token parsing and verification.
///
/// Input: one mode byte, then
/// - mode even: a token string. A verifier with a cache and one without must agree (same claims
///   or same error), a second presentation (served from the cache) must give the same answer, and
///   an accepted token must hold claims that pass every documented rule.
/// - mode odd: `AccessTokenClaims` bytes. When they decode and sign, the token must verify to
///   exactly the signed claims or be refused by both verifiers alike; the token with one character
///   changed (at a place chosen by the input) must be refused.
enum TokenFuzz {
    static let keyID = "fuzz-key-1"
    static let privateKey = try! Ed25519PrivateKey(rawRepresentation: [UInt8](repeating: 0x4B, count: 32))
    static let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-12
    static let key = VerificationKey(keyID: keyID, publicKey: privateKey.publicKey,
                                     notBefore: now.addingTimeInterval(-86_400), notAfter: now.addingTimeInterval(86_400))
    static let audience = "reporting"

    /// Claims valid for ``audience`` at ``now`` (the seed).
    static func claims() -> Identity.AccessTokenClaims {
        var claims = Identity.AccessTokenClaims()
        claims.issuer = AccessTokenVerifier.issuer
        claims.subject = "198503152010011002"
        claims.audience = [audience, "planning"]
        claims.issuedAt = Common.Timestamp(now.addingTimeInterval(-60))
        claims.notBefore = Common.Timestamp(now.addingTimeInterval(-60))
        claims.expiresAt = Common.Timestamp(now.addingTimeInterval(600))
        claims.tokenID = "t-0001"
        claims.sessionID = "s-0001"
        claims.roles = [Identity.RoleClaim(role: Common.Role(rawValue: 1), scopeUnitIDs: ["KPG.DINKES"], includeSubunits: true)]
        claims.unitID = "KPG.DINKES"
        return claims
    }

    static func run(_ data: [UInt8]) throws(FuzzFailure) {
        guard let mode = data.first else { return }
        let rest = Array(data.dropFirst())
        if mode & 1 == 0 {
            try verify(String(decoding: rest, as: UTF8.self))
        } else {
            try signAndVerify(rest, tamperAt: Int(mode >> 1))
        }
    }

    static func outcome(_ verifier: AccessTokenVerifier, _ token: String) -> Result<Identity.AccessTokenClaims, TokenError> {
        do throws(TokenError) {
            return .success(try verifier.verify(token, audience: audience, now: now))
        } catch {
            return .failure(error)
        }
    }

    @discardableResult
    static func verify(_ token: String) throws(FuzzFailure) -> Result<Identity.AccessTokenClaims, TokenError> {
        let cached = AccessTokenVerifier(keys: [key], cacheCapacity: 4)
        let uncached = AccessTokenVerifier(keys: [key], cacheCapacity: 0)
        let first = outcome(cached, token)
        try check(outcome(uncached, token) == first, "the verifiers with and without a cache disagree")
        try check(outcome(cached, token) == first, "the token verified differently from the cache")
        if case .success(let claims) = first {
            try check(claims.keyID == keyID && claims.issuer == AccessTokenVerifier.issuer, "accepted with key id \(claims.keyID), issuer \(claims.issuer)")
            try check(claims.audience.contains(audience) || claims.audience.contains(AccessTokenVerifier.allServicesAudience), "accepted for another audience")
            try check(token.utf8.count <= AccessTokenFormat.maximumLength, "accepted a token over the length limit")
            guard let bytes = Base64URL.decode(token) else { throw FuzzFailure("accepted a token that is not base64url") }
            try check(Base64URL.encode(bytes) == token, "accepted a non-canonical encoding")
            guard let issued = claims.issuedAt?.date, let expires = claims.expiresAt?.date else { throw FuzzFailure("accepted without times") }
            try check(expires >= issued && expires.timeIntervalSince(issued) <= 15 * 60, "accepted a lifetime of \(expires.timeIntervalSince(issued)) s")
            try check(now < expires.addingTimeInterval(60), "accepted an expired token")
        }
        return first
    }

    static func signAndVerify(_ claimBytes: [UInt8], tamperAt: Int) throws(FuzzFailure) {
        guard let claims = try? Identity.AccessTokenClaims(serializedBytes: claimBytes) else { return }
        let signer = AccessTokenSigner(keyID: keyID, privateKey: privateKey)
        guard let token = try? signer.sign(claims) else { return }
        var signed = claims
        signed.keyID = keyID
        if case .success(let verified) = try verify(token) {
            try check(verified == signed, "the verified claims differ from the signed ones")
        }
        guard !token.isEmpty else { return }
        var characters = Array(token.utf8)
        let position = tamperAt % characters.count
        characters[position] = characters[position] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        let tampered = String(decoding: characters, as: UTF8.self)
        if case .success = try verify(tampered) {
            throw FuzzFailure("a token with character \(position) changed was accepted")
        }
    }
}
