public import KinerjaProto

/// A 360° BerAKHLAK round (`AssessmentRound`) as a value: opening, its deadline, closing.
///
/// ```
/// OpenAssessmentRound ──▶ ACTIVE ──(CloseAssessmentRound, or the deadline passes)──▶ CLOSED
/// ```
///
/// - Opened by pengelola kinerja for a unit and period with a deadline in the future,
///   `peers_per_subject` 0–10, and the policy's anonymity threshold (never below 3) written into
///   the round, so a later policy change does not alter a running round downwards.
/// - While ACTIVE and before the deadline raters are assigned, cancelled and submit. From the
///   deadline on the round counts as CLOSED even before a job closes it (``effectiveState(at:)``):
///   no submission is accepted after the deadline, so its figures are final.
/// - Closing expires every PENDING assignment (``AssignmentLifecycle/expire()``); a CLOSED round
///   never changes again, which is what makes its summary safe to show (see ``BehaviourSummaryBuilder``).
public struct AssessmentRoundLifecycle: Sendable, Hashable {
    /// The stored state.
    public private(set) var state: Feedback.AssessmentRoundState
    /// The submission deadline.
    public let deadline: Common.Timestamp

    /// The lifecycle of a stored round.
    public init(_ round: Feedback.AssessmentRound) {
        state = round.state
        deadline = round.deadline ?? Common.Timestamp()
    }

    /// The round to store for OpenAssessmentRound: ACTIVE, with the policy's anonymity threshold.
    ///
    /// - Throws: ``FeedbackError`` INVALID_ARGUMENT listing every bad field (unit, period,
    ///   deadline not after `now`, peers_per_subject over 10).
    public static func validatedOpen(_ request: Feedback.OpenAssessmentRoundRequest, now: Common.Timestamp,
                                     policy: EffectiveFeedbackPolicy) throws(FeedbackError) -> Feedback.AssessmentRound {
        guard let input = request.round else {
            throw FeedbackError(.fieldRequired, "the round is required", field: "round")
        }
        var out = Feedback.AssessmentRound()
        var problems = ViolationCollector()
        problems.check { () throws(FeedbackError) in
            let unit = try FeedbackInput.id(input.unit?.unitID ?? "", field: "round.unit.unit_id")
            out.unit = Common.UnitScope(unitID: unit, includeSubunits: input.unit?.includeSubunits ?? false)
        }
        problems.check { () throws(FeedbackError) in
            _ = try FeedbackInput.days(of: input.period, field: "round.period")
            out.period = input.period
        }
        if let deadline = input.deadline, deadline.seconds > now.seconds, (0...999_999_999).contains(deadline.nanos) {
            out.deadline = deadline
        } else {
            problems.add(.deadlineInvalid, "deadline must be an instant after now", field: "round.deadline")
        }
        if FeedbackLimits.peersPerSubject.contains(input.peersPerSubject) {
            out.peersPerSubject = input.peersPerSubject
        } else {
            problems.add(.roundOptionInvalid, "peers_per_subject must be 0-10, got \(input.peersPerSubject)", field: "round.peers_per_subject")
        }
        try problems.throwIfAny()
        out.includeBawahan = input.includeBawahan
        out.includeSelf = input.includeSelf
        out.anonymityThreshold = UInt32(policy.anonymityThreshold)
        out.state = .active
        return out
    }

    /// The state at `now`: an ACTIVE round whose deadline has passed counts as CLOSED.
    public func effectiveState(at now: Common.Timestamp) -> Feedback.AssessmentRoundState {
        state == .active && !Self.isBefore(now, deadline) ? .closed : state
    }

    /// Refuses a change (an assignment, a cancellation, a submission) the round no longer takes.
    ///
    /// - Throws: ``FeedbackError`` `ROUND_CLOSED` or `ROUND_PAST_DEADLINE` (FAILED_PRECONDITION).
    public func checkAcceptsChanges(at now: Common.Timestamp) throws(FeedbackError) {
        guard state == .active else {
            throw FeedbackError(.roundClosed, "the round is \(state.stateLabel); nothing changes in a closed round")
        }
        guard Self.isBefore(now, deadline) else {
            throw FeedbackError(.roundPastDeadline, "the round's deadline has passed; it takes no more assignments or answers")
        }
    }

    /// Closes the round (CloseAssessmentRound, or the job at the deadline); returns the trimmed reason.
    ///
    /// - Throws: ``FeedbackError`` `TEXT_TOO_LONG` (INVALID_ARGUMENT) for a reason over 500
    ///   characters, `ROUND_CLOSED` when already CLOSED.
    public mutating func close(reason: String = "") throws(FeedbackError) -> String {
        let text = try FeedbackText.validated(reason, field: "reason", maximum: FeedbackLimits.roundCloseReasonMaximum)
        guard state == .active else {
            throw FeedbackError(.roundClosed, "the round is already \(state.stateLabel)")
        }
        state = .closed
        return text
    }

    static func isBefore(_ a: Common.Timestamp, _ b: Common.Timestamp) -> Bool {
        (a.seconds, a.nanos) < (b.seconds, b.nanos)
    }
}
