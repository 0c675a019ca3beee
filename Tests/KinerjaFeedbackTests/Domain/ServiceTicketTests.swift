import KinerjaFeedback
import KinerjaProto
import Testing

@Suite("Service tickets: issued at a counter, rated once within 7 days, voided or expired")
struct ServiceTicketTests {
    static let kiosk = "spiffe://kinerja.kupangkota.go.id/client/kiosk-dukcapil-1"
    static let issuedAt = Fixtures.at(Fixtures.day(3, 10), 9, 15)
    static let code = TicketCode.generate(randomBytes: { count in (0..<count).map { UInt8(($0 * 7) & 0xFF) } })

    static func issued() throws -> Feedback.ServiceTicket {
        try ServiceTicketLifecycle.validatedIssue(
            Feedback.IssueServiceTicketRequest(ticket: Feedback.ServiceTicket(
                unitID: Fixtures.unit, servedByNIP: Fixtures.subject, serviceName: " Penerbitan KTP-el ", counterName: "Loket 3")),
            code: code, stamp: Common.AuditStamp(principal: kiosk, principalKind: .machineClient, at: issuedAt))
    }

    @Test("a kiosk (machine client) issues a ticket for its unit and the employee who served: ISSUED, expiring 7 × 24 hours later")
    func issue() throws {
        let ticket = try Self.issued()
        #expect(ticket.state == .issued && ticket.ticketCode == Self.code.display && ticket.serviceName == "Penerbitan KTP-el")
        #expect(ticket.expiresAt?.seconds == Self.issuedAt.seconds + 7 * 86_400)
        #expect(ticket.issued?.principal == Self.kiosk)
        let error = Fixtures.error {
            try ServiceTicketLifecycle.validatedIssue(Feedback.IssueServiceTicketRequest(ticket: Feedback.ServiceTicket(
                servedByNIP: "1", serviceName: "", counterName: "Loket\n3")), code: Self.code, stamp: Fixtures.stamp(Self.kiosk))
        }
        #expect(error?.violations.map(\.field) == ["ticket.unit_id", "ticket.served_by_nip", "ticket.service_name", "ticket.counter_name"])
    }

    @Test("ISSUED -> RATED once; a second rating is ALREADY_EXISTS")
    func rateOnce() throws {
        var lifecycle = ServiceTicketLifecycle(try Self.issued())
        try lifecycle.rate(at: Fixtures.plus(Self.issuedAt, seconds: 3600))
        #expect(lifecycle.state == .rated)
        let again = Fixtures.error { try lifecycle.rate(at: Fixtures.plus(Self.issuedAt, seconds: 7200)) }
        #expect(again?.code == .ticketAlreadyRated)
        #expect(again?.rpcStatus?.code == .alreadyExists)
    }

    @Test("a ticket may be rated within 7 days (DOMAIN.md): one second before expiry is in time, at expiry it is EXPIRED")
    func validity() throws {
        let ticket = try Self.issued()
        let expiry = try #require(ticket.expiresAt)
        var inTime = ServiceTicketLifecycle(ticket)
        try inTime.rate(at: Fixtures.plus(expiry, seconds: -1))
        var late = ServiceTicketLifecycle(ticket)
        #expect(late.effectiveState(at: expiry) == .expired)
        let error = Fixtures.error { try late.rate(at: expiry) }
        #expect(error?.code == .ticketExpired)
        #expect(error?.rpcStatus?.code == .failedPrecondition)
        let expired = late.expire(at: expiry)
        #expect(expired && late.state == .expired)
        let again = late.expire(at: expiry)
        #expect(!again, "expiring twice does nothing")
    }

    @Test("the issuer voids an unrated ticket with a reason, or pengelola kinerja does; a rated one is set aside through moderation instead")
    func void() throws {
        var byIssuer = ServiceTicketLifecycle(try Self.issued())
        #expect(Fixtures.error { try byIssuer.void(by: Self.kiosk, isPengelola: false, reason: "", at: Self.issuedAt) }?.code == .reasonRequired)
        #expect(Fixtures.error { try byIssuer.void(by: Fixtures.subject, isPengelola: false, reason: "salah cetak", at: Self.issuedAt) }?.code == .notAParty)
        #expect(try byIssuer.void(by: Self.kiosk, isPengelola: false, reason: " Salah pilih petugas ", at: Self.issuedAt) == "Salah pilih petugas")
        #expect(byIssuer.state == .voided)
        #expect(Fixtures.error { try byIssuer.rate(at: Self.issuedAt) }?.code == .ticketVoided)
        var rated = ServiceTicketLifecycle(try Self.issued())
        try rated.rate(at: Self.issuedAt)
        let error = Fixtures.error { try rated.void(by: Fixtures.kabid, isPengelola: true, reason: "aduan", at: Self.issuedAt) }
        #expect(error?.code == .ticketNotVoidable)
        #expect(error?.message.contains("set the rating aside") == true)
    }
}
