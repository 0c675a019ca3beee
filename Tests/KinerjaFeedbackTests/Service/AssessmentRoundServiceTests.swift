import Foundation
import KinerjaASN
import KinerjaFeedback
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// A round over the pegawai persona's seksi (Identitas Penduduk, Dukcapil): the Kasi (`atasan`)
/// and their staff.
struct SeksiRound {
    let round: Feedback.AssessmentRound
    let subject: String
    let peers: [String]

    static func open(_ f: FeedbackFixture, peers: UInt32 = 3, deadlineDays: Int64 = 14) async throws -> SeksiRound {
        let hr = try await f.signIn("pengelola")
        let unit = try await f.unitID("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
        let period = Common.Period(year: thisYear, kind: .annual)
        let deadline = Common.Timestamp(seconds: Int64(Date().timeIntervalSince1970) + deadlineDays * 86_400, nanos: 0)
        let round = try #require(try await f.client.openAssessmentRound(Feedback.OpenAssessmentRoundRequest(round: Feedback.AssessmentRound(
            unit: Common.UnitScope(unitID: unit), period: period, deadline: deadline, peersPerSubject: peers, includeBawahan: true,
            includeSelf: true)), options: hr).round)
        let subject = try f.nip("pegawai")
        // Who assesses the subject as rekan kerja: only the pengelola sees it (and each rater their own).
        var raters: [String] = []
        for colleague in try await f.colleagues() {
            let mine = try await f.client.listAssessmentAssignments(Feedback.ListAssessmentAssignmentsRequest(
                raterNIP: colleague.nip, roundID: round.roundID), options: hr)
            if mine.assignments.contains(where: { $0.subject?.nip == subject && $0.relation == .rekanKerja }) { raters.append(colleague.nip) }
        }
        return SeksiRound(round: round, subject: subject, peers: raters)
    }

    /// `rater`'s assignment for the subject.
    func assignment(of rater: String, _ f: FeedbackFixture) async throws -> Feedback.AssessmentAssignment {
        let options = try await f.signIn(nip: rater)
        let mine = try await f.client.listAssessmentAssignments(Feedback.ListAssessmentAssignmentsRequest(
            roundID: round.roundID, states: [.pending, .submitted, .expired, .cancelled]), options: options)
        return try #require(mine.assignments.first { $0.subject?.nip == subject })
    }

    /// `rater` submits `score` on every value for the subject.
    func submit(_ rater: String, score: UInt32, _ f: FeedbackFixture) async throws {
        let assignment = try await assignment(of: rater, f)
        _ = try await f.client.submitBehaviourAssessment(Feedback.SubmitBehaviourAssessmentRequest(
            assignmentID: assignment.assignmentID, scores: scores(score), overallComment: "Rekan yang dapat diandalkan"),
                                                         options: try await f.signIn(nip: rater))
    }

    /// The subject's summary as `persona` reads it, without the instant of the read.
    func summary(_ f: FeedbackFixture, as persona: String = "pegawai") async throws -> Feedback.BehaviourSummary {
        var summary = try #require(try await f.client.getBehaviourSummary(Feedback.GetBehaviourSummaryRequest(
            nip: subject, period: round.period), options: try await f.signIn(persona)).summary)
        summary.computedAt = nil
        return summary
    }
}

