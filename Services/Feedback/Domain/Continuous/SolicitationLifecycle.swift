public import KinerjaProto

/// An employee's request for feedback or for a dialog kinerja (`FeedbackSolicitation`), as a value.
///
/// | from | answer (addressee) | decline (addressee, reason 1–500) | withdraw (requester) |
/// |---|---|---|---|
/// | OPEN | ANSWERED | DECLINED | WITHDRAWN |
/// | ANSWERED, DECLINED, WITHDRAWN | — | — | — |
///
/// A FEEDBACK solicitation is answered by GiveFeedback from the addressee to the requester; a
/// DIALOG solicitation by RecordDialog of the addressee with the requester. Who may be asked:
/// for a dialog the requester's atasan langsung (definitive or acting); for feedback anyone who
/// may give the requester feedback (``FeedbackGiver``). A requester holds at most 5 OPEN
/// solicitations with one addressee (*inference*: enough to ask about several reports, not
/// enough to flood an atasan).
public struct SolicitationLifecycle: Sendable, Hashable {
    /// Something that happens to a solicitation.
    public enum Event: Sendable, Hashable {
        /// `nip` answers with a feedback item or dialog record of `kind` for `recipientNIP`.
        case answer(by: String, kind: Feedback.SolicitationKind, recipientNIP: String, answerID: String)
        /// `nip` declines it with a reason.
        case decline(by: String, reason: String)
        /// `nip` withdraws it.
        case withdraw(by: String)
    }

    /// What a step did, for the caller to persist and audit.
    public enum Action: Sendable, Hashable {
        /// ANSWERED by `answerID`.
        case answered(answerID: String)
        /// DECLINED with the trimmed reason.
        case declined(reason: String)
        /// WITHDRAWN.
        case withdrawn
    }

    /// The current state.
    public private(set) var state: Feedback.SolicitationState
    /// Who asked.
    public let requesterNIP: String
    /// Who is asked.
    public let addresseeNIP: String
    /// Feedback or a dialog.
    public let kind: Feedback.SolicitationKind

    /// The lifecycle of a stored solicitation.
    public init(_ solicitation: Feedback.FeedbackSolicitation) {
        state = solicitation.state
        requesterNIP = solicitation.requesterNIP
        addresseeNIP = solicitation.addresseeNIP
        kind = solicitation.kind
    }

    /// Applies `event`.
    ///
    /// - Throws: ``FeedbackError``: `REASON_REQUIRED` (INVALID_ARGUMENT), `NOT_A_PARTY`
    ///   (PERMISSION_DENIED), `SOLICITATION_MISMATCH` or `SOLICITATION_NOT_OPEN` (FAILED_PRECONDITION).
    @discardableResult
    public mutating func apply(_ event: Event) throws(FeedbackError) -> Action {
        let action: Action
        switch event {
        case .answer(let nip, let answerKind, let recipient, let answerID):
            guard nip == addresseeNIP, recipient == requesterNIP else {
                throw FeedbackError(.solicitationMismatch, "the solicitation was made by \(requesterNIP) to \(addresseeNIP); it is answered by its addressee to its requester",
                                    field: "solicitation_id")
            }
            guard answerKind == kind else {
                let wanted = kind == .dialog ? "a dialog (RecordDialog)" : "feedback (GiveFeedback)"
                throw FeedbackError(.solicitationMismatch, "the solicitation asks for \(wanted)", field: "solicitation_id")
            }
            try checkOpen()
            action = .answered(answerID: answerID)
            state = .answered
        case .decline(let nip, let reason):
            let text: String
            do {
                text = try FeedbackText.validated(reason, field: "reason", range: FeedbackLimits.solicitationDeclineReason)
            } catch {
                throw FeedbackError(.reasonRequired, "declining needs a reason for the requester (\(FeedbackLimits.solicitationDeclineReason.lowerBound)-\(FeedbackLimits.solicitationDeclineReason.upperBound) characters): \(error.message)",
                                    field: "reason")
            }
            guard nip == addresseeNIP else { throw FeedbackError(.notAParty, "only the addressee declines a solicitation") }
            try checkOpen()
            action = .declined(reason: text)
            state = .declined
        case .withdraw(let nip):
            guard nip == requesterNIP else { throw FeedbackError(.notAParty, "only the requester withdraws a solicitation") }
            try checkOpen()
            action = .withdrawn
            state = .withdrawn
        }
        return action
    }

