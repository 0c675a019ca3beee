import Foundation
import KinerjaProto
import Synchronization

/// Token strings whose signature has already verified under one verifier's keys, with their
/// decoded claims.
///
/// Ed25519 verification through OpenSSL costs a few hundred microseconds on the target hardware,
/// while a client sends the same access token with every call for up to 15 minutes. Remembering
/// "these exact bytes carry a valid signature by this key id" skips only the signature check and
/// the claims decoding: every claim check (issuer, subject, audience, times, key window) still
/// runs on each call. Only fully accepted tokens are stored, so an attacker cannot fill the
/// cache without valid tokens; the key set of a verifier never changes, so an entry stays true
/// for the verifier's lifetime.
final class VerifiedTokenCache: Sendable {
    struct Entry: Sendable {
        var keyID: String
        var claims: Identity.AccessTokenClaims
        /// After this instant (expiry plus skew) the entry can never be accepted again.
        var useless: Date
    }

    private let capacity: Int
    private let entries = Mutex<[String: Entry]>([:])

    /// A cache holding at most `capacity` tokens.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The entry for exactly this token string, if it verified before.
    func entry(for token: String) -> Entry? {
        entries.withLock { $0[token] }
    }

    /// Remembers an accepted token; when full, drops expired entries first and everything if
    /// that is not enough (the next calls simply verify again).
    func insert(_ token: String, _ entry: Entry, now: Date) {
        entries.withLock { entries in
            if entries.count >= capacity {
                entries = entries.filter { $0.value.useless > now }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[token] = entry
        }
    }
}