@Suite("360° BerAKHLAK rounds over mutual TLS", .serialized)
struct AssessmentRoundServiceTests {
    @Test("a round opens with default raters (self, atasan, bawahan, peers chosen by a keyed hash); raters are added and cancelled; answers once; closing expires the rest")
    func roundLifecycle() async throws {
        try await withFeedback(planningDemo: true) { f in
            let hr = try await f.signIn("pengelola"), atasan = try await f.signIn("atasan"), pegawai = try await f.signIn("pegawai")
            let seksi = try await SeksiRound.open(f)
            #expect(seksi.round.state == .active)
            #expect(seksi.round.anonymityThreshold == 3)
            #expect(seksi.peers.count == 3)
            try await f.refused(.alreadyExists, "a second round for the same unit and period") {
                try await f.client.openAssessmentRound(Feedback.OpenAssessmentRoundRequest(round: seksi.round), options: hr)
            }
            // The subject's own assignment (self) shows the atasan's ekspektasi khusus where planning has them.
            let own = try await f.client.listAssessmentAssignments(Feedback.ListAssessmentAssignmentsRequest(roundID: seksi.round.roundID), options: pegawai)
            #expect(own.assignments.contains { $0.relation == .selfAssessment && $0.subject?.nip == seksi.subject })
            // The atasan adds the remaining colleague as rekan kerja; adding again is idempotent; a stranger is not a peer.
            let extra = try await f.colleagues().map(\.nip).filter { !seksi.peers.contains($0) }
            if let colleague = extra.first {
                let added = try await f.client.assignRaters(Feedback.AssignRatersRequest(roundID: seksi.round.roundID, subjectNIP: seksi.subject,
                                                                                        raters: [Feedback.RaterChoice(raterNIP: colleague, relation: .rekanKerja)]),
                                                            options: atasan)
                #expect(added.addedCount == 1)
                #expect(added.groupCounts.first { $0.relation == .rekanKerja }?.assignedCount == 4)
                let again = try await f.client.assignRaters(Feedback.AssignRatersRequest(roundID: seksi.round.roundID, subjectNIP: seksi.subject,
                                                                                        raters: [Feedback.RaterChoice(raterNIP: colleague, relation: .rekanKerja)]),
                                                            options: atasan)
                #expect(again.addedCount == 0)
            }
            let stranger = try await f.stranger()
            try await f.refused(.invalidArgument, reason: "RATER_RELATION_INVALID", "a stranger as rekan kerja") {
                try await f.client.assignRaters(Feedback.AssignRatersRequest(roundID: seksi.round.roundID, subjectNIP: seksi.subject,
                                                                            raters: [Feedback.RaterChoice(raterNIP: stranger.nip, relation: .rekanKerja)]), options: atasan)
            }
            try await f.refused(.invalidArgument, reason: "RATER_RELATION_INVALID", "the atasan named as a group") {
                try await f.client.assignRaters(Feedback.AssignRatersRequest(roundID: seksi.round.roundID, subjectNIP: seksi.subject,
                                                                            raters: [Feedback.RaterChoice(raterNIP: try f.nip("atasan"), relation: .atasan)]), options: atasan)
            }
            try await f.refused(.permissionDenied, "a colleague adding raters") {
                try await f.client.assignRaters(Feedback.AssignRatersRequest(roundID: seksi.round.roundID, subjectNIP: seksi.subject,
                                                                            raters: [Feedback.RaterChoice(raterNIP: stranger.nip, relation: .rekanKerja)]),
                                                options: try await f.signIn(nip: seksi.peers[0]))
            }
            // Scores out of range, an extreme score without a comment: nothing stored.
            let first = try await seksi.assignment(of: seksi.peers[0], f)
            let peerOptions = try await f.signIn(nip: seksi.peers[0])
            try await f.refused(.invalidArgument, reason: "SCORE_OUT_OF_RANGE", "a score of 6") {
                try await f.client.submitBehaviourAssessment(Feedback.SubmitBehaviourAssessmentRequest(assignmentID: first.assignmentID, scores: scores(6)),
                                                             options: peerOptions)
            }
            try await f.refused(.invalidArgument, reason: "SCORE_COMMENT_REQUIRED", "a 5 without a comment") {
                try await f.client.submitBehaviourAssessment(Feedback.SubmitBehaviourAssessmentRequest(
                    assignmentID: first.assignmentID, scores: scores(5, comment: "")), options: peerOptions)
            }
            try await f.refused(.invalidArgument, reason: "BEHAVIOUR_SCORES_INCOMPLETE", "six scores") {
                try await f.client.submitBehaviourAssessment(Feedback.SubmitBehaviourAssessmentRequest(
                    assignmentID: first.assignmentID, scores: Array(scores(4).prefix(6))), options: peerOptions)
            }
            // A rater not assigned gets NOT_FOUND, as if the assignment did not exist; the refusal is audited.
            try await f.refused(.notFound, reason: "ASSIGNMENT_NOT_FOUND", "an assessment by a rater not assigned") {
                try await f.client.submitBehaviourAssessment(Feedback.SubmitBehaviourAssessmentRequest(assignmentID: first.assignmentID, scores: scores(4)),
                                                             options: try await f.signIn(nip: stranger.nip))
            }
            let refusals = try await f.auditEvents(action: "/kinerja.feedback.v1.FeedbackService/SubmitBehaviourAssessment").filter { $0.outcome == .denied }
            #expect(refusals.contains { $0.principal == stranger.nip && $0.statusCode == 5 })
            try await seksi.submit(seksi.peers[0], score: 4, f)
            try await f.refused(.alreadyExists, reason: "ASSESSMENT_ALREADY_SUBMITTED", "assessing twice") {
                try await f.client.submitBehaviourAssessment(Feedback.SubmitBehaviourAssessmentRequest(assignmentID: first.assignmentID, scores: scores(4)),
                                                             options: peerOptions)
            }
            // Pengelola kinerja cancel an assignment with a reason; the rater then cannot answer.
            let second = try await seksi.assignment(of: seksi.peers[1], f)
            try await f.refused(.invalidArgument, reason: "REASON_REQUIRED", "cancelling without a reason") {
                try await f.client.cancelAssessmentAssignment(Feedback.CancelAssessmentAssignmentRequest(assignmentID: second.assignmentID), options: hr)
            }
            let cancelled = try await f.client.cancelAssessmentAssignment(Feedback.CancelAssessmentAssignmentRequest(
                assignmentID: second.assignmentID, reason: "Konflik kepentingan: saudara kandung"), options: hr)
            #expect(cancelled.assignment?.state == .cancelled)
            try await f.refused(.failedPrecondition, reason: "ASSIGNMENT_NOT_PENDING", "answering a cancelled assignment") {
                try await f.client.submitBehaviourAssessment(Feedback.SubmitBehaviourAssessmentRequest(assignmentID: second.assignmentID, scores: scores(3)),
                                                             options: try await f.signIn(nip: seksi.peers[1]))
            }
            let progress = try #require(try await f.client.getAssessmentRound(Feedback.GetAssessmentRoundRequest(roundID: seksi.round.roundID), options: hr).round)
            #expect(progress.submittedCount == 1)
            let closed = try await f.client.closeAssessmentRound(Feedback.CloseAssessmentRoundRequest(roundID: seksi.round.roundID, reason: "Selesai"),
                                                                 options: hr)
            #expect(closed.round?.state == .closed)
            #expect(closed.expiredAssignments > 0)
            try await f.refused(.failedPrecondition, reason: "ROUND_CLOSED", "closing again") {
                try await f.client.closeAssessmentRound(Feedback.CloseAssessmentRoundRequest(roundID: seksi.round.roundID), options: hr)
            }
            try await f.refused(.failedPrecondition, "assigning in a closed round") {
                try await f.client.assignRaters(Feedback.AssignRatersRequest(roundID: seksi.round.roundID, subjectNIP: seksi.subject,
                                                                            raters: [Feedback.RaterChoice(raterNIP: seksi.peers[2], relation: .rekanKerja)]), options: atasan)
            }
        }
    }

