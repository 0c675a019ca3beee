public import KinerjaProto

/// One rater's assignment to assess one subject (`AssessmentAssignment`), as a value.
///
/// | from | submit (the rater) | cancel (pengelola kinerja) | round closes |
/// |---|---|---|---|
/// | PENDING | SUBMITTED | CANCELLED | EXPIRED |
/// | SUBMITTED | refused: ALREADY_EXISTS | CANCELLED (the answer stops counting) | stays |
/// | CANCELLED, EXPIRED | refused: FAILED_PRECONDITION | — | stays |
///
/// A submission by anyone but the assigned rater is NOT_FOUND, as if the assignment did not
/// exist: an assignment id reveals nothing to a stranger. Submissions and cancellations need the
/// round to take changes (ACTIVE, before its deadline).
public struct AssignmentLifecycle: Sendable, Hashable {
    /// The current state.
    public private(set) var state: Feedback.AssignmentState
    /// The rater.
    public let raterNIP: String
    /// The relation of the rater to the subject.
    public let relation: Feedback.RaterRelation

    /// The lifecycle of a stored assignment.
    public init(_ assignment: Feedback.AssessmentAssignment) {
        state = assignment.state
        raterNIP = assignment.raterNIP
        relation = assignment.relation
    }

    /// The rater submits.
    ///
    /// - Throws: ``FeedbackError`` `ASSIGNMENT_NOT_FOUND` for another rater,
    ///   `ASSESSMENT_ALREADY_SUBMITTED` (ALREADY_EXISTS), `ROUND_CLOSED`, `ROUND_PAST_DEADLINE` or
    ///   `ASSIGNMENT_NOT_PENDING` (FAILED_PRECONDITION).
    public mutating func submit(by nip: String, round: AssessmentRoundLifecycle, at now: Common.Timestamp) throws(FeedbackError) {
        guard nip == raterNIP else {
            throw FeedbackError(.assignmentNotFound, "no such assignment of yours", field: "assignment_id")
        }
        guard state != .submitted else {
            throw FeedbackError(.assessmentAlreadySubmitted, "you already assessed this colleague in this round; an assessment is given once")
        }
        try round.checkAcceptsChanges(at: now)
        guard state == .pending else {
            throw FeedbackError(.assignmentNotPending, "the assignment is \(state.stateLabel); only a PENDING one can be answered")
        }
        state = .submitted
    }

    /// Pengelola kinerja withdraws the assignment (e.g. a conflict of interest); a submitted answer stops counting.
    ///
    /// - Throws: ``FeedbackError`` `ROUND_CLOSED`, `ROUND_PAST_DEADLINE` or `ASSIGNMENT_NOT_PENDING`.
    public mutating func cancel(round: AssessmentRoundLifecycle, at now: Common.Timestamp) throws(FeedbackError) {
        try round.checkAcceptsChanges(at: now)
        guard state == .pending || state == .submitted else {
            throw FeedbackError(.assignmentNotPending, "the assignment is already \(state.stateLabel)")
        }
        state = .cancelled
    }

    /// The round closed: a PENDING assignment expires. Returns true when it did.
    @discardableResult
    public mutating func expire() -> Bool {
        guard state == .pending else { return false }
        state = .expired
        return true
    }

    /// True when its answer counts in summaries (SUBMITTED).
    public var counts: Bool { state == .submitted }
}
