public import KinerjaProto

/// The content of a 360° assessment (SubmitBehaviourAssessment), checked whole.
///
/// - exactly seven scores, one for each BerAKHLAK value (no value twice, none missing);
/// - each score 1 (sangat kurang) – 5 (sangat baik), the rater's judgement of the behaviour
///   against the atasan's ekspektasi khusus shown with the assignment;
/// - a comment per value at most 1000 characters, **required for a 1 or a 5** (*inference*: an
///   extreme score names the observed behaviour, so the subject can act on it); the overall
///   comment at most 2000 characters; no control characters.
public enum BehaviourAssessmentRules {
    /// The checked answer: the seven scores in value order, comments trimmed.
    public struct Answer: Sendable, Hashable {
        /// The assignment answered.
        public var assignmentID: String
        /// Seven scores, in value order.
        public var scores: [Feedback.ValueScore]
        /// The overall comment, trimmed.
        public var overallComment: String
    }

    /// The answer of `request`.
    ///
    /// - Throws: ``FeedbackError`` INVALID_ARGUMENT listing every problem.
    public static func validated(_ request: Feedback.SubmitBehaviourAssessmentRequest) throws(FeedbackError) -> Answer {
        var problems = ViolationCollector()
        var answer = Answer(assignmentID: "", scores: [], overallComment: "")
        problems.check { () throws(FeedbackError) in
            answer.assignmentID = try FeedbackInput.id(request.assignmentID, field: "assignment_id")
        }
        var byValue: [Common.BerakhlakValue: Feedback.ValueScore] = [:]
        for (index, score) in request.scores.enumerated() {
            let path = "scores[\(index)]"
            guard Common.BerakhlakValue.seven.contains(score.value) else {
                problems.add(.scoresIncomplete, "value must be one of the seven BerAKHLAK values", field: path + ".value")
                continue
            }
            guard byValue[score.value] == nil else {
                problems.add(.scoresIncomplete, "\(score.value.label) is scored twice; score each value once", field: path + ".value")
                continue
            }
            var clean = Feedback.ValueScore(value: score.value, score: score.score)
            if !FeedbackLimits.behaviourScore.contains(score.score) {
                problems.add(.scoreOutOfRange, "score must be 1 (sangat kurang) - 5 (sangat baik), got \(score.score)", field: path + ".score")
            }
            problems.check { () throws(FeedbackError) in
                clean.comment = try FeedbackText.validated(score.comment, field: path + ".comment", maximum: FeedbackLimits.valueCommentMaximum)
            }
            if (score.score == 1 || score.score == 5), score.comment.trimmedForFeedback.isEmpty {
                problems.add(.scoreCommentRequired, "a score of \(score.score) on \(score.value.label) needs a comment naming the behaviour observed",
                             field: path + ".comment")
            }
            byValue[score.value] = clean
        }
        let missing = Common.BerakhlakValue.seven.filter { byValue[$0] == nil }
        if !missing.isEmpty, request.scores.count <= 7 {
            problems.add(.scoresIncomplete, "give exactly 7 scores, one per BerAKHLAK value; missing: \(missing.map(\.label).joined(separator: ", "))",
                         field: "scores")
        } else if request.scores.count > 7 {
            problems.add(.scoresIncomplete, "give exactly 7 scores, one per BerAKHLAK value; got \(request.scores.count)", field: "scores")
        }
        problems.check { () throws(FeedbackError) in
            answer.overallComment = try FeedbackText.validated(request.overallComment, field: "overall_comment",
                                                               maximum: FeedbackLimits.overallCommentMaximum)
        }
        try problems.throwIfAny()
        answer.scores = Common.BerakhlakValue.seven.compactMap { byValue[$0] }
        return answer
    }

    /// The assessment to store for `assignment`, submitted at `stamp` (the rater's pseudonym or NIP
    /// is the caller's choice; outputs of rekan kerja and bawahan strip it, ``BehaviourSummaryBuilder``).
    public static func assessment(_ answer: Answer, for assignment: Feedback.AssessmentAssignment,
                                  stamp: Common.AuditStamp) -> Feedback.BehaviourAssessment {
        Feedback.BehaviourAssessment(
            assignmentID: assignment.assignmentID, subjectNIP: assignment.subject?.nip ?? "", relation: assignment.relation,
            scores: answer.scores, overallComment: answer.overallComment, submitted: stamp)
    }
}
