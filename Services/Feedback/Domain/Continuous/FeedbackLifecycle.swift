public import KinerjaProto

/// The lifecycle of one piece of continuous feedback: GIVEN → ACKNOWLEDGED, once, by the recipient.
///
/// | from | acknowledge (recipient, optional response ≤ 2000) |
/// |---|---|
/// | GIVEN | ACKNOWLEDGED |
/// | ACKNOWLEDGED | refused: FAILED_PRECONDITION `FEEDBACK_ALREADY_ACKNOWLEDGED` |
///
/// The contract has no state field: a feedback item is ACKNOWLEDGED when it carries an
/// `acknowledged` stamp. Feedback is never edited or withdrawn once given (it is a record).
public struct FeedbackLifecycle: Sendable, Hashable {
    /// Where a feedback item is.
    public enum State: Sendable, Hashable {
        /// Given; the recipient has not acknowledged it yet.
        case given
        /// Acknowledged by the recipient (final).
        case acknowledged
    }

    /// The current state.
    public private(set) var state: State
    /// The recipient: the only one who acknowledges.
    public let recipientNIP: String

    /// The lifecycle of a stored item.
    public init(_ feedback: Feedback.ContinuousFeedback) {
        state = feedback.acknowledged == nil ? .given : .acknowledged
        recipientNIP = feedback.recipientNIP
    }

    /// The recipient acknowledges, with an optional response; returns the trimmed response to store.
    ///
    /// Checks run: the response (INVALID_ARGUMENT), the party (PERMISSION_DENIED `NOT_A_PARTY`),
    /// the state (FAILED_PRECONDITION); a refused step changes nothing.
    public mutating func acknowledge(by nip: String, response: String) throws(FeedbackError) -> String {
        let text = try FeedbackText.validated(response, field: "response", maximum: FeedbackLimits.feedbackResponseMaximum)
        guard nip == recipientNIP else {
            throw FeedbackError(.notAParty, "only the recipient acknowledges feedback")
        }
        guard state == .given else {
            throw FeedbackError(.feedbackAlreadyAcknowledged, "the feedback was already acknowledged; a response is given once")
        }
        state = .acknowledged
        return text
    }
}
