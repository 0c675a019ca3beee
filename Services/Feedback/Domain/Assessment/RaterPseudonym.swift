public import KinerjaProto

/// The keyed pseudonym that stands for a 360° rater in audit entries, so the audit never names
/// who scored whom.
///
/// `rater:` followed by the first 16 hex digits (64 bits) of
/// HMAC-SHA-256(deployment secret, "kinerja-feedback/rater/v1" ‖ 0 ‖ round id ‖ 0 ‖ rater NIP).
/// The same rater has one pseudonym within a round (so the audit shows that one person submitted
/// once, or cancelled and was reassigned) and unrelated pseudonyms across rounds (so rounds cannot
/// be joined). Without the secret — at least 32 bytes, generated once per deployment, kept beside
/// the service's other keys and never in the database — a pseudonym cannot be turned back into a
/// NIP, not even by trying every NIP of the city. Whoever holds the secret and the assignment list
/// can; that is the operator, who could read the database anyway.
public struct RaterPseudonym: Sendable {
    /// Least length of the secret, in bytes.
    public static let minimumSecretBytes = 32
    /// Hex digits kept of the HMAC.
    public static let hexDigits = 16
    /// Prefix that marks a pseudonym in an audit entry's principal.
    public static let prefix = "rater:"

    private let secret: [UInt8]

    /// A pseudonymiser keyed with the deployment's `secret`.
    ///
    /// - Throws: ``FeedbackError`` `SECRET_TOO_SHORT` under 32 bytes.
    public init(secret: [UInt8]) throws(FeedbackError) {
        guard secret.count >= Self.minimumSecretBytes else {
            throw FeedbackError(.secretTooShort, "the rater pseudonym secret must be at least \(Self.minimumSecretBytes) random bytes, got \(secret.count)")
        }
        self.secret = secret
    }

    /// The pseudonym of `raterNIP` in round `roundID`, e.g. `rater:3f9a0c…` (22 characters).
    public func pseudonym(raterNIP: String, roundID: String) -> String {
        let message = Array("kinerja-feedback/rater/v1".utf8) + [0] + Array(roundID.utf8) + [0] + Array(raterNIP.utf8)
        let code = HMACSHA256.authenticationCode(for: message, key: secret)
        return Self.prefix + code.prefix(Self.hexDigits / 2).lowercaseHex
    }

    /// The audit stamp of a rater's act: the pseudonym as principal (kind USER), never the NIP.
    public func auditStamp(raterNIP: String, roundID: String, at: Common.Timestamp) -> Common.AuditStamp {
        Common.AuditStamp(principal: pseudonym(raterNIP: raterNIP, roundID: roundID), principalKind: .user, at: at)
    }
}
