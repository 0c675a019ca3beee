import KinerjaFeedback
import KinerjaProto
import Testing

@Suite("A citizen's rating: 1-5 with an optional comment and, optionally, the nine SKM answers; moderation with a reason")
struct CitizenRatingTests {
    static let code = "K7QMX-3XHD9-2PBQR"

    static func nine(_ scores: [UInt32] = [4, 3, 3, 4, 3, 4, 4, 3, 3]) -> [Feedback.SkmAnswer] {
        zip([Feedback.SkmUnsur.persyaratan, .sistemMekanismeProsedur, .waktuPenyelesaian, .biayaTarif, .produkSpesifikasi, .kompetensiPelaksana,
             .perilakuPelaksana, .penangananPengaduan, .saranaPrasarana], scores).map { Feedback.SkmAnswer(unsur: $0, score: $1) }
    }

    @Test("a rating is a valid code, a score 1-5 and a comment of at most 1000 characters")
    func submission() throws {
        let submission = try CitizenRatingRules.validated(Feedback.SubmitCitizenRatingRequest(ticketCode: "k7qmx3xhd92pbqr", score: 5, comment: " Cepat dan ramah. "))
        #expect(submission.code.display == Self.code && submission.score == 5 && submission.comment == "Cepat dan ramah." && submission.skmAnswers.isEmpty)
        let error = Fixtures.error {
            try CitizenRatingRules.validated(Feedback.SubmitCitizenRatingRequest(ticketCode: Self.code, score: 0, comment: String(repeating: "x", count: 1001)))
        }
        #expect(error?.violations.map(\.field) == ["score", "comment"])
        #expect(Fixtures.error { try CitizenRatingRules.validated(Feedback.SubmitCitizenRatingRequest(ticketCode: "K7QMX-3XHD9-2PBQS", score: 5)) }?.code
            == .ticketCodeCheckFailed)
    }

    @Test("SKM answers are none or all nine unsur, each once, each 1-4; they are kept in the regulation's order")
    func skmAnswers() throws {
        let whole = try CitizenRatingRules.validated(Feedback.SubmitCitizenRatingRequest(ticketCode: Self.code, score: 4, skmAnswers: Self.nine().reversed()))
        #expect(whole.skmAnswers == Self.nine())
        #expect(Fixtures.error { try CitizenRatingRules.skmAnswers(Array(Self.nine().dropLast())) }?.message
            == "the survey is answered whole: missing Sarana dan Prasarana")
        #expect(Fixtures.error { try CitizenRatingRules.skmAnswers(Self.nine() + [Feedback.SkmAnswer(unsur: .biayaTarif, score: 4)]) }?.code == .skmAnswersInvalid)
        #expect(Fixtures.error { try CitizenRatingRules.skmAnswers(Self.nine([4, 3, 3, 5, 3, 4, 4, 3, 3])) }?.code == .scoreOutOfRange)
        #expect(Fixtures.error { try CitizenRatingRules.skmAnswers([Feedback.SkmAnswer(unsur: .unspecified, score: 3)]) }?.code == .skmAnswersInvalid)
    }

    @Test("the stored rating carries the ticket's unit, employee and service, the client it came through, and nothing about the citizen")
    func record() throws {
        let submission = try CitizenRatingRules.validated(Feedback.SubmitCitizenRatingRequest(ticketCode: Self.code, score: 4, skmAnswers: Self.nine()))
        let ticket = Feedback.ServiceTicket(ticketCode: Self.code, unitID: Fixtures.unit, servedByNIP: Fixtures.subject, serviceName: "Penerbitan KTP-el")
        let rating = CitizenRatingRules.rating(submission, ticket: ticket, ratingID: "r-1", submittedVia: ServiceTicketTests.kiosk, at: Fixtures.now)
        #expect(rating.unitID == Fixtures.unit && rating.employeeNIP == Fixtures.subject && rating.submittedVia == ServiceTicketTests.kiosk)
        #expect(rating.skmAnswers.count == 9 && rating.outlierReason == .unspecified)
        let employeeView = CitizenRatingRules.visible(rating, toAdministrator: false)
        #expect(employeeView.ticketCode.isEmpty && employeeView.submittedVia.isEmpty)
    }

    @Test("pengelola kinerja set a rating aside or count it again, hide or show its comment, always with a reason (audited)")
    func moderation() throws {
        let rating = Feedback.CitizenRating(ratingID: "r-1", score: 1, comment: "Petugas atas nama Yohanes, HP 0812…", outlierReason: .burst)
        let stamp = Fixtures.stamp(Fixtures.kabid)
        #expect(Fixtures.error { try CitizenRatingRules.moderated(rating, Feedback.ModerateCitizenRatingRequest(exclude: true), stamp: stamp) }?.code
            == .reasonRequired)
        let hidden = try CitizenRatingRules.moderated(rating, Feedback.ModerateCitizenRatingRequest(exclude: true, hideComment: true, reason: "Memuat data pribadi"),
                                                      stamp: stamp)
        #expect(hidden.outlierReason == .manual && hidden.commentHidden && hidden.moderationReason == "Memuat data pribadi" && hidden.moderated == stamp)
        #expect(CitizenRatingRules.visible(hidden, toAdministrator: true).comment.isEmpty, "a hidden comment is empty for everyone")
        #expect(CitizenRatingRules.visible(hidden, toAdministrator: false).moderationReason.isEmpty)
        let counted = try CitizenRatingRules.moderated(hidden, Feedback.ModerateCitizenRatingRequest(exclude: false, hideComment: true, reason: "Ditinjau ulang"),
                                                       stamp: stamp)
        #expect(counted.outlierReason == .unspecified, "MANUAL is cleared; the outlier rules run again to restore a rule's reason")
        #expect(try CitizenRatingRules.moderated(rating, Feedback.ModerateCitizenRatingRequest(exclude: false, reason: "cek"), stamp: stamp).outlierReason == .burst)
    }
}
