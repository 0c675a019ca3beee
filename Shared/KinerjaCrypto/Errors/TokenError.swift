public import KinerjaProto

/// Why an access token was refused; each case is a distinct, audited rejection.
///
/// Every case maps to UNAUTHENTICATED at the service boundary. ``unknownKey(keyID:)`` is the one
/// a caller may recover from: refresh the published key set and verify again.
public enum TokenError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not a token at all: too long, not base64url, not a SignedAccessToken, or required fields
    /// missing; `reason` says which.
    case malformed(reason: String)
    /// Signed by a key id this verifier does not hold (yet).
    case unknownKey(keyID: String)
    /// The envelope names one key id and the signed claims another.
    case keyIDMismatch
    /// The signature does not verify under the named key: the token was altered or forged.
    case badSignature
    /// The claims were issued by someone other than the identity service.
    case wrongIssuer
    /// None of the token's audiences is this service or `kinerja`.
    case wrongAudience
    /// The expiry, plus the allowed clock skew, has passed.
    case expired
    /// Issued or valid from an instant further in the future than the allowed clock skew.
    case notYetValid
    /// Expiry is more than the maximum lifetime after issue.
    case lifetimeTooLong
    /// Issued outside the signing key's validity window, or the key itself has expired.
    case keyNotValidAt
    /// The subject is not an 18-digit NIP.
    case missingSubject

    /// A sentence for logs and audit records; never includes token bytes.
    public var message: String {
        switch self {
        case .malformed(let reason): "the access token is malformed: \(reason)"
        case .unknownKey(let keyID): "the access token was signed by unknown key \"\(keyID)\""
        case .keyIDMismatch: "the access token envelope and its claims name different signing keys"
        case .badSignature: "the access token signature does not verify"
        case .wrongIssuer: "the access token was not issued by the identity service"
        case .wrongAudience: "the access token is not meant for this service"
        case .expired: "the access token has expired"
        case .notYetValid: "the access token is not valid yet"
        case .lifetimeTooLong: "the access token lives longer than the 15-minute maximum"
        case .keyNotValidAt: "the access token was issued outside its signing key's validity window"
        case .missingSubject: "the access token subject is neither an 18-digit NIP nor a non-ASN identifier"
        }
    }

    public var description: String { "TokenError: \(message)" }
}

extension TokenError: RPCStatusConvertible {
    /// The `ErrorInfo` reason, so a client tells an expired token (refresh it) from a bad one (sign in).
    public var reason: String {
        switch self {
        case .expired: "TOKEN_EXPIRED"
        case .notYetValid: "TOKEN_NOT_YET_VALID"
        case .wrongAudience: "TOKEN_WRONG_AUDIENCE"
        case .unknownKey, .keyNotValidAt: "TOKEN_KEY_UNKNOWN"
        case .malformed, .keyIDMismatch, .badSignature, .wrongIssuer, .lifetimeTooLong, .missingSubject: "TOKEN_INVALID"
        }
    }

    /// UNAUTHENTICATED with the reason.
    public var rpcStatus: RPCError? { RPCError(.unauthenticated, "access token rejected: \(description)", reason: reason) }
}
