import KinerjaFeedback
import KinerjaProto
import Testing

@Suite("The behaviour summary evaluation reads: means per value per group, counts, withheld groups with their reason")
struct BehaviourSummaryTests {
    /// A closed round where the atasan, the subject and all four peers answered.
    static func complete() throws -> RoundScenario {
        var scenario = RoundScenario()
        try scenario.submit(Fixtures.subject, [5], overall: "Saya berusaha melayani dengan cepat.")
        try scenario.submit(Fixtures.kasi, [4, 3], overall: "Perlu lebih disiplin pada laporan harian.")
        try scenario.submit(Fixtures.staff[1], [4], overall: "Selalu membantu saat antrean panjang.")
        try scenario.submit(Fixtures.staff[2], [5])
        try scenario.submit(Fixtures.staff[3], [3])
        try scenario.submit(Fixtures.staff[4], [4, 2])
        try scenario.close()
        return scenario
    }

    @Test("one group per assigned relation, in the order self, atasan, rekan kerja, bawahan; the threshold applied is stated")
    func groups() throws {
        let summary = try Self.complete().summary(at: RoundScenario.afterDeadline)
        #expect(summary.roundID == RoundScenario.roundID && summary.roundState == .closed)
        #expect(summary.groups.map(\.relation) == [.selfAssessment, .atasan, .rekanKerja])
        #expect(summary.anonymityThreshold == 3)
        #expect(summary.subject == RoundScenario.subject && summary.period == Fixtures.q1)
    }

    @Test("the peer group: count, mean and the five score counts per value, over the four answers")
    func peerMeans() throws {
        let peers = try #require(try Self.complete().summary(at: RoundScenario.afterDeadline).group(.rekanKerja))
        #expect(!peers.withheld && peers.assignedCount == 4 && peers.respondedCount == 4)
        let pelayanan = try #require(peers.values.first)
        // Berorientasi Pelayanan: 4, 5, 3, 4.
        #expect(pelayanan.value == .berorientasiPelayanan && pelayanan.responseCount == 4 && pelayanan.meanScore == 4)
        #expect(pelayanan.scoreCounts == [0, 0, 1, 2, 1])
        // Akuntabel: 4, 5, 3, 2.
        #expect(peers.values[1].meanScore == 3.5 && peers.values[1].scoreCounts == [0, 1, 1, 1, 1])
        #expect(peers.values.count == 7)
    }

    @Test("the atasan group is the atasan's own rating, never mixed into the peers; the self-assessment is shown on its own and never combined")
    func atasanAndSelf() throws {
        let summary = try Self.complete().summary(at: RoundScenario.afterDeadline)
        let atasan = try #require(summary.group(.atasan))
        #expect(atasan.respondedCount == 1 && atasan.values.map(\.meanScore) == [4, 3, 4, 3, 4, 3, 4])
        #expect(atasan.comments == ["Perlu lebih disiplin pada laporan harian."])
        let selfGroup = try #require(summary.group(.selfAssessment))
        #expect(selfGroup.values.allSatisfy { $0.meanScore == 5 })
        // Combined Berorientasi Pelayanan = atasan 4 + peers 4, 5, 3, 4 = 20 / 5; the self 5 is not in it.
        #expect(summary.combined[0].responseCount == 5 && summary.combined[0].meanScore == 4)
        #expect(summary.combined[1].responseCount == 5 && summary.combined[1].meanScore == 3.4)
    }

    @Test("the atasan's and the self rating show as soon as given, while the peers wait for the round to close")
    func whileActive() throws {
        var scenario = RoundScenario()
        try scenario.submit(Fixtures.kasi, [4])
        let summary = scenario.summary()
        #expect(summary.roundState == .active)
        #expect(summary.group(.atasan)?.withheld == false)
        #expect(summary.group(.selfAssessment)?.withheldReason == .noResponses)
        #expect(summary.group(.rekanKerja)?.withheldReason == .roundNotClosed)
        #expect(summary.combined.map(\.responseCount) == [1, 1, 1, 1, 1, 1, 1], "only the atasan's scores until the round closes")
    }

    @Test("comments come without their rater: per-value comments start with the value's name; peers' in keyed-hash order")
    func comments() throws {
        let peers = try #require(try Self.complete().summary(at: RoundScenario.afterDeadline).group(.rekanKerja))
        #expect(peers.comments.count == 8, "seven per-value comments on the 5s, one overall comment")
        #expect(peers.comments.contains("Selalu membantu saat antrean panjang."))
        #expect(peers.comments.filter { $0 == "Berorientasi Pelayanan: Teramati di loket" }.count == 1)
        #expect(peers.comments == RoundScenario.order.ordered(peers.comments))
    }

    @Test("the threshold is the highest of the round's, the policy's and 3: a stricter policy withholds a group of 4")
    func threshold() throws {
        let scenario = try Self.complete()
        let strict = EffectiveFeedbackPolicy(Feedback.FeedbackPolicy(anonymityThreshold: 5))
        let summary = scenario.summary(at: RoundScenario.afterDeadline, policy: strict)
        #expect(summary.anonymityThreshold == 5)
        #expect(summary.group(.rekanKerja)?.withheldReason == .belowAnonymityThreshold)
        var lax = scenario
        lax.round.anonymityThreshold = 1
        #expect(lax.summary(at: RoundScenario.afterDeadline).anonymityThreshold == 3)
    }

    @Test("without a round there is a summary with no groups; evaluation reads it as 'no 360° summary'")
    func noRound() {
        let builder = BehaviourSummaryBuilder(policy: Fixtures.policy, order: RoundScenario.order)
        let summary = builder.summary(subject: RoundScenario.subject, period: Fixtures.q1, round: nil, assignments: [], assessments: [],
                                      now: Fixtures.now, citizen: Feedback.CitizenSummary(nip: Fixtures.subject), feedback: (3, 1))
        #expect(summary.roundID.isEmpty && summary.groups.isEmpty && summary.combined.isEmpty)
        #expect(summary.feedbackCount == 3 && summary.correctiveFeedbackCount == 1 && summary.citizen?.nip == Fixtures.subject)
        #expect(summary.computedAt == Fixtures.now)
    }

    @Test("a unit streams one summary per employee, by NIP, each from its own assignments")
    func unitStream() throws {
        let scenario = try Self.complete()
        let members = [Fixtures.ref(Fixtures.staff[1]), RoundScenario.subject]
        let rows = BehaviourSummaryBuilder(policy: Fixtures.policy, order: RoundScenario.order).summaries(
            members: members, period: Fixtures.q1, round: scenario.round, assignments: scenario.assignments, assessments: scenario.assessments,
            now: RoundScenario.afterDeadline, feedback: [Fixtures.subject: (2, 0)])
        #expect(rows.map { $0.subject?.nip } == [Fixtures.subject, Fixtures.staff[1]])
        #expect(rows[0] == scenario.summary(at: RoundScenario.afterDeadline).withFeedback(2))
        #expect(rows[1].groups.isEmpty, "staff[1] has no assignments as a subject")
    }
}

extension Feedback.BehaviourSummary {
    func withFeedback(_ count: UInt32) -> Feedback.BehaviourSummary {
        var copy = self
        copy.feedbackCount = count
        return copy
    }
}
