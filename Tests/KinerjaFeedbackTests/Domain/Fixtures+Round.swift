import KinerjaFeedback
import KinerjaProto
import Testing

/// A 360° round of triwulan I 2026 at the KTP-el section: the subject staff[0], their atasan the
/// Kasi, four rekan kerja (staff[1…4]) and a self-assessment; the deadline 31 March 16:00 WITA.
struct RoundScenario {
    static let roundID = "round-q1"
    static let deadline = Fixtures.at(Fixtures.day(3, 31), 16)
    static let beforeDeadline = Fixtures.at(Fixtures.day(3, 20))
    static let afterDeadline = Fixtures.at(Fixtures.day(4, 1))
    static let peers = Array(Fixtures.staff[1...4])

    var round = Feedback.AssessmentRound(
        roundID: RoundScenario.roundID, unit: Common.UnitScope(unitID: Fixtures.unit), period: Fixtures.q1, state: .active,
        deadline: RoundScenario.deadline, peersPerSubject: 4, includeBawahan: true, includeSelf: true, anonymityThreshold: 3)
    var assignments: [Feedback.AssessmentAssignment] = []
    var assessments: [Feedback.BehaviourAssessment] = []

    static let subject = Fixtures.ref(Fixtures.subject, "Maria Goreti Lake")
    static let order: CommentOrder = {
        guard let order = try? CommentOrder(deploymentSecret: Fixtures.secret, roundID: roundID) else { fatalError("fixture secret is 32 bytes") }
        return order
    }()

    /// Assignments for the subject: self, the Kasi as atasan, four peers; ids `a-<rater NIP>`.
    init() {
        let member = RoundMember(subject: Self.subject, atasanNIP: Fixtures.kasi, peerCandidates: Self.peers)
        assignments = RaterAssignments.defaults(round: round, members: [member], order: Self.order).map {
            var assignment = $0
            assignment.assignmentID = "a-" + $0.raterNIP
            return assignment
        }
    }

    /// Seven scores all `score` (a 1 or a 5 with a comment), or the given ones.
    static func scores(_ values: [UInt32], comment: String = "") -> [Feedback.ValueScore] {
        [Common.BerakhlakValue.berorientasiPelayanan, .akuntabel, .kompeten, .harmonis, .loyal, .adaptif, .kolaboratif].enumerated().map { index, value in
            let score = values[index % values.count]
            return Feedback.ValueScore(value: value, score: score, comment: (score == 1 || score == 5) && comment.isEmpty ? "Teramati di loket" : comment)
        }
    }

    /// `rater` submits `values` with an overall comment, as the service would store it.
    mutating func submit(_ rater: String, _ values: [UInt32], overall: String = "", at: Common.Timestamp = RoundScenario.beforeDeadline) throws {
        let index = try #require(assignments.firstIndex { $0.raterNIP == rater && $0.state == .pending })
        var lifecycle = AssignmentLifecycle(assignments[index])
        try lifecycle.submit(by: rater, round: AssessmentRoundLifecycle(round), at: at)
        assignments[index].state = lifecycle.state
        let answer = try BehaviourAssessmentRules.validated(Feedback.SubmitBehaviourAssessmentRequest(
            assignmentID: assignments[index].assignmentID, scores: Self.scores(values), overallComment: overall))
        let stamp = try RaterPseudonym(secret: Fixtures.secret).auditStamp(raterNIP: rater, roundID: Self.roundID, at: at)
        assessments.append(BehaviourAssessmentRules.assessment(answer, for: assignments[index], stamp: stamp))
    }

    /// Closes the round; pending assignments expire.
    mutating func close() throws {
        var lifecycle = AssessmentRoundLifecycle(round)
        _ = try lifecycle.close(reason: "")
        round.state = lifecycle.state
        for index in assignments.indices {
            var assignment = AssignmentLifecycle(assignments[index])
            assignment.expire()
            assignments[index].state = assignment.state
        }
    }

    /// The subject's summary as read at `now`.
    func summary(at now: Common.Timestamp = RoundScenario.beforeDeadline, policy: EffectiveFeedbackPolicy = Fixtures.policy) -> Feedback.BehaviourSummary {
        BehaviourSummaryBuilder(policy: policy, order: Self.order).summary(
            subject: Self.subject, period: Fixtures.q1, round: round, assignments: assignments, assessments: assessments, now: now)
    }
}

extension Feedback.BehaviourSummary {
    /// The group of `relation`, if present.
    func group(_ relation: Feedback.RaterRelation) -> Feedback.RaterGroupSummary? {
        groups.first { $0.relation == relation }
    }
}
