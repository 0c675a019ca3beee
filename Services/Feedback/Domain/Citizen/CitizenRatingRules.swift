public import KinerjaProto

/// A citizen's rating of a ticket (SubmitCitizenRating): the input, the record it becomes, and
/// pengelola kinerja's moderation of it.
///
/// Input, checked whole: the ticket code (``TicketCode``: a typo is refused before any lookup),
/// a score 1 (sangat tidak puas) – 5 (sangat puas), a comment of at most 1000 characters (may be
/// empty), and optionally the Survei Kepuasan Masyarakat: **none or all nine unsur**, each once,
/// each 1–4 (*inference*: the regulation's processing table has one complete row per respondent,
/// so NRR denominators are the same for every unsur). Nothing about the citizen is kept: the
/// rating carries the ticket, the client it came through and the time only.
public enum CitizenRatingRules {
    /// A checked submission.
    public struct Submission: Sendable, Hashable {
        /// The ticket's code.
        public var code: TicketCode
        /// The score 1–5.
        public var score: UInt32
        /// The trimmed comment, possibly empty.
        public var comment: String
        /// The SKM answers in unsur order: none or nine.
        public var skmAnswers: [Feedback.SkmAnswer]
    }

    /// The submission of `request`.
    ///
    /// - Throws: ``FeedbackError`` INVALID_ARGUMENT listing every problem (a code error first).
    public static func validated(_ request: Feedback.SubmitCitizenRatingRequest) throws(FeedbackError) -> Submission {
        let code = try TicketCode(parsing: request.ticketCode)
        var problems = ViolationCollector()
        if !FeedbackLimits.citizenScore.contains(request.score) {
            problems.add(.scoreOutOfRange, "score must be 1 (sangat tidak puas) - 5 (sangat puas), got \(request.score)", field: "score")
        }
        var comment = ""
        problems.check { () throws(FeedbackError) in
            comment = try FeedbackText.validated(request.comment, field: "comment", maximum: FeedbackLimits.citizenCommentMaximum)
        }
        var answers: [Feedback.SkmAnswer] = []
        problems.check { () throws(FeedbackError) in
            answers = try skmAnswers(request.skmAnswers)
        }
        try problems.throwIfAny()
        return Submission(code: code, score: request.score, comment: comment, skmAnswers: answers)
    }

    /// SKM answers: none, or the nine unsur once each with a score 1–4; returned in unsur order.
    ///
    /// - Throws: ``FeedbackError`` `SKM_ANSWERS_INVALID` or `SCORE_OUT_OF_RANGE`.
    public static func skmAnswers(_ answers: [Feedback.SkmAnswer]) throws(FeedbackError) -> [Feedback.SkmAnswer] {
        guard !answers.isEmpty else { return [] }
        var byUnsur: [Feedback.SkmUnsur: Feedback.SkmAnswer] = [:]
        for (index, answer) in answers.enumerated() {
            guard Feedback.SkmUnsur.nine.contains(answer.unsur) else {
                throw FeedbackError(.skmAnswersInvalid, "unsur must be one of the nine SKM unsur", field: "skm_answers[\(index)].unsur")
            }
            guard byUnsur[answer.unsur] == nil else {
                throw FeedbackError(.skmAnswersInvalid, "\(answer.unsur.label) is answered twice", field: "skm_answers[\(index)].unsur")
            }
            guard FeedbackLimits.skmScore.contains(answer.score) else {
                throw FeedbackError(.scoreOutOfRange, "an SKM answer is 1 (tidak sesuai) - 4 (sangat sesuai), got \(answer.score)",
                                    field: "skm_answers[\(index)].score")
            }
            byUnsur[answer.unsur] = Feedback.SkmAnswer(unsur: answer.unsur, score: answer.score)
        }
        let missing = Feedback.SkmUnsur.nine.filter { byUnsur[$0] == nil }
        guard missing.isEmpty else {
            throw FeedbackError(.skmAnswersInvalid, "the survey is answered whole: missing \(missing.map(\.label).joined(separator: ", "))",
                                field: "skm_answers")
        }
        return Feedback.SkmUnsur.nine.compactMap { byUnsur[$0] }
    }

    /// The rating to store for `ticket` (already moved to RATED by ``ServiceTicketLifecycle/rate(at:)``).
    ///
    /// - Parameters:
    ///   - ratingID: the new rating's id.
    ///   - submittedVia: the machine client's principal (kiosk or portal SPIFFE URI).
    ///   - at: the submission instant.
    public static func rating(_ submission: Submission, ticket: Feedback.ServiceTicket, ratingID: String, submittedVia: String,
                              at: Common.Timestamp) -> Feedback.CitizenRating {
        Feedback.CitizenRating(
            ratingID: ratingID, ticketCode: submission.code.display, unitID: ticket.unitID, employeeNIP: ticket.servedByNIP,
            serviceName: ticket.serviceName, score: submission.score, comment: submission.comment, submittedAt: at,
            submittedVia: submittedVia, skmAnswers: submission.skmAnswers)
    }

    /// The rating after ModerateCitizenRating: set aside (MANUAL) or counted again, comment hidden
    /// or shown, with the reason and stamp. Counting it again clears MANUAL; the caller then reruns
    /// ``CitizenOutliers/classify(_:policy:)`` so a rule-based reason returns.
    ///
    /// - Throws: ``FeedbackError`` `REASON_REQUIRED` (INVALID_ARGUMENT).
    public static func moderated(_ rating: Feedback.CitizenRating, _ request: Feedback.ModerateCitizenRatingRequest,
                                 stamp: Common.AuditStamp) throws(FeedbackError) -> Feedback.CitizenRating {
        let reason: String
        do {
            reason = try FeedbackText.validated(request.reason, field: "reason", range: FeedbackLimits.moderationReason)
        } catch {
            throw FeedbackError(.reasonRequired, "moderating a rating needs a reason for the audit: \(error.message)", field: "reason")
        }
        var out = rating
        if request.exclude {
            out.outlierReason = .manual
        } else if out.outlierReason == .manual {
            out.outlierReason = .unspecified
        }
        out.commentHidden = request.hideComment
        out.moderationReason = reason
        out.moderated = stamp
        return out
    }

    /// The rating as a viewer may see it: a hidden comment emptied; for anyone but pengelola
    /// kinerja and auditors also the ticket code, the client and the moderation reason removed.
    public static func visible(_ rating: Feedback.CitizenRating, toAdministrator: Bool) -> Feedback.CitizenRating {
        var out = rating
        if out.commentHidden { out.comment = "" }
        if !toAdministrator {
            out.ticketCode = ""
            out.submittedVia = ""
            out.moderationReason = ""
            out.moderated = nil
        }
        return out
    }
}
