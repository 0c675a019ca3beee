import KinerjaFeedback
import KinerjaProto
import Testing

@Suite("Solicitations: an employee asks for feedback or a dialog; OPEN -> ANSWERED, DECLINED or WITHDRAWN")
struct SolicitationTests {
    static func request(_ kind: Feedback.SolicitationKind = .feedback, to addressee: String = Fixtures.kasi,
                        _ edit: (inout Feedback.FeedbackSolicitation) -> Void = { _ in }) -> Feedback.SolicitFeedbackRequest {
        var solicitation = Feedback.FeedbackSolicitation(addresseeNIP: addressee, kind: kind, message: "Mohon masukan atas laporan rekap KTP-el minggu ini.")
        edit(&solicitation)
        return Feedback.SolicitFeedbackRequest(solicitation: solicitation)
    }

    static func validated(_ request: Feedback.SolicitFeedbackRequest, standing: FeedbackStanding = Fixtures.atasanStanding, open: Int = 0,
                          policy: EffectiveFeedbackPolicy = Fixtures.policy) throws -> Feedback.FeedbackSolicitation {
        try SolicitationRules.validated(request, requesterNIP: Fixtures.subject, addresseeStanding: standing, openWithAddressee: open, policy: policy)
    }

    @Test("an employee asks their atasan (or the acting Plt./Plh.) for feedback or for a dialog; it is stored OPEN")
    func ask() throws {
        let feedback = try Self.validated(Self.request())
        #expect(feedback.state == .open && feedback.requesterNIP == Fixtures.subject && feedback.kind == .feedback)
        let dialog = try Self.validated(Self.request(.dialog, to: Fixtures.plt), standing: Fixtures.pltStanding)
        #expect(dialog.kind == .dialog)
    }

    @Test("a dialog is asked of the atasan langsung only; feedback of anyone who may give it; otherwise FAILED_PRECONDITION")
    func addressee() throws {
        let kabid = Fixtures.error { try Self.validated(Self.request(.dialog, to: Fixtures.kabid), standing: Fixtures.kabidStanding) }
        #expect(kabid?.code == .solicitationAddresseeInvalid)
        #expect(kabid?.rpcStatus?.code == .failedPrecondition)
        #expect(try Self.validated(Self.request(to: Fixtures.kabid), standing: Fixtures.kabidStanding).kind == .feedback)
        #expect(Fixtures.error { try Self.validated(Self.request(to: Fixtures.staff[1]), standing: Fixtures.peerStanding) }?.code == .solicitationAddresseeInvalid)
        let peers = EffectiveFeedbackPolicy(Feedback.FeedbackPolicy(peerFeedbackUnitIDs: ["dukcapil"]))
        #expect(try Self.validated(Self.request(to: Fixtures.staff[1]), standing: Fixtures.peerStanding, policy: peers).addresseeNIP == Fixtures.staff[1])
    }

    @Test("content: a kind, an addressee other than oneself, 1-1000 characters; a dialog request names no subject")
    func content() {
        let error = Fixtures.error {
            try Self.validated(Self.request(to: Fixtures.subject) { $0.kind = .unspecified; $0.message = " " })
        }
        #expect(error?.violations.map(\.field) == ["solicitation.addressee_nip", "solicitation.kind", "solicitation.message"])
        #expect(Fixtures.error { try Self.validated(Self.request(.dialog) { $0.subjectKind = .skp; $0.subjectID = "skp-2026" }) }?.code == .subjectInvalid)
    }

    @Test("at most 5 OPEN solicitations per requester and addressee")
    func limit() throws {
        #expect(try Self.validated(Self.request(), open: 4).state == .open)
        let error = Fixtures.error { try Self.validated(Self.request(), open: 5) }
        #expect(error?.code == .solicitationLimitReached)
    }

    static let open = Feedback.FeedbackSolicitation(solicitationID: "sol-1", requesterNIP: Fixtures.subject, addresseeNIP: Fixtures.kasi,
                                                    kind: .feedback, state: .open)

    @Test("the addressee answers by giving the feedback asked for, to the requester; the dialog kind needs a dialog")
    func answer() throws {
        var lifecycle = SolicitationLifecycle(Self.open)
        #expect(Fixtures.error { try lifecycle.apply(.answer(by: Fixtures.kabid, kind: .feedback, recipientNIP: Fixtures.subject, answerID: "fb-1")) }?.code
            == .solicitationMismatch)
        #expect(Fixtures.error { try lifecycle.apply(.answer(by: Fixtures.kasi, kind: .feedback, recipientNIP: Fixtures.staff[1], answerID: "fb-1")) }?.code
            == .solicitationMismatch)
        #expect(Fixtures.error { try lifecycle.apply(.answer(by: Fixtures.kasi, kind: .dialog, recipientNIP: Fixtures.subject, answerID: "dl-1")) }?.message
            == "the solicitation asks for feedback (GiveFeedback)")
        #expect(try lifecycle.apply(.answer(by: Fixtures.kasi, kind: .feedback, recipientNIP: Fixtures.subject, answerID: "fb-1")) == .answered(answerID: "fb-1"))
        #expect(lifecycle.state == .answered)
        let twice = Fixtures.error { try lifecycle.apply(.answer(by: Fixtures.kasi, kind: .feedback, recipientNIP: Fixtures.subject, answerID: "fb-2")) }
        #expect(twice?.code == .solicitationNotOpen)
        #expect(twice?.message == "the solicitation is ANSWERED; only an OPEN one can be answered, declined or withdrawn")
    }

    @Test("the addressee declines with a reason (1-500); the requester withdraws; both only while OPEN")
    func closeUnanswered() throws {
        var declined = SolicitationLifecycle(Self.open)
        #expect(Fixtures.error { try declined.apply(.decline(by: Fixtures.kasi, reason: "")) }?.code == .reasonRequired)
        #expect(Fixtures.error { try declined.apply(.decline(by: Fixtures.subject, reason: "tidak")) }?.code == .notAParty)
        #expect(try declined.apply(.decline(by: Fixtures.kasi, reason: " Sudah dibahas di dialog kemarin. ")) == .declined(reason: "Sudah dibahas di dialog kemarin."))
        #expect(Fixtures.error { try declined.apply(.withdraw(by: Fixtures.subject)) }?.code == .solicitationNotOpen)
        var withdrawn = SolicitationLifecycle(Self.open)
        #expect(Fixtures.error { try withdrawn.apply(.withdraw(by: Fixtures.kasi)) }?.code == .notAParty)
        #expect(try withdrawn.apply(.withdraw(by: Fixtures.subject)) == .withdrawn)
        #expect(withdrawn.state == .withdrawn)
    }
}
