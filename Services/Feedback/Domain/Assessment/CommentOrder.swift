/// The order rater-stripped comments are shown in: by a keyed hash of the text, never by
/// submission order.
///
/// A list in submission order would let a reader who saw the list before and after a colleague
/// answered, or who knows who answered first, tie a comment to a person. Sorting by
/// HMAC-SHA-256(round key, comment) gives an order that depends on the text only: the same for
/// every reader and every read, unrelated to when or by whom a comment came, and not guessable
/// without the key (so nobody can place a comment where they expect it). Equal hashes (equal
/// texts) keep a deterministic order by the text's scalars.
public struct CommentOrder: Sendable {
    private let key: [UInt8]

    /// An order keyed with a round's own key (at least 32 bytes).
    ///
    /// - Throws: ``FeedbackError`` `SECRET_TOO_SHORT`.
    public init(roundKey: [UInt8]) throws(FeedbackError) {
        guard roundKey.count >= RaterPseudonym.minimumSecretBytes else {
            throw FeedbackError(.secretTooShort, "a comment order key must be at least \(RaterPseudonym.minimumSecretBytes) bytes, got \(roundKey.count)")
        }
        key = roundKey
    }

    /// The order of round `roundID`, keyed by HMAC-SHA-256(deployment secret, "kinerja-feedback/comment-order/v1" ‖ 0 ‖ round id):
    /// a per-round secret the store need not keep.
    ///
    /// - Throws: ``FeedbackError`` `SECRET_TOO_SHORT` for a deployment secret under 32 bytes.
    public init(deploymentSecret: [UInt8], roundID: String) throws(FeedbackError) {
        guard deploymentSecret.count >= RaterPseudonym.minimumSecretBytes else {
            throw FeedbackError(.secretTooShort, "the deployment secret must be at least \(RaterPseudonym.minimumSecretBytes) bytes, got \(deploymentSecret.count)")
        }
        let message = Array("kinerja-feedback/comment-order/v1".utf8) + [0] + Array(roundID.utf8)
        key = HMACSHA256.authenticationCode(for: message, key: deploymentSecret)
    }

    /// `comments` in the keyed order.
    public func ordered(_ comments: [String]) -> [String] {
        comments.map { (HMACSHA256.authenticationCode(for: Array($0.utf8), key: key), $0) }
            .sorted { lhs, rhs in
                lhs.0.lexicographicallyPrecedes(rhs.0) || (lhs.0 == rhs.0 && lhs.1.unicodeScalars.lexicographicallyPrecedes(rhs.1.unicodeScalars))
            }
            .map(\.1)
    }

    /// The sort key of `peer` for `subject` (peer selection at round opening): the same keyed hash.
    func rank(_ subject: String, _ peer: String) -> [UInt8] {
        HMACSHA256.authenticationCode(for: Array(subject.utf8) + [0] + Array(peer.utf8), key: key)
    }
}
