public import KinerjaProto
public import KinerjaASN

/// The content of a piece of continuous feedback (GiveFeedback), checked whole.
///
/// | field | rule |
/// |---|---|
/// | recipient_nip | 18 digits |
/// | kind | APRESIASI, SARAN, KOREKSI or UMUM |
/// | subject_kind, subject_id | both or neither: a daily report, RHK, IKI or SKP with its id; UNSPECIFIED = general, then no id |
/// | related_value | a BerAKHLAK value or UNSPECIFIED |
/// | message | 1–4000 characters, multi-line, no control characters |
/// | solicitation_id | optional: the solicitation it answers |
///
/// Every problem is reported at once (INVALID_ARGUMENT with a `BadRequest`). Whether the giver
/// may give it is ``FeedbackGiver/resolve(giverNIP:recipientNIP:standing:policy:)``; whether a
/// solicitation may be answered by it is ``SolicitationLifecycle``.
public enum ContinuousFeedbackRules {
    /// The feedback to store: checked, trimmed, output-only fields cleared.
    ///
    /// - Throws: ``FeedbackError`` INVALID_ARGUMENT listing every bad field.
    public static func validated(_ request: Feedback.GiveFeedbackRequest) throws(FeedbackError) -> Feedback.ContinuousFeedback {
        guard let input = request.feedback else {
            throw FeedbackError(.fieldRequired, "the feedback is required", field: "feedback")
        }
        var out = Feedback.ContinuousFeedback()
        var problems = ViolationCollector()
        problems.check { () throws(FeedbackError) in
            out.recipientNIP = try FeedbackInput.nip(input.recipientNIP, field: "feedback.recipient_nip")
        }
        switch input.kind {
        case .apresiasi, .saran, .koreksi, .umum: out.kind = input.kind
        case .unspecified, .unrecognized:
            problems.add(.fieldRequired, "kind must be APRESIASI, SARAN, KOREKSI or UMUM", field: "feedback.kind")
        }
        problems.check { () throws(FeedbackError) in
            (out.subjectKind, out.subjectID) = try subject(input.subjectKind, input.subjectID, prefix: "feedback.")
        }
        switch input.relatedValue {
        case .unrecognized(let raw):
            problems.add(.fieldRequired, "related_value \(raw) is not a BerAKHLAK value", field: "feedback.related_value")
        default:
            out.relatedValue = input.relatedValue
        }
        problems.check { () throws(FeedbackError) in
            out.message = try FeedbackText.validated(input.message, field: "feedback.message", range: FeedbackLimits.feedbackMessage)
        }
        if !input.solicitationID.isEmpty {
            problems.check { () throws(FeedbackError) in
                out.solicitationID = try FeedbackInput.id(input.solicitationID, field: "feedback.solicitation_id")
            }
        }
        try problems.throwIfAny()
        return out
    }

    /// A subject kind with its id: both given, or UNSPECIFIED with no id.
    ///
    /// - Throws: ``FeedbackError`` `SUBJECT_INVALID`.
    static func subject(_ kind: Feedback.FeedbackSubjectKind, _ id: String, prefix: String) throws(FeedbackError) -> (Feedback.FeedbackSubjectKind, String) {
        switch kind {
        case .unspecified:
            guard id.isEmpty else {
                throw FeedbackError(.subjectInvalid, "subject_id is given without a subject_kind; name the kind (report, RHK, IKI, SKP) or leave both empty",
                                    field: prefix + "subject_id")
            }
            return (.unspecified, "")
        case .dailyReport, .rhk, .iki, .skp:
            guard !id.isEmpty else {
                throw FeedbackError(.subjectInvalid, "subject_kind \(kind.protoName ?? "") needs the subject_id of the report, RHK, IKI or SKP",
                                    field: prefix + "subject_id")
            }
            do {
                return (kind, try FeedbackInput.id(id, field: prefix + "subject_id"))
            } catch {
                throw FeedbackError(.subjectInvalid, error.message, field: error.field)
            }
        case .unrecognized(let raw):
            throw FeedbackError(.subjectInvalid, "subject_kind \(raw) is not known", field: prefix + "subject_kind")
        }
    }

    /// The number of feedback items `recipientNIP` received from the atasan chain on the WITA days
    /// `days`, and how many of them are KOREKSI (`BehaviourSummary.feedback_count`,
    /// `corrective_feedback_count`). Feedback from a rekan kerja is not counted.
    public static func tally(_ feedback: [Feedback.ContinuousFeedback], recipientNIP: String, days: WitaDayRange) -> (count: Int, corrective: Int) {
        var count = 0, corrective = 0
        for item in feedback where item.recipientNIP == recipientNIP && !item.fromRekanKerja {
            guard let at = item.given?.at, days.contains(instant: at) else { continue }
            count += 1
            if item.kind == .koreksi { corrective += 1 }
        }
        return (count, corrective)
    }
}
