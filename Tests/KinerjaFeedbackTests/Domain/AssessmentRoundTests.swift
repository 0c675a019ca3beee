import KinerjaFeedback
import KinerjaProto
import Testing

@Suite("360° rounds: opened for a unit and period, raters assigned (atasan, rekan kerja, bawahan, self), cancelled, answered, closed")
struct AssessmentRoundTests {
    static func openRequest(_ edit: (inout Feedback.AssessmentRound) -> Void = { _ in }) -> Feedback.OpenAssessmentRoundRequest {
        var round = Feedback.AssessmentRound(unit: Common.UnitScope(unitID: Fixtures.unit), period: Fixtures.q1, deadline: RoundScenario.deadline,
                                             peersPerSubject: 3, includeBawahan: true, includeSelf: true, anonymityThreshold: 1, subjectCount: 99)
        edit(&round)
        return Feedback.OpenAssessmentRoundRequest(round: round)
    }

    @Test("pengelola kinerja opens a round ACTIVE, with the policy's anonymity threshold written in (never below 3, whatever the request says)")
    func open() throws {
        let round = try AssessmentRoundLifecycle.validatedOpen(Self.openRequest(), now: Fixtures.now, policy: Fixtures.policy)
        #expect(round.state == .active && round.anonymityThreshold == 3 && round.subjectCount == 0)
        let stricter = EffectiveFeedbackPolicy(Feedback.FeedbackPolicy(anonymityThreshold: 5))
        #expect(try AssessmentRoundLifecycle.validatedOpen(Self.openRequest(), now: Fixtures.now, policy: stricter).anonymityThreshold == 5)
        let error = Fixtures.error {
            try AssessmentRoundLifecycle.validatedOpen(Self.openRequest {
                $0.unit = nil
                $0.period = Common.Period(year: 2026, kind: .monthly, month: 13)
                $0.deadline = Fixtures.now
                $0.peersPerSubject = 11
            }, now: Fixtures.now, policy: Fixtures.policy)
        }
        #expect(error?.violations.map(\.field) == ["round.unit.unit_id", "round.period", "round.deadline", "round.peers_per_subject"])
    }

    @Test("the default assignments: self (when included), the atasan, direct bawahan (when included) and N peers, each person in one group only")
    func defaults() throws {
        let round = Feedback.AssessmentRound(roundID: "r", period: Fixtures.q1, deadline: RoundScenario.deadline, peersPerSubject: 2,
                                             includeBawahan: true, includeSelf: true)
        let kasi = RoundMember(subject: Fixtures.ref(Fixtures.kasi), atasanNIP: Fixtures.kabid, bawahanNIPs: [Fixtures.staff[0], Fixtures.staff[1]],
                               peerCandidates: [Fixtures.staff[0], "198812122012121001", "198901012013011002", "199002022014021003"],
                               expectations: [Feedback.ValueExpectation(value: .akuntabel, ekspektasiKhusus: "Laporan tepat waktu")])
        let made = RaterAssignments.defaults(round: round, members: [kasi], order: RoundScenario.order)
        #expect(made.map(\.relation) == [.selfAssessment, .atasan, .bawahan, .bawahan, .rekanKerja, .rekanKerja])
        #expect(made[0].raterNIP == Fixtures.kasi && made[1].raterNIP == Fixtures.kabid)
        #expect(!made.filter { $0.relation == .rekanKerja }.contains { $0.raterNIP == Fixtures.staff[0] }, "a bawahan is never also a peer")
        #expect(made.allSatisfy { $0.state == .pending && $0.dueAt == RoundScenario.deadline && $0.expectations.count == 1 })
        let again = RaterAssignments.defaults(round: round, members: [kasi], order: RoundScenario.order)
        #expect(again == made, "the peer choice is deterministic for the round")
        var without = round
        without.includeSelf = false
        without.includeBawahan = false
        #expect(RaterAssignments.defaults(round: without, members: [kasi], order: RoundScenario.order).map(\.relation) == [.atasan, .rekanKerja, .rekanKerja])
    }