    private func checkOpen() throws(FeedbackError) {
        guard state == .open else {
            throw FeedbackError(.solicitationNotOpen, "the solicitation is \(state.stateLabel); only an OPEN one can be answered, declined or withdrawn")
        }
    }
}

/// The rules of asking (SolicitFeedback).
public enum SolicitationRules {
    /// The solicitation to store (OPEN), or why it cannot be made.
    ///
    /// - Parameters:
    ///   - request: the request.
    ///   - requesterNIP: the caller.
    ///   - addresseeStanding: how the addressee stands to the requester on the day.
    ///   - openWithAddressee: OPEN solicitations the requester already holds with the addressee.
    ///   - policy: the feedback policy (peer feedback).
    /// - Throws: ``FeedbackError`` INVALID_ARGUMENT listing every bad field; then
    ///   `SOLICITATION_ADDRESSEE_INVALID` or `SOLICITATION_LIMIT_REACHED` (FAILED_PRECONDITION).
    public static func validated(_ request: Feedback.SolicitFeedbackRequest, requesterNIP: String, addresseeStanding: FeedbackStanding,
                                 openWithAddressee: Int, policy: EffectiveFeedbackPolicy) throws(FeedbackError) -> Feedback.FeedbackSolicitation {
        guard let input = request.solicitation else {
            throw FeedbackError(.fieldRequired, "the solicitation is required", field: "solicitation")
        }
        var out = Feedback.FeedbackSolicitation()
        out.requesterNIP = requesterNIP
        out.state = .open
        var problems = ViolationCollector()
        problems.check { () throws(FeedbackError) in
            out.addresseeNIP = try FeedbackInput.nip(input.addresseeNIP, field: "solicitation.addressee_nip")
        }
        if input.addresseeNIP == requesterNIP {
            problems.add(.fieldRequired, "ask someone else: your atasan, or a rekan kerja where the policy allows", field: "solicitation.addressee_nip")
        }
        switch input.kind {
        case .feedback:
            out.kind = .feedback
            problems.check { () throws(FeedbackError) in
                (out.subjectKind, out.subjectID) = try ContinuousFeedbackRules.subject(input.subjectKind, input.subjectID, prefix: "solicitation.")
            }
        case .dialog:
            out.kind = .dialog
            if input.subjectKind != .unspecified || !input.subjectID.isEmpty {
                problems.add(.subjectInvalid, "a dialog request names no subject; say what to discuss in the message", field: "solicitation.subject_kind")
            }
        case .unspecified, .unrecognized:
            problems.add(.fieldRequired, "kind must be FEEDBACK or DIALOG", field: "solicitation.kind")
        }
        problems.check { () throws(FeedbackError) in
            out.message = try FeedbackText.validated(input.message, field: "solicitation.message", range: FeedbackLimits.solicitationMessage)
        }
        try problems.throwIfAny()

        if out.kind == .dialog {
            guard addresseeStanding.isAtasanLangsung else {
                throw FeedbackError(.solicitationAddresseeInvalid, "a dialog kinerja is held with your atasan langsung (or the acting Plt./Plh.); ask them",
                                    field: "solicitation.addressee_nip")
            }
        } else {
            do {
                _ = try FeedbackGiver.resolve(giverNIP: out.addresseeNIP, recipientNIP: requesterNIP, standing: addresseeStanding, policy: policy)
            } catch {
                throw FeedbackError(.solicitationAddresseeInvalid, "the addressee cannot give you feedback: \(error.message)", field: "solicitation.addressee_nip")
            }
        }
        guard openWithAddressee < FeedbackLimits.openSolicitationsPerAddressee else {
            throw FeedbackError(.solicitationLimitReached,
                                "you already have \(openWithAddressee) open requests with this addressee; at most \(FeedbackLimits.openSolicitationsPerAddressee) — withdraw one or wait for an answer")
        }
        return out
    }
}
