public import KinerjaProto

/// The behaviour summary of one subject for a period (`BehaviourSummary`): what the subject, the
/// atasan chain and the evaluation service read. Anonymity is a property of this value:
///
/// 1. **Rekan kerja and bawahan are shown only aggregated**, only for a group with at least the
///    anonymity threshold of answers — the round's threshold, the policy's, and never below 3,
///    whichever is highest — and **only once the round is CLOSED**. While the round is ACTIVE such
///    a group is withheld (ROUND_NOT_CLOSED) with nothing but its assigned count, so reading the
///    summary before and after a colleague answers shows the same value: nobody learns who just
///    answered, nor what they gave. After closing, a group below the threshold is withheld
///    entirely: no figures, no comments, and a responded count of 0.
/// 2. **Comments carry no rater** and come in the order of a keyed hash of their text
///    (``CommentOrder``), never in submission order; a comment on one value starts with the
///    value's name. At most 200 per group.
/// 3. **The atasan group is the atasan's own rating**, shown as soon as given (the atasan is not
///    anonymous) and never mixed into the peers; **the self-assessment is shown separately** and
///    never combined.
/// 4. `combined` pools the scores of the atasan, rekan kerja and bawahan groups that are shown.
/// 5. No field links a score to a rater: there are no NIPs, assignment ids, submission times or
///    per-rater rows in it.
///
/// A closed round never changes, so once its figures are shown they stay the same.
public struct BehaviourSummaryBuilder: Sendable {
    /// The policy in force (its anonymity threshold joins the round's).
    public var policy: EffectiveFeedbackPolicy
    /// The order of comments, keyed per round.
    public var order: CommentOrder

    /// A builder for one round.
    public init(policy: EffectiveFeedbackPolicy, order: CommentOrder) {
        self.policy = policy
        self.order = order
    }

    /// The anonymity threshold applied to `round`: the highest of the round's, the policy's and 3.
    public func threshold(for round: Feedback.AssessmentRound?) -> Int {
        max(Int(FeedbackLimits.anonymityFloor), Int(round?.anonymityThreshold ?? 0), policy.anonymityThreshold)
    }

    /// The summary of `subject` for `period`.
    ///
    /// - Parameters:
    ///   - round: the round the 360° input comes from; nil when there was none.
    ///   - assignments: the subject's assignments in it (any state).
    ///   - assessments: the submitted assessments of the subject in it (those of cancelled
    ///     assignments are ignored).
    ///   - now: the instant of the read (the round's effective state and `computed_at`).
    ///   - citizen: the subject's citizen summary, when they serve a public counter.
    ///   - feedback: the feedback counts of the period (``ContinuousFeedbackRules/tally(_:recipientNIP:days:)``).
    public func summary(subject: Common.EmployeeRef, period: Common.Period, round: Feedback.AssessmentRound?,
                        assignments: [Feedback.AssessmentAssignment], assessments: [Feedback.BehaviourAssessment],
                        now: Common.Timestamp, citizen: Feedback.CitizenSummary? = nil,
                        feedback: (count: Int, corrective: Int) = (0, 0)) -> Feedback.BehaviourSummary {
        var out = Feedback.BehaviourSummary()
        out.subject = subject
        out.period = period
        out.anonymityThreshold = UInt32(threshold(for: round))
        out.citizen = citizen
        out.feedbackCount = UInt32(feedback.count)
        out.correctiveFeedbackCount = UInt32(feedback.corrective)
        out.computedAt = now
        guard let round else { return out }
        out.roundID = round.roundID
        let state = AssessmentRoundLifecycle(round).effectiveState(at: now)
        out.roundState = state
        let threshold = threshold(for: round)

        let mine = assignments.filter { $0.subject?.nip == subject.nip && $0.roundID == round.roundID }
        let counting = Set(mine.filter { AssignmentLifecycle($0).counts }.map(\.assignmentID))
        var combined: [[Feedback.ValueScore]] = []
        for relation in Feedback.RaterRelation.groups {
            let assigned = mine.filter { $0.relation == relation && $0.state != .cancelled }
            guard !assigned.isEmpty else { continue }
            let ids = Set(assigned.map(\.assignmentID)).intersection(counting)
            let answers = assessments.filter { ids.contains($0.assignmentID) && $0.relation == relation }
            var group = Feedback.RaterGroupSummary()
            group.relation = relation
            group.assignedCount = UInt32(assigned.count)
            if relation.isAnonymous, state != .closed {
                group.withheld = true
                group.withheldReason = .roundNotClosed
            } else if relation.isAnonymous, answers.count < threshold {
                group.withheld = true
                group.withheldReason = .belowAnonymityThreshold
            } else if answers.isEmpty {
                group.withheld = true
                group.withheldReason = .noResponses
            } else {
                group.respondedCount = UInt32(answers.count)
                group.values = Self.aggregates(answers.map(\.scores))
                let comments = answers.flatMap(Self.comments)
                group.comments = Array((relation.isAnonymous ? order.ordered(comments) : comments).prefix(FeedbackLimits.groupCommentsMaximum))
                if relation != .selfAssessment { combined += answers.map(\.scores) }
            }
            out.groups.append(group)
        }
        out.combined = Self.aggregates(combined)
        return out
    }

    /// The summaries of a unit's employees (StreamBehaviourSummaries), one per member, by NIP.
    public func summaries(members: [Common.EmployeeRef], period: Common.Period, round: Feedback.AssessmentRound?,
                          assignments: [Feedback.AssessmentAssignment], assessments: [Feedback.BehaviourAssessment], now: Common.Timestamp,
                          citizen: [String: Feedback.CitizenSummary] = [:],
                          feedback: [String: (count: Int, corrective: Int)] = [:]) -> [Feedback.BehaviourSummary] {
        let bySubject = Dictionary(grouping: assignments) { $0.subject?.nip ?? "" }
        let answersBySubject = Dictionary(grouping: assessments, by: \.subjectNIP)
        return members.sorted { $0.nip < $1.nip }.map { member in
            summary(subject: member, period: period, round: round, assignments: bySubject[member.nip] ?? [],
                    assessments: answersBySubject[member.nip] ?? [], now: now, citizen: citizen[member.nip],
                    feedback: feedback[member.nip] ?? (0, 0))
        }
    }

    /// Per value (in value order, values without scores left out): count, mean and the five score counts.
    static func aggregates(_ answers: [[Feedback.ValueScore]]) -> [Feedback.ValueAggregate] {
        Common.BerakhlakValue.seven.compactMap { value in
            let scores = answers.flatMap { $0 }.filter { $0.value == value && FeedbackLimits.behaviourScore.contains($0.score) }.map(\.score)
            guard !scores.isEmpty else { return nil }
            var counts = [UInt32](repeating: 0, count: 5)
            for score in scores { counts[Int(score) - 1] += 1 }
            return Feedback.ValueAggregate(value: value, responseCount: UInt32(scores.count),
                                           meanScore: Double(scores.reduce(0, +)) / Double(scores.count), scoreCounts: counts)
        }
    }

    /// The comments of one assessment without its rater: "<value>: <comment>" per value, then the overall comment.
    static func comments(_ assessment: Feedback.BehaviourAssessment) -> [String] {
        let perValue = assessment.scores.compactMap { score -> String? in
            let text = score.comment.trimmedForFeedback
            return text.isEmpty ? nil : "\(score.value.label): \(text)"
        }
        let overall = assessment.overallComment.trimmedForFeedback
        return perValue + (overall.isEmpty ? [] : [overall])
    }
}