    @Test("AssignRaters adds rekan kerja and bawahan matching the supervisor tree; SELF and ATASAN are automatic; the subject is never their own rater")
    func assign() throws {
        let scenario = RoundScenario()
        let ties: [String: RaterTies] = [Fixtures.staff[5]: RaterTies(sameUnit: true), Fixtures.kabid: RaterTies()]
        let outcome = try RaterAssignments.assign(
            Feedback.AssignRatersRequest(roundID: RoundScenario.roundID, subjectNIP: Fixtures.subject,
                                         raters: [Feedback.RaterChoice(raterNIP: Fixtures.staff[5], relation: .rekanKerja)]),
            round: scenario.round, subject: RoundScenario.subject, existing: scenario.assignments, ties: ties, now: RoundScenario.beforeDeadline)
        #expect(outcome.added.map(\.raterNIP) == [Fixtures.staff[5]])
        #expect(outcome.groupCounts.map(\.relation) == [.selfAssessment, .atasan, .rekanKerja])
        #expect(outcome.groupCounts.map(\.assignedCount) == [1, 1, 5], "counts only, never NIPs")
        let error = Fixtures.error {
            try RaterAssignments.assign(
                Feedback.AssignRatersRequest(raters: [
                    Feedback.RaterChoice(raterNIP: Fixtures.subject, relation: .rekanKerja),
                    Feedback.RaterChoice(raterNIP: Fixtures.kabid, relation: .rekanKerja),
                    Feedback.RaterChoice(raterNIP: Fixtures.kabid, relation: .bawahan),
                    Feedback.RaterChoice(raterNIP: Fixtures.kasi, relation: .atasan),
                    Feedback.RaterChoice(raterNIP: "123", relation: .rekanKerja),
                ]),
                round: scenario.round, subject: RoundScenario.subject, existing: scenario.assignments, ties: ties, now: RoundScenario.beforeDeadline)
        }
        #expect(error?.violations.map(\.reason) == ["RATER_IS_SUBJECT", "RATER_RELATION_INVALID", "RATER_RELATION_INVALID", "RATER_RELATION_INVALID", "NIP_INVALID"])
        #expect(Fixtures.error {
            try RaterAssignments.assign(Feedback.AssignRatersRequest(), round: scenario.round, subject: RoundScenario.subject,
                                        existing: [], ties: [:], now: RoundScenario.beforeDeadline)
        }?.code == .tooManyItems)
    }

    @Test("assigning is idempotent: an identical assignment is not duplicated; the same person in another group is refused")
    func duplicates() throws {
        let scenario = RoundScenario()
        let peer = Fixtures.staff[1]
        let same = try RaterAssignments.assign(
            Feedback.AssignRatersRequest(raters: [Feedback.RaterChoice(raterNIP: peer, relation: .rekanKerja)]), round: scenario.round,
            subject: RoundScenario.subject, existing: scenario.assignments, ties: [peer: RaterTies(sameAtasan: true)], now: RoundScenario.beforeDeadline)
        #expect(same.added.isEmpty)
        let other = Fixtures.error {
            try RaterAssignments.assign(
                Feedback.AssignRatersRequest(raters: [Feedback.RaterChoice(raterNIP: peer, relation: .bawahan)]), round: scenario.round,
                subject: RoundScenario.subject, existing: scenario.assignments, ties: [peer: RaterTies(isDirectBawahan: true)], now: RoundScenario.beforeDeadline)
        }
        #expect(other?.code == .raterAlreadyAssigned)
    }

    @Test("a rater not assigned is refused (NOT_FOUND, as if there were no such assignment); a rater assessing twice is ALREADY_EXISTS")
    func submitOnce() throws {
        let scenario = RoundScenario()
        let index = try #require(scenario.assignments.firstIndex { $0.raterNIP == Fixtures.staff[1] })
        var lifecycle = AssignmentLifecycle(scenario.assignments[index])
        let round = AssessmentRoundLifecycle(scenario.round)
        let stranger = Fixtures.error { try lifecycle.submit(by: Fixtures.staff[5], round: round, at: RoundScenario.beforeDeadline) }
        #expect(stranger?.code == .assignmentNotFound)
        #expect(stranger?.rpcStatus?.code == .notFound)
        try lifecycle.submit(by: Fixtures.staff[1], round: round, at: RoundScenario.beforeDeadline)
        let twice = Fixtures.error { try lifecycle.submit(by: Fixtures.staff[1], round: round, at: RoundScenario.beforeDeadline) }
        #expect(twice?.code == .assessmentAlreadySubmitted)
        #expect(twice?.rpcStatus?.code == .alreadyExists)
    }

    @Test("nothing is answered after the deadline, nor in a closed round; closing expires the pending assignments and cannot happen twice")
    func deadlineAndClose() throws {
        var scenario = RoundScenario()
        let round = AssessmentRoundLifecycle(scenario.round)
        #expect(round.effectiveState(at: RoundScenario.beforeDeadline) == .active)
        #expect(round.effectiveState(at: RoundScenario.deadline) == .closed, "the deadline itself is late")
        var late = AssignmentLifecycle(scenario.assignments[0])
        #expect(Fixtures.error { try late.submit(by: late.raterNIP, round: round, at: RoundScenario.deadline) }?.code == .roundPastDeadline)
        try scenario.submit(Fixtures.staff[1], [4])
        try scenario.close()
        #expect(scenario.round.state == .closed)
        #expect(scenario.assignments.filter { $0.state == .expired }.count == 5)
        #expect(scenario.assignments.filter { $0.state == .submitted }.count == 1)
        var closed = AssessmentRoundLifecycle(scenario.round)
        #expect(Fixtures.error { try closed.close() }?.code == .roundClosed)
        var expired = AssignmentLifecycle(scenario.assignments[0])
        #expect(Fixtures.error { try expired.submit(by: expired.raterNIP, round: closed, at: RoundScenario.beforeDeadline) }?.code == .roundClosed)
        var open = AssessmentRoundLifecycle(RoundScenario().round)
        #expect(Fixtures.error { try open.close(reason: String(repeating: "x", count: 501)) }?.code == .textTooLong)
    }

    @Test("pengelola kinerja cancels an assignment while the round takes changes; a cancelled answer stops counting")
    func cancel() throws {
        var scenario = RoundScenario()
        try scenario.submit(Fixtures.staff[1], [5])
        let index = try #require(scenario.assignments.firstIndex { $0.raterNIP == Fixtures.staff[1] })
        var lifecycle = AssignmentLifecycle(scenario.assignments[index])
        try lifecycle.cancel(round: AssessmentRoundLifecycle(scenario.round), at: RoundScenario.beforeDeadline)
        #expect(lifecycle.state == .cancelled && !lifecycle.counts)
        #expect(Fixtures.error { try lifecycle.cancel(round: AssessmentRoundLifecycle(scenario.round), at: RoundScenario.beforeDeadline) }?.code
            == .assignmentNotPending)
        #expect(Fixtures.error { try lifecycle.submit(by: Fixtures.staff[1], round: AssessmentRoundLifecycle(scenario.round), at: RoundScenario.beforeDeadline) }?.code
            == .assignmentNotPending)
    }

    @Test("the subject's side never sees who rates them: the assignment without its rater")
    func withoutRater() {
        let scenario = RoundScenario()
        #expect(scenario.assignments.map(RaterAssignments.withoutRater).allSatisfy { $0.raterNIP.isEmpty })
    }

    @Test("an assignment shows the atasan's ekspektasi khusus per value, several joined with '; ', the rater scores against them")
    func expectations() {
        let expectations = [
            Planning.BehaviourExpectation(value: .berorientasiPelayanan, ekspektasiKhusus: "Merespons pengaduan warga dalam 1×24 jam"),
            Planning.BehaviourExpectation(value: .akuntabel, ekspektasiKhusus: " Laporan harian tepat waktu "),
            Planning.BehaviourExpectation(value: .berorientasiPelayanan, ekspektasiKhusus: "Ramah kepada lansia", rhkID: "rhk-ktp"),
            Planning.BehaviourExpectation(value: .loyal, ekspektasiKhusus: "  "),
        ]
        let shown = ValueExpectations.from(expectations)
        #expect(shown.map(\.value) == [.berorientasiPelayanan, .akuntabel])
        #expect(shown[0].ekspektasiKhusus == "Merespons pengaduan warga dalam 1×24 jam; Ramah kepada lansia")
        #expect(shown[1].ekspektasiKhusus == "Laporan harian tepat waktu")
        let long = ValueExpectations.from([Planning.BehaviourExpectation(value: .adaptif, ekspektasiKhusus: String(repeating: "a", count: 5000))])
        #expect(long[0].ekspektasiKhusus.unicodeScalars.count == FeedbackLimits.expectationMaximum)
    }
}
