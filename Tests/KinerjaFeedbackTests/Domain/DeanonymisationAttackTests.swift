import KinerjaFeedback
import KinerjaProto
import Testing

/// The attack: a subject (or their atasan) reads their summary, waits for a colleague they know to
/// answer, and reads it again; or reads a small group after closing; or looks for any field that
/// ties a score to a person. Each test is one attempt, and shows it learns nothing.
@Suite("The de-anonymisation attack: reading the summary around one colleague's answer reveals nothing")
struct DeanonymisationAttackTests {
    @Test("while the round is ACTIVE the summary is byte-for-byte the same before and after a colleague answers")
    func beforeAndAfterOneAnswer() throws {
        var scenario = RoundScenario()
        try scenario.submit(Fixtures.kasi, [4])
        try scenario.submit(Fixtures.staff[1], [5])
        try scenario.submit(Fixtures.staff[2], [4])
        try scenario.submit(Fixtures.staff[3], [3])
        let before = scenario.summary()
        try scenario.submit(Fixtures.staff[4], [1], overall: "Sering meninggalkan loket.")
        let after = scenario.summary()
        #expect(before == after)
        #expect(try before.serializedBytes() == after.serializedBytes())
        let peers = try #require(after.group(.rekanKerja))
        #expect(peers.withheld && peers.withheldReason == .roundNotClosed)
        #expect(peers.respondedCount == 0 && peers.values.isEmpty && peers.comments.isEmpty)
    }

    @Test("while ACTIVE, no answer at all and four answers read the same: not even the count of answers moves")
    func countDoesNotMove() throws {
        let empty = RoundScenario()
        var full = RoundScenario()
        for peer in RoundScenario.peers { try full.submit(peer, [2]) }
        #expect(empty.summary() == full.summary())
    }

    @Test("after closing, a group below the threshold is withheld entirely: two answers read exactly like none")
    func belowThresholdAfterClose() throws {
        var two = RoundScenario()
        try two.submit(Fixtures.kasi, [4])
        try two.submit(Fixtures.staff[1], [5])
        try two.submit(Fixtures.staff[2], [1], overall: "Kurang ramah.")
        try two.close()
        var none = RoundScenario()
        try none.submit(Fixtures.kasi, [4])
        try none.close()
        let summary = two.summary(at: RoundScenario.afterDeadline)
        #expect(summary == none.summary(at: RoundScenario.afterDeadline))
        let peers = try #require(summary.group(.rekanKerja))
        #expect(peers.withheld && peers.withheldReason == .belowAnonymityThreshold)
        #expect(peers.respondedCount == 0 && peers.values.isEmpty && peers.comments.isEmpty)
        #expect(summary.combined.allSatisfy { $0.responseCount == 1 }, "the withheld peers are not hidden inside the combined figures")
    }

    @Test("the policy cannot lower the threshold: with a stored threshold of 1, two answers stay withheld")
    func policyCannotLowerThreshold() throws {
        var scenario = RoundScenario()
        scenario.round.anonymityThreshold = 1
        try scenario.submit(Fixtures.staff[1], [5])
        try scenario.submit(Fixtures.staff[2], [1])
        try scenario.close()
        let summary = scenario.summary(at: RoundScenario.afterDeadline, policy: EffectiveFeedbackPolicy(Feedback.FeedbackPolicy(anonymityThreshold: 1)))
        #expect(summary.anonymityThreshold == 3)
        #expect(summary.group(.rekanKerja)?.withheld == true)
    }

    @Test("the order of answers leaves no trace: every order of the same answers gives the same summary")
    func submissionOrder() throws {
        var scenario = RoundScenario()
        try scenario.submit(Fixtures.staff[1], [5], overall: "Cekatan.")
        try scenario.submit(Fixtures.staff[2], [4], overall: "Sopan kepada warga.")
        try scenario.submit(Fixtures.staff[3], [3], overall: "Perlu belajar aplikasi baru.")
        try scenario.close()
        let reference = scenario.summary(at: RoundScenario.afterDeadline)
        var reversed = scenario
        reversed.assessments.reverse()
        reversed.assignments.reverse()
        #expect(reversed.summary(at: RoundScenario.afterDeadline) == reference)
        var rotated = scenario
        rotated.assessments = Array(scenario.assessments[1...]) + [scenario.assessments[0]]
        #expect(rotated.summary(at: RoundScenario.afterDeadline) == reference)
    }

    @Test("no field of a shown summary links a score to a rater: no rater NIP, assignment id, pseudonym or submission time appears in it")
    func noLinkingField() throws {
        let scenario = try BehaviourSummaryTests.complete()
        let summary = scenario.summary(at: RoundScenario.afterDeadline)
        let text = summary.textFormat
        for rater in RoundScenario.peers + [Fixtures.kasi] {
            #expect(!text.contains(rater), "rater \(rater)")
            #expect(!text.contains("a-" + rater))
        }
        #expect(!text.contains("rater:"))
        for assessment in scenario.assessments {
            let seconds = String(assessment.submitted?.at?.seconds ?? -1)
            #expect(!text.contains(seconds), "submission time")
        }
        #expect(text.contains(Fixtures.subject), "the subject is named; the raters are not")
        #expect(summary.groups.allSatisfy { $0.relation != .rekanKerja || $0.values.allSatisfy { $0.responseCount >= 3 } })
    }

    @Test("a closed round never changes, so a summary once shown stays the same: no late answer, no cancellation, no new rater")
    func closedIsFinal() throws {
        var scenario = try BehaviourSummaryTests.complete()
        let shown = scenario.summary(at: RoundScenario.afterDeadline)
        let round = AssessmentRoundLifecycle(scenario.round)
        var assignment = AssignmentLifecycle(scenario.assignments[3])
        #expect(Fixtures.error { try assignment.cancel(round: round, at: RoundScenario.afterDeadline) }?.code == .roundClosed)
        #expect(Fixtures.error {
            try RaterAssignments.assign(Feedback.AssignRatersRequest(raters: [Feedback.RaterChoice(raterNIP: Fixtures.staff[5], relation: .rekanKerja)]),
                                        round: scenario.round, subject: RoundScenario.subject, existing: scenario.assignments,
                                        ties: [Fixtures.staff[5]: RaterTies(sameUnit: true)], now: RoundScenario.afterDeadline)
        }?.code == .roundClosed)
        scenario.round.state = .active // a job that has not yet closed it: the deadline alone makes it final
        #expect(scenario.summary(at: RoundScenario.afterDeadline) == shown.withState(.closed))
    }

    @Test("the audit of a submission names a pseudonym, never the rater")
    func auditPseudonym() throws {
        var scenario = RoundScenario()
        try scenario.submit(Fixtures.staff[1], [4])
        let stamp = try #require(scenario.assessments.first?.submitted)
        #expect(stamp.principal.hasPrefix("rater:") && !stamp.principal.contains(Fixtures.staff[1]))
    }
}

extension Feedback.BehaviourSummary {
    func withState(_ state: Feedback.AssessmentRoundState) -> Feedback.BehaviourSummary {
        var copy = self
        copy.roundState = state
        return copy
    }
}
