import Foundation
import GRDB
import KinerjaASN
import KinerjaFeedback
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// The attack on the 360° anonymity, through the RPCs as the subject and the people around them
/// can make it (the domain's own attack tests are in `Domain/DeanonymisationAttackTests`): no
/// answer a subject can obtain links a score to a rater.
@Suite("The de-anonymisation attack through the RPCs", .serialized)
struct DeanonymisationAttackServiceTests {
    @Test("reading the summary before and after one colleague submits reveals nothing; after closing two answers read like none; three are shown aggregated, without raters")
    func summaryReads() async throws {
        try await withFeedback { f in
            let seksi = try await SeksiRound.open(f)
            let before = try await seksi.summary(f)
            let peers = try #require(before.groups.first { $0.relation == .rekanKerja })
            #expect(peers.withheld && peers.withheldReason == .roundNotClosed)
            #expect(peers.respondedCount == 0 && peers.values.isEmpty && peers.comments.isEmpty)
            // One known colleague answers (the subject watches, knowing who): the summary does not move.
            try await seksi.submit(seksi.peers[0], score: 1, f)
            #expect(try await seksi.summary(f) == before, "byte-identical while the round is ACTIVE")
            #expect(try await seksi.summary(f, as: "atasan") == (try await seksi.summary(f, as: "atasan")))
            try await seksi.submit(seksi.peers[1], score: 2, f)
            #expect(try await seksi.summary(f) == before)
            // Closed with two answers: withheld below the threshold, exactly like no answer at all.
            _ = try await f.client.closeAssessmentRound(Feedback.CloseAssessmentRoundRequest(roundID: seksi.round.roundID),
                                                        options: try await f.signIn("pengelola"))
            let closed = try await seksi.summary(f)
            let withheld = try #require(closed.groups.first { $0.relation == .rekanKerja })
            #expect(withheld.withheld && withheld.withheldReason == .belowAnonymityThreshold)
            #expect(withheld.respondedCount == 0 && withheld.values.isEmpty && withheld.comments.isEmpty)
            #expect(closed.combined.allSatisfy { $0.responseCount <= 1 }, "only the atasan's own rating can be combined")
            // The evaluation service reads the same, through the unit stream.
            let unit = try await f.unitID("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            let streamed = try await f.evaluation.streamBehaviourSummaries(Feedback.StreamBehaviourSummariesRequest(
                unit: Common.UnitScope(unitID: unit), period: seksi.round.period)) { responses in
                var out: [Feedback.BehaviourSummary] = []
                for try await response in responses { if let summary = response.summary { out.append(summary) } }
                return out
            }
            var fromStream = try #require(streamed.first { $0.subject?.nip == seksi.subject })
            fromStream.computedAt = nil
            #expect(fromStream == closed)
        }
    }

    @Test("with three answers the group is shown only aggregated: no NIP, assignment id, pseudonym or time of a rater in any byte the subject reads")
    func shownWithoutRaters() async throws {
        try await withFeedback { f in
            let seksi = try await SeksiRound.open(f)
            for (index, peer) in seksi.peers.enumerated() { try await seksi.submit(peer, score: UInt32(3 + index % 2), f) }
            let hr = try await f.signIn("pengelola")
            _ = try await f.client.closeAssessmentRound(Feedback.CloseAssessmentRoundRequest(roundID: seksi.round.roundID), options: hr)
            let summary = try await seksi.summary(f)
            let peers = try #require(summary.groups.first { $0.relation == .rekanKerja })
            #expect(!peers.withheld)
            #expect(peers.respondedCount == 3)
            #expect(peers.values.first?.responseCount == 3)
            let text = summary.jsonString()
            var assignmentIDs: [String] = []
            for peer in seksi.peers {
                #expect(!text.contains(peer), "no rater NIP in the summary")
                assignmentIDs.append(try await seksi.assignment(of: peer, f).assignmentID)
            }
            for id in assignmentIDs { #expect(!text.contains(id)) }
            #expect(!text.contains("rater:"))
            // The subject cannot list who rates them, nor read another rater's assignments.
            let pegawai = try await f.signIn("pegawai")
            try await f.refused(.permissionDenied, "the subject listing a rater's assignments") {
                try await f.client.listAssessmentAssignments(Feedback.ListAssessmentAssignmentsRequest(raterNIP: seksi.peers[0]), options: pegawai)
            }
        }
    }

    @Test("the audit keeps a keyed pseudonym for each answer: no entry names a rater next to the subject, the round or a score; the peer address and request id are left out")
    func auditHoldsPseudonyms() async throws {
        try await withFeedback { f in
            let seksi = try await SeksiRound.open(f)
            for peer in seksi.peers { try await seksi.submit(peer, score: 4, f) }
            let auditor = try await f.signIn("auditor")
            var events: [Common.AuditEvent] = []
            var cursor = ""
            repeat {
                let page = try await f.client.listAuditEvents(Feedback.ListAuditEventsRequest(page: Common.PageRequest(pageSize: 1000, cursor: cursor)),
                                                              options: auditor)
                events += page.events
                cursor = page.page?.nextCursor ?? ""
            } while !cursor.isEmpty
            let submissions = events.filter { $0.action.hasSuffix("/SubmitBehaviourAssessment") && $0.outcome == .success }
            #expect(submissions.count == seksi.peers.count)
            for event in submissions {
                #expect(event.principal.hasPrefix("rater:") && event.principal.count == 22)
                #expect(event.peerAddress.isEmpty && event.requestID.isEmpty)
                #expect(!event.detail.contains(seksi.subject) && !event.target.contains(seksi.subject))
            }
            #expect(Set(submissions.map(\.principal)).count == seksi.peers.count, "one pseudonym per rater")
            for event in events where event.action.contains("Assessment") || event.action.contains("Raters") {
                for peer in seksi.peers { #expect(!event.detail.contains(peer), "no rater NIP in \(event.action)") }
            }
            // The stored answers carry the pseudonym too, never the NIP.
            let stored = try await f.service.store.pool.read { db in try Data.fetchAll(db, sql: "SELECT body FROM behaviour_assessment") }
            for body in stored {
                let answer = try Feedback.BehaviourAssessment(serializedBytes: Array(body))
                #expect(answer.submitted?.principal.hasPrefix("rater:") == true)
            }
        }
    }

    @Test("the pseudonym secret is created on first start beside the store, 32 bytes, mode 0600, and outside the database")
    func secretFile() async throws {
        try await withFeedback { f in
            let path = f.service.folder + "/feedback-pseudonym.secret"
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            #expect((attributes[.size] as? NSNumber)?.intValue == 32)
        }
    }
}
