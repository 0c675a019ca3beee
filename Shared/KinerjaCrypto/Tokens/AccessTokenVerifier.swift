public import Foundation
public import KinerjaProto
import KinerjaASN

/// Checks access tokens locally against the identity service's published keys.
///
/// Checks run in this order, and the first failure is the answer: length and encoding, key
/// lookup, signature, envelope/claims key id, issuer, subject, audience, times (lifetime,
/// not-yet-valid, expiry), key window. Nothing from the claims is trusted before the signature
/// has verified.
///
/// Accepted token strings are remembered (up to `cacheCapacity`) so that a token presented again
/// skips the Ed25519 check, which dominates the cost; every claim and time check still runs on
/// each call. Copies of a verifier share its cache; build a new verifier when the key set changes.
public struct AccessTokenVerifier: Sendable {
    /// The only accepted issuer.
    public static let issuer = "spiffe://kinerja.kupangkota.go.id/service/identity"
    /// The audience that stands for every Kinerja service.
    public static let allServicesAudience = "kinerja"
    /// Longest accepted span from issue to expiry.
    public static let maximumLifetime: Duration = .seconds(15 * 60)
    /// How far the verifier's clock may disagree with the identity service's.
    public static let clockSkew: Duration = .seconds(60)

    /// Accepted tokens remembered by default: about 10 MB at typical token sizes, enough for every
    /// signed-in employee of the city at once.
    public static let defaultCacheCapacity = 10_000

    private let keys: [String: VerificationKey]
    private let cache: VerifiedTokenCache?

    /// A verifier trusting `keys`; when two share a key id, the later one wins.
    ///
    /// `cacheCapacity` bounds how many accepted tokens are remembered; 0 verifies every
    /// signature every time.
    public init(keys: [VerificationKey], cacheCapacity: Int = defaultCacheCapacity) {
        self.keys = Dictionary(keys.map { ($0.keyID, $0) }, uniquingKeysWith: { _, later in later })
        self.cache = cacheCapacity > 0 ? VerifiedTokenCache(capacity: cacheCapacity) : nil
    }

    /// The keys this verifier trusts, by key id.
    public var keyIDs: Set<String> { Set(keys.keys) }

    /// The verified claims of `token` when it is valid for `audience` at `now`.
    public func verify(_ token: String, audience: String, now: Date) throws(TokenError) -> Identity.AccessTokenClaims {
        if let cached = cache?.entry(for: token), let key = keys[cached.keyID] {
            try Self.check(cached.claims, envelopeKeyID: cached.keyID, key: key, audience: audience, now: now)
            return cached.claims
        }
        let envelope = try Self.envelope(of: token)
        guard let key = keys[envelope.keyID] else {
            throw .unknownKey(keyID: envelope.keyID)
        }
        guard key.publicKey.isValidSignature(envelope.signature,
                                             for: AccessTokenFormat.signedBytes(claims: envelope.claims)) else {
            throw .badSignature
        }
        let claims: Identity.AccessTokenClaims
        do {
            claims = try Identity.AccessTokenClaims(serializedBytes: envelope.claims)
        } catch {
            throw .malformed(reason: "the signed claims are not an AccessTokenClaims message")
        }
        try Self.check(claims, envelopeKeyID: envelope.keyID, key: key, audience: audience, now: now)
        if let cache, let expiresAt = claims.expiresAt {
            let useless = min(expiresAt.date, key.notAfter).addingTimeInterval(Self.seconds(Self.clockSkew))
            cache.insert(token, .init(keyID: envelope.keyID, claims: claims, useless: useless), now: now)
        }
        return claims
    }

    /// Every check on signed claims; runs on each call, cached or not.
    private static func check(
        _ claims: Identity.AccessTokenClaims, envelopeKeyID: String, key: VerificationKey, audience: String, now: Date
    ) throws(TokenError) {
        guard claims.keyID == envelopeKeyID else { throw .keyIDMismatch }
        guard claims.issuer == issuer else { throw .wrongIssuer }
        // A NIP, or a non-ASN official's identifier (the Kepala Daerah) when the claims say so.
        guard isNIP(claims.subject) || (claims.subjectNonAsn && PersonIdentifier.isNonASN(claims.subject)) else { throw .missingSubject }
        guard claims.audience.contains(where: { $0 == audience || $0 == allServicesAudience }) else {
            throw .wrongAudience
        }
        try checkTimes(claims, key: key, now: now)
    }

    /// The decoded envelope, with every field present and the signature the right length.
    private static func envelope(of token: String) throws(TokenError) -> Identity.SignedAccessToken {
        guard token.utf8.count <= AccessTokenFormat.maximumLength else {
            throw .malformed(reason: "longer than \(AccessTokenFormat.maximumLength) characters")
        }
        guard let bytes = Base64URL.decode(token) else {
            throw .malformed(reason: "not unpadded base64url")
        }
        let envelope: Identity.SignedAccessToken
        do {
            envelope = try Identity.SignedAccessToken(serializedBytes: bytes)
        } catch {
            throw .malformed(reason: "not a SignedAccessToken message")
        }
        guard !envelope.claims.isEmpty, !envelope.keyID.isEmpty else {
            throw .malformed(reason: "claims or key id missing")
        }
        guard envelope.signature.count == Ed25519PrivateKey.signatureByteCount else {
            throw .malformed(reason: "the signature is not \(Ed25519PrivateKey.signatureByteCount) bytes")
        }
        return envelope
    }

    private static func checkTimes(_ claims: Identity.AccessTokenClaims, key: VerificationKey, now: Date) throws(TokenError) {
        guard let issuedAt = claims.issuedAt, let notBefore = claims.notBefore, let expiresAt = claims.expiresAt,
              issuedAt.isValid, notBefore.isValid, expiresAt.isValid else {
            throw .malformed(reason: "issued_at, not_before or expires_at missing or out of range")
        }
        let issued = issuedAt.date, validFrom = notBefore.date, expires = expiresAt.date
        let skew = seconds(clockSkew)
        guard expires >= issued else {
            throw .malformed(reason: "expires_at precedes issued_at")
        }
        guard expires.timeIntervalSince(issued) <= seconds(maximumLifetime) else { throw .lifetimeTooLong }
        guard issued <= now.addingTimeInterval(skew), validFrom <= now.addingTimeInterval(skew) else {
            throw .notYetValid
        }
        guard now < expires.addingTimeInterval(skew) else { throw .expired }
        // The key window is the identity service's own clock against itself: no skew for issue;
        // the verifier's clock against not_after gets the same allowance as expiry.
        guard key.notBefore <= issued, issued <= key.notAfter,
              now < key.notAfter.addingTimeInterval(skew) else { throw .keyNotValidAt }
    }

    /// Whether `subject` is exactly 18 ASCII digits (the shape of a NIP).
    private static func isNIP(_ subject: String) -> Bool {
        subject.utf8.count == 18 && subject.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