    @Test("an open round's deadline must be in the future, peers 0-10, a known unit; only pengelola kinerja in scope open one")
    func openingRefusals() async throws {
        try await withFeedback { f in
            let hr = try await f.signIn("pengelola"), pimpinan = try await f.signIn("pimpinan")
            let unit = try await f.unitID("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            let past = Common.Timestamp(seconds: Int64(Date().timeIntervalSince1970) - 60, nanos: 0)
            let future = Common.Timestamp(seconds: Int64(Date().timeIntervalSince1970) + 86_400, nanos: 0)
            let period = Common.Period(year: thisYear, kind: .annual)
            try await f.refused(.invalidArgument, "a past deadline and 11 peers") {
                try await f.client.openAssessmentRound(Feedback.OpenAssessmentRoundRequest(round: Feedback.AssessmentRound(
                    unit: Common.UnitScope(unitID: unit), period: period, deadline: past, peersPerSubject: 11)), options: hr)
            }
            try await f.refused(.notFound, "an unknown unit") {
                try await f.client.openAssessmentRound(Feedback.OpenAssessmentRoundRequest(round: Feedback.AssessmentRound(
                    unit: Common.UnitScope(unitID: "01JNOSUCHUNIT"), period: period, deadline: future)), options: hr)
            }
            try await f.refused(.permissionDenied, "the pimpinan opening a round") {
                try await f.client.openAssessmentRound(Feedback.OpenAssessmentRoundRequest(round: Feedback.AssessmentRound(
                    unit: Common.UnitScope(unitID: unit), period: period, deadline: future)), options: pimpinan)
            }
        }
    }
}
