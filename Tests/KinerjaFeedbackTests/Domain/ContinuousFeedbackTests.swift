import KinerjaASN
import KinerjaFeedback
import KinerjaProto
import Testing

@Suite("Continuous feedback (umpan balik berkelanjutan): who gives it, what it holds, acknowledging it")
struct ContinuousFeedbackTests {
    static let peerPolicy = EffectiveFeedbackPolicy(Feedback.FeedbackPolicy(peerFeedbackUnitIDs: ["dukcapil"]))

    static func request(_ edit: (inout Feedback.ContinuousFeedback) -> Void = { _ in }) -> Feedback.GiveFeedbackRequest {
        var feedback = Feedback.ContinuousFeedback(
            recipientNIP: Fixtures.subject, kind: .apresiasi, subjectKind: .dailyReport, subjectID: "01HV9ZKQ4M7Y3T2N8B5C6D1E0F",
            relatedValue: .berorientasiPelayanan, message: "Antrean KTP-el pagi ini selesai sebelum jam 11 — terima kasih.")
        edit(&feedback)
        return Feedback.GiveFeedbackRequest(feedback: feedback)
    }

    @Test("the atasan langsung gives feedback; so does an acting Plt./Plh. and anyone higher in the atasan chain")
    func atasanChain() throws {
        #expect(try FeedbackGiver.resolve(giverNIP: Fixtures.kasi, recipientNIP: Fixtures.subject, standing: Fixtures.atasanStanding,
                                          policy: Fixtures.policy) == .atasanLangsung(acting: false))
        #expect(try FeedbackGiver.resolve(giverNIP: Fixtures.plt, recipientNIP: Fixtures.subject, standing: Fixtures.pltStanding,
                                          policy: Fixtures.policy) == .atasanLangsung(acting: true))
        #expect(try FeedbackGiver.resolve(giverNIP: Fixtures.kabid, recipientNIP: Fixtures.subject, standing: Fixtures.kabidStanding,
                                          policy: Fixtures.policy) == .atasanChain(levels: 2))
    }

    @Test("identity's supervision relation reads as a standing: level 1 is the atasan langsung, acting only when direct")
    func standingFromIdentity() {
        let direct = FeedbackStanding(relation: Identity.SupervisionRelation(nip: Fixtures.subject, direct: true, level: 1), acting: true)
        #expect(direct.isAtasanLangsung && direct.acting)
        let above = FeedbackStanding(relation: Identity.SupervisionRelation(nip: Fixtures.subject, direct: false, level: 2), acting: true)
        #expect(!above.isAtasanLangsung && !above.acting && above.levelsAbove == 2)
    }

    @Test("a rekan kerja gives feedback only where the policy lists the recipient's unit (or an ancestor); otherwise PERMISSION_DENIED")
    func peers() throws {
        let refused = Fixtures.error {
            try FeedbackGiver.resolve(giverNIP: Fixtures.staff[1], recipientNIP: Fixtures.subject, standing: Fixtures.peerStanding, policy: Fixtures.policy)
        }
        #expect(refused?.code == .giverNotAllowed)
        #expect(refused?.rpcStatus?.code == .permissionDenied)
        #expect(refused?.message.contains("not enabled for the recipient's unit (dukcapil-ktp)") == true)
        #expect(try FeedbackGiver.resolve(giverNIP: Fixtures.staff[1], recipientNIP: Fixtures.subject, standing: Fixtures.peerStanding,
                                          policy: Self.peerPolicy) == .rekanKerja)
        #expect(!FeedbackGiver.rekanKerja.isAtasanChain)
    }

    @Test("nobody gives feedback to themselves, and a stranger or a bawahan gives none (their view belongs in a 360° round)")
    func refused() {
        #expect(Fixtures.error {
            try FeedbackGiver.resolve(giverNIP: Fixtures.subject, recipientNIP: Fixtures.subject, standing: Fixtures.atasanStanding, policy: Self.peerPolicy)
        }?.code == .giverNotAllowed)
        #expect(Fixtures.error {
            try FeedbackGiver.resolve(giverNIP: Fixtures.staff[2], recipientNIP: Fixtures.kasi, standing: Fixtures.strangerStanding, policy: Self.peerPolicy)
        }?.code == .giverNotAllowed)
    }

    @Test("feedback content: 18-digit recipient, a kind, a subject kind with its id (or neither), 1-4000 characters; every problem at once")
    func content() throws {
        let feedback = try ContinuousFeedbackRules.validated(Self.request { $0.message = "  Bagus.  "; $0.giverNIP = "ignored"; $0.response = "ignored" })
        #expect(feedback.message == "Bagus.")
        #expect(feedback.giverNIP.isEmpty && feedback.response.isEmpty, "output-only fields are the service's")
        let error = Fixtures.error {
            try ContinuousFeedbackRules.validated(Self.request {
                $0.recipientNIP = "12345"
                $0.kind = .unspecified
                $0.subjectID = ""
                $0.message = ""
            })
        }
        #expect(error?.violations.map(\.field) == ["feedback.recipient_nip", "feedback.kind", "feedback.subject_id", "feedback.message"])
        #expect(error?.violations.map(\.reason) == ["NIP_INVALID", "FIELD_REQUIRED", "SUBJECT_INVALID", "TEXT_REQUIRED"])
        #expect(Fixtures.error { try ContinuousFeedbackRules.validated(Self.request { $0.subjectKind = .unspecified }) }?.violations.first?.description
            == "subject_id is given without a subject_kind; name the kind (report, RHK, IKI, SKP) or leave both empty")
        let general = try ContinuousFeedbackRules.validated(Self.request { $0.subjectKind = .unspecified; $0.subjectID = "" })
        #expect(general.subjectKind == .unspecified)
        #expect(Fixtures.error { try ContinuousFeedbackRules.validated(Self.request { $0.message = "Baik\u{0}" }) }?.code == .textControlCharacter)
        #expect(Fixtures.error { try ContinuousFeedbackRules.validated(Feedback.GiveFeedbackRequest()) }?.field == "feedback")
    }

    @Test("feedback may be linked to a daily report, an RHK, an IKI or an SKP, and to a BerAKHLAK value")
    func links() throws {
        for kind: Feedback.FeedbackSubjectKind in [.dailyReport, .rhk, .iki, .skp] {
            #expect(try ContinuousFeedbackRules.validated(Self.request { $0.subjectKind = kind; $0.subjectID = "rhk-ktp" }).subjectKind == kind)
        }
        #expect(try ContinuousFeedbackRules.validated(Self.request()).relatedValue == .berorientasiPelayanan)
        #expect(Fixtures.error { try ContinuousFeedbackRules.validated(Self.request { $0.relatedValue = .init(rawValue: 9) }) }?.field == "feedback.related_value")
    }

    @Test("GIVEN -> ACKNOWLEDGED once, by the recipient, with a response of at most 2000 characters")
    func acknowledge() throws {
        var lifecycle = FeedbackLifecycle(Feedback.ContinuousFeedback(recipientNIP: Fixtures.subject))
        #expect(lifecycle.state == .given)
        #expect(Fixtures.error { try lifecycle.acknowledge(by: Fixtures.kasi, response: "") }?.code == .notAParty)
        #expect(Fixtures.error { try lifecycle.acknowledge(by: Fixtures.subject, response: String(repeating: "a", count: 2001)) }?.code == .textTooLong)
        #expect(lifecycle.state == .given, "a refused step changes nothing")
        #expect(try lifecycle.acknowledge(by: Fixtures.subject, response: " Siap, Pak. ") == "Siap, Pak.")
        #expect(lifecycle.state == .acknowledged)
        let again = Fixtures.error { try lifecycle.acknowledge(by: Fixtures.subject, response: "") }
        #expect(again?.code == .feedbackAlreadyAcknowledged)
        #expect(again?.rpcStatus?.code == .failedPrecondition)
        #expect(FeedbackLifecycle(Feedback.ContinuousFeedback(acknowledged: Fixtures.stamp(Fixtures.subject))).state == .acknowledged)
    }

    @Test("the behaviour summary counts feedback received from the atasan chain on the period's WITA days, and the KOREKSI among it")
    func tally() throws {
        let q1 = try FeedbackInput.days(of: Fixtures.q1)
        func item(_ kind: Feedback.FeedbackKind, _ at: Common.Timestamp, peer: Bool = false, to nip: String = Fixtures.subject) -> Feedback.ContinuousFeedback {
            Feedback.ContinuousFeedback(recipientNIP: nip, kind: kind, given: Fixtures.stamp(Fixtures.kasi, at), fromRekanKerja: peer)
        }
        let items = [
            item(.apresiasi, Fixtures.at(Fixtures.day(1, 5))),
            item(.koreksi, Fixtures.at(Fixtures.day(3, 31), 23, 30)),   // 31 March 23:30 WITA: still triwulan I
            item(.koreksi, Fixtures.at(Fixtures.day(4, 1), 0, 30)),     // 1 April 00:30 WITA (31 March 16:30 UTC): triwulan II
            item(.saran, Fixtures.at(Fixtures.day(2, 2)), peer: true),
            item(.saran, Fixtures.at(Fixtures.day(2, 2)), to: Fixtures.staff[1]),
        ]
        let counts = ContinuousFeedbackRules.tally(items, recipientNIP: Fixtures.subject, days: q1)
        #expect(counts.count == 2)
        #expect(counts.corrective == 1)
    }
}
