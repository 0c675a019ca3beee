import Foundation
import KinerjaFeedback
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

@Suite("Continuous feedback and solicitations over mutual TLS, with real identity and planning", .serialized)
struct ContinuousFeedbackServiceTests {
    @Test("the atasan gives feedback tied to the bawahan's RHK (checked with planning); the bawahan acknowledges once; every step audited")
    func giveAndAcknowledge() async throws {
        try await withFeedback(planningDemo: true) { f in
            let atasan = try await f.signIn("atasan"), pegawai = try await f.signIn("pegawai")
            let pegawaiNIP = try f.nip("pegawai")
            let skp = try #require(try await f.planning.client.getCurrentSkp(Planning.GetCurrentSkpRequest(nip: pegawaiNIP, year: thisYear), options: pegawai).skp)
            let rhk = try #require(skp.rhks.first)
            let given = try #require(try await f.client.giveFeedback(Feedback.GiveFeedbackRequest(feedback: Feedback.ContinuousFeedback(
                recipientNIP: pegawaiNIP, kind: .apresiasi, subjectKind: .rhk, subjectID: rhk.rhkID, relatedValue: .berorientasiPelayanan,
                message: "  Antrean KTP-el hari ini selesai tepat waktu. Terima kasih.  ")), options: atasan).feedback)
            #expect(given.giverNIP == (try f.nip("atasan")))
            #expect(given.message == "Antrean KTP-el hari ini selesai tepat waktu. Terima kasih.", "stored trimmed")
            #expect(!given.fromRekanKerja)
            // An IKI of the same SKP is found through the recipient's SKP; another employee's RHK is not theirs.
            if let iki = rhk.ikis.first {
                _ = try await f.client.giveFeedback(Feedback.GiveFeedbackRequest(feedback: Feedback.ContinuousFeedback(
                    recipientNIP: pegawaiNIP, kind: .saran, subjectKind: .iki, subjectID: iki.ikiID, message: "Lengkapi bukti dukung.")), options: atasan)
            }
            let atasanSkp = try #require(try await f.planning.client.getCurrentSkp(Planning.GetCurrentSkpRequest(nip: try f.nip("atasan"), year: thisYear), options: atasan).skp)
            try await f.refused(.notFound, reason: "SUBJECT_NOT_FOUND", "an RHK of someone else") {
                try await f.client.giveFeedback(Feedback.GiveFeedbackRequest(feedback: Feedback.ContinuousFeedback(
                    recipientNIP: pegawaiNIP, kind: .saran, subjectKind: .rhk, subjectID: atasanSkp.rhks.first?.rhkID ?? "x", message: "Catatan")), options: atasan)
            }
            try await f.refused(.failedPrecondition, reason: "REPORTING_NOT_CONFIGURED", "a daily report without a reporting peer") {
                try await f.client.giveFeedback(Feedback.GiveFeedbackRequest(feedback: Feedback.ContinuousFeedback(
                    recipientNIP: pegawaiNIP, kind: .saran, subjectKind: .dailyReport, subjectID: "01JREPORT", message: "Catatan")), options: atasan)
            }
            // The recipient acknowledges with a response; a second acknowledgement is refused, a replay of the first is not.
            let keyed = FeedbackFixture.keyed(pegawai, "ack-\(given.feedbackID)")
            let acknowledged = try #require(try await f.client.acknowledgeFeedback(Feedback.AcknowledgeFeedbackRequest(
                feedbackID: given.feedbackID, response: "Terima kasih, Pak."), options: keyed).feedback)
            #expect(acknowledged.acknowledged != nil)
            let replay = try await f.client.acknowledgeFeedback(Feedback.AcknowledgeFeedbackRequest(feedbackID: given.feedbackID, response: "Terima kasih, Pak."),
                                                                options: keyed)
            #expect(replay.feedback == acknowledged)
            try await f.refused(.failedPrecondition, reason: "FEEDBACK_ALREADY_ACKNOWLEDGED", "a second acknowledgement") {
                try await f.client.acknowledgeFeedback(Feedback.AcknowledgeFeedbackRequest(feedbackID: given.feedbackID), options: pegawai)
            }
            try await f.refused(.permissionDenied, reason: "NOT_A_PARTY", "the giver acknowledging") {
                try await f.client.acknowledgeFeedback(Feedback.AcknowledgeFeedbackRequest(feedbackID: given.feedbackID), options: atasan)
            }
            // Lists: the recipient's own, the atasan's given.
            let mine = try await f.client.listFeedback(Feedback.ListFeedbackRequest(), options: pegawai)
            #expect(mine.feedback.contains { $0.feedbackID == given.feedbackID })
            let sent = try await f.client.listFeedback(Feedback.ListFeedbackRequest(giverNIP: try f.nip("atasan")), options: atasan)
            #expect(sent.feedback.count >= 2)
            let events = try await f.auditEvents(action: "/kinerja.feedback.v1.FeedbackService/GiveFeedback")
            #expect(events.contains { $0.outcome == .success && $0.target == "feedback/\(given.feedbackID)" && $0.detail.contains("atasan langsung") })
        }
    }

    @Test("feedback to someone who is not your bawahan is PERMISSION_DENIED, audited, and changes nothing; a stranger cannot read it")
    func notYourBawahan() async throws {
        try await withFeedback { f in
            let pegawai = try await f.signIn("pegawai"), atasan = try await f.signIn("atasan")
            let stranger = try await f.stranger()
            try await f.refused(.permissionDenied, reason: "FEEDBACK_GIVER_NOT_ALLOWED", "feedback to a stranger") {
                try await f.client.giveFeedback(Feedback.GiveFeedbackRequest(feedback: Feedback.ContinuousFeedback(
                    recipientNIP: stranger.nip, kind: .koreksi, message: "Laporan terlambat")), options: atasan)
            }
            try await f.refused(.permissionDenied, reason: "FEEDBACK_GIVER_NOT_ALLOWED", "a bawahan giving feedback to the atasan") {
                try await f.client.giveFeedback(Feedback.GiveFeedbackRequest(feedback: Feedback.ContinuousFeedback(
                    recipientNIP: try f.nip("atasan"), kind: .saran, message: "Rapat terlalu panjang")), options: pegawai)
            }
            // A rekan kerja may not, until the policy allows peer feedback in the unit.
            let colleague = try #require(try await f.colleagues().first)
            try await f.refused(.permissionDenied, reason: "FEEDBACK_GIVER_NOT_ALLOWED", "a rekan kerja without the policy") {
                try await f.client.giveFeedback(Feedback.GiveFeedbackRequest(feedback: Feedback.ContinuousFeedback(
                    recipientNIP: colleague.nip, kind: .apresiasi, message: "Terima kasih sudah membantu")), options: pegawai)
            }
            let denials = try await f.auditEvents(action: "/kinerja.feedback.v1.FeedbackService/GiveFeedback").filter { $0.outcome == .denied }
            #expect(denials.count == 3, "every refusal of who may is audited")
            let dukcapil = try await f.unitID("KPG.DUKCAPIL")
            try await f.setPolicy { $0.peerFeedbackUnitIDs = [dukcapil] }
            let peer = try #require(try await f.client.giveFeedback(Feedback.GiveFeedbackRequest(feedback: Feedback.ContinuousFeedback(
                recipientNIP: colleague.nip, kind: .apresiasi, message: "Terima kasih sudah membantu")), options: pegawai).feedback)
            #expect(peer.fromRekanKerja)
            // Unknown and malformed recipients.
            try await f.refused(.notFound, "an unknown recipient") {
                try await f.client.giveFeedback(Feedback.GiveFeedbackRequest(feedback: Feedback.ContinuousFeedback(
                    recipientNIP: "199001012015031999", kind: .saran, message: "x")), options: atasan)
            }
            let strangerOptions = try await f.signIn(nip: stranger.nip)
            try await f.refused(.notFound, "a stranger reading someone's feedback") {
                try await f.client.getFeedback(Feedback.GetFeedbackRequest(feedbackID: peer.feedbackID), options: strangerOptions)
            }
        }
    }

    @Test("oversized, NUL-containing and incomplete feedback is INVALID_ARGUMENT listing every field, and changes nothing")
    func badText() async throws {
        try await withFeedback { f in
            let atasan = try await f.signIn("atasan")
            let nip = try f.nip("pegawai")
            try await f.refused(.invalidArgument, reason: "TEXT_TOO_LONG", "4001 characters") {
                try await f.client.giveFeedback(Feedback.GiveFeedbackRequest(feedback: Feedback.ContinuousFeedback(
                    recipientNIP: nip, kind: .saran, message: String(repeating: "a", count: 4001))), options: atasan)
            }
            // protobuf-c strings cannot hold NUL, so our own client refuses to send one: the bytes are
            // written by hand, as a hostile client would, and the server refuses them while decoding.
            var bytes = try Feedback.GiveFeedbackRequest(feedback: Feedback.ContinuousFeedback(
                recipientNIP: nip, kind: .saran, message: "baik~sekali")).serializedBytes()
            let tilde = try #require(bytes.firstIndex(of: UInt8(ascii: "~")))
            bytes[tilde] = 0
            let raw = try f.service.transport(as: .client("operator"))
            let nul = try await f.refused(.invalidArgument, "a NUL inside the message") {
                try await raw.call(Feedback.FeedbackService.Method.giveFeedback, options: atasan, request: bytes) { responses in
                    for try await _ in responses {}
                }
            }
            #expect(nul?.message.isEmpty == false, "\(nul?.message ?? "")")
            let bell = try await f.refused(.invalidArgument, reason: "TEXT_CONTROL_CHARACTER", "another control character") {
                try await f.client.giveFeedback(Feedback.GiveFeedbackRequest(feedback: Feedback.ContinuousFeedback(
                    recipientNIP: nip, kind: .saran, message: "baik\u{7}sekali")), options: atasan)
            }
            #expect(bell?.message.contains("U+0007") == true)
            let several = try await f.refused(.invalidArgument, "no kind, no text, a subject id without kind") {
                try await f.client.giveFeedback(Feedback.GiveFeedbackRequest(feedback: Feedback.ContinuousFeedback(
                    recipientNIP: nip, subjectID: "01J", message: "  ")), options: atasan)
            }
            let fields = several?.details.compactMap { detail -> [String]? in
                if case .badRequest(let bad) = detail.detail { return bad.fieldViolations.map(\.field) }
                return nil
            }.flatMap { $0 } ?? []
            #expect(Set(fields) == ["feedback.kind", "feedback.subject_id", "feedback.message"])
        }
    }

    @Test("an employee asks their atasan for feedback; the answer closes it; declining needs a reason; at most 5 open per addressee")
    func solicitations() async throws {
        try await withFeedback { f in
            let pegawai = try await f.signIn("pegawai"), atasan = try await f.signIn("atasan")
            let pegawaiNIP = try f.nip("pegawai"), atasanNIP = try f.nip("atasan")
            func ask(_ kind: Feedback.SolicitationKind = .feedback) async throws -> Feedback.FeedbackSolicitation {
                try #require(try await f.client.solicitFeedback(Feedback.SolicitFeedbackRequest(solicitation: Feedback.FeedbackSolicitation(
                    addresseeNIP: atasanNIP, kind: kind, message: "Mohon masukan atas pelayanan minggu ini")), options: pegawai).solicitation)
            }
            let first = try await ask()
            #expect(first.state == .open)
            let answer = try #require(try await f.client.giveFeedback(Feedback.GiveFeedbackRequest(feedback: Feedback.ContinuousFeedback(
                recipientNIP: pegawaiNIP, kind: .saran, message: "Pelayanan sudah baik, percepat verifikasi berkas.",
                solicitationID: first.solicitationID)), options: atasan).feedback)
            let listed = try await f.client.listFeedbackSolicitations(Feedback.ListFeedbackSolicitationsRequest(), options: pegawai)
            let answered = try #require(listed.solicitations.first { $0.solicitationID == first.solicitationID })
            #expect(answered.state == .answered)
            #expect(answered.answerID == answer.feedbackID)
            // A dialog request is answered by RecordDialog, not by feedback.
            let dialog = try await ask(.dialog)
            try await f.refused(.failedPrecondition, reason: "SOLICITATION_MISMATCH", "feedback answering a dialog request") {
                try await f.client.giveFeedback(Feedback.GiveFeedbackRequest(feedback: Feedback.ContinuousFeedback(
                    recipientNIP: pegawaiNIP, kind: .saran, message: "x", solicitationID: dialog.solicitationID)), options: atasan)
            }
            try await f.refused(.invalidArgument, reason: "REASON_REQUIRED", "declining without a reason") {
                try await f.client.closeFeedbackSolicitation(Feedback.CloseFeedbackSolicitationRequest(solicitationID: dialog.solicitationID), options: atasan)
            }
            let declined = try await f.client.closeFeedbackSolicitation(Feedback.CloseFeedbackSolicitationRequest(
                solicitationID: dialog.solicitationID, reason: "Dialog dijadwalkan minggu depan bersama tim"), options: atasan)
            #expect(declined.solicitation?.state == .declined)
            for _ in 0..<5 { _ = try await ask() }
            try await f.refused(.failedPrecondition, reason: "SOLICITATION_LIMIT_REACHED", "a sixth open request") { try await ask() }
            let stranger = try await f.stranger()
            try await f.refused(.failedPrecondition, reason: "SOLICITATION_ADDRESSEE_INVALID", "asking a stranger for a dialog") {
                try await f.client.solicitFeedback(Feedback.SolicitFeedbackRequest(solicitation: Feedback.FeedbackSolicitation(
                    addresseeNIP: stranger.nip, kind: .dialog, message: "Mohon waktu")), options: pegawai)
            }
        }
    }

    @Test("feedback on a daily report is checked with reporting: the recipient's report is accepted, another's is NOT_FOUND (reporting faked in-process)")
    func dailyReport() async throws {
        let reports = FakeReporting()
        try await withFeedback(reporting: reports) { f in
            let atasan = try await f.signIn("atasan")
            let nip = try f.nip("pegawai")
            reports.add(Reporting.DailyReport(reportID: "01JREPORTPEGAWAI", nip: nip))
            reports.add(Reporting.DailyReport(reportID: "01JREPORTATASAN", nip: try f.nip("atasan")))
            let given = try await f.client.giveFeedback(Feedback.GiveFeedbackRequest(feedback: Feedback.ContinuousFeedback(
                recipientNIP: nip, kind: .koreksi, subjectKind: .dailyReport, subjectID: "01JREPORTPEGAWAI", message: "Bukti dukung belum dilampirkan.")),
                                                        options: atasan)
            #expect(given.feedback?.subjectKind == .dailyReport)
            try await f.refused(.notFound, reason: "SUBJECT_NOT_FOUND", "someone else's report") {
                try await f.client.giveFeedback(Feedback.GiveFeedbackRequest(feedback: Feedback.ContinuousFeedback(
                    recipientNIP: nip, kind: .koreksi, subjectKind: .dailyReport, subjectID: "01JREPORTATASAN", message: "x")), options: atasan)
            }
            try await f.refused(.notFound, reason: "SUBJECT_NOT_FOUND", "an unknown report") {
                try await f.client.giveFeedback(Feedback.GiveFeedbackRequest(feedback: Feedback.ContinuousFeedback(
                    recipientNIP: nip, kind: .koreksi, subjectKind: .dailyReport, subjectID: "01JNOREPORT", message: "x")), options: atasan)
            }
            #expect(reports.calls.allSatisfy { $0 == "/kinerja.reporting.v1.ReportingService/GetDailyReport" })
        }
    }
}
