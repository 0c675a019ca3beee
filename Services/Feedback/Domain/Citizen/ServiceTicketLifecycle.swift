public import KinerjaProto

/// A citizen service ticket (`ServiceTicket`) as a value: issued at a counter, rated once within
/// 7 days, or voided, or expired.
///
/// | from | rate (a citizen, before expires_at) | void (issuer or pengelola kinerja, reason 1–500) | time reaches expires_at |
/// |---|---|---|---|
/// | ISSUED | RATED | VOIDED | EXPIRED |
/// | RATED | refused: ALREADY_EXISTS | refused: FAILED_PRECONDITION | stays RATED |
/// | EXPIRED | refused: FAILED_PRECONDITION | refused: FAILED_PRECONDITION | — |
/// | VOIDED | refused: FAILED_PRECONDITION | refused: FAILED_PRECONDITION | stays VOIDED |
///
/// `expires_at` is `issued_at` + 7 × 24 hours (DOMAIN.md: rate within 7 days); the rating window
/// is half-open, so a rating at exactly `expires_at` is late. An ISSUED ticket past its expiry
/// reads as EXPIRED (``effectiveState(at:)``) before any job marks it. A rated ticket is not
/// voided: pengelola kinerja set its rating aside instead (ModerateCitizenRating), which keeps the
/// record.
public struct ServiceTicketLifecycle: Sendable, Hashable {
    /// The stored state.
    public private(set) var state: Feedback.TicketState
    /// When rating closes.
    public let expiresAt: Common.Timestamp
    /// Who issued it (the serving employee's NIP or the kiosk's SPIFFE URI).
    public let issuer: String

    /// The lifecycle of a stored ticket.
    public init(_ ticket: Feedback.ServiceTicket) {
        state = ticket.state
        expiresAt = ticket.expiresAt ?? Common.Timestamp()
        issuer = ticket.issued?.principal ?? ""
    }

    /// The ticket to store for IssueServiceTicket: checked, ISSUED, with its code and expiry.
    ///
    /// - Parameters:
    ///   - code: a fresh ``TicketCode`` (the handler generates one and retries on the unlikely clash).
    ///   - stamp: who issued it and when (`issued_at` is its instant).
    /// - Throws: ``FeedbackError`` INVALID_ARGUMENT listing every bad field.
    public static func validatedIssue(_ request: Feedback.IssueServiceTicketRequest, code: TicketCode,
                                      stamp: Common.AuditStamp) throws(FeedbackError) -> Feedback.ServiceTicket {
        let input = request.ticket ?? Feedback.ServiceTicket()
        var out = Feedback.ServiceTicket()
        var problems = ViolationCollector()
        problems.check { () throws(FeedbackError) in
            out.unitID = try FeedbackInput.id(input.unitID, field: "ticket.unit_id")
        }
        problems.check { () throws(FeedbackError) in
            out.servedByNIP = try FeedbackInput.nip(input.servedByNIP, field: "ticket.served_by_nip")
        }
        problems.check { () throws(FeedbackError) in
            out.serviceName = try FeedbackText.validated(input.serviceName, field: "ticket.service_name", range: FeedbackLimits.serviceName, lines: .single)
        }
        problems.check { () throws(FeedbackError) in
            out.counterName = try FeedbackText.validated(input.counterName, field: "ticket.counter_name",
                                                         maximum: FeedbackLimits.counterNameMaximum, lines: .single)
        }
        try problems.throwIfAny()
        let issuedAt = stamp.at ?? Common.Timestamp()
        out.ticketCode = code.display
        out.issuedAt = issuedAt
        out.expiresAt = Common.Timestamp(seconds: issuedAt.seconds + Int64(FeedbackLimits.ticketValidityDays) * 86_400, nanos: issuedAt.nanos)
        out.state = .issued
        out.issued = stamp
        return out
    }

    /// The state at `now`: an ISSUED ticket at or past its expiry reads as EXPIRED.
    public func effectiveState(at now: Common.Timestamp) -> Feedback.TicketState {
        state == .issued && !AssessmentRoundLifecycle.isBefore(now, expiresAt) ? .expired : state
    }

    /// A citizen rates the ticket at `now`.
    ///
    /// - Throws: ``FeedbackError`` `TICKET_ALREADY_RATED` (ALREADY_EXISTS), `TICKET_EXPIRED` or
    ///   `TICKET_VOIDED` (FAILED_PRECONDITION).
    public mutating func rate(at now: Common.Timestamp) throws(FeedbackError) {
        switch effectiveState(at: now) {
        case .issued:
            state = .rated
        case .rated:
            throw FeedbackError(.ticketAlreadyRated, "this service was already rated; a ticket is rated once")
        case .expired:
            throw FeedbackError(.ticketExpired, "the ticket's \(FeedbackLimits.ticketValidityDays) days to rate have passed")
        case .voided:
            throw FeedbackError(.ticketVoided, "the ticket was voided by the counter")
        case .unspecified, .unrecognized:
            throw FeedbackError(.stateUnknown, "the ticket's state \(state.stateLabel) is not known to this build")
        }
    }

    /// The issuer (before it is rated) or pengelola kinerja voids the ticket; returns the trimmed reason.
    ///
    /// - Parameters:
    ///   - principal: the caller (NIP or SPIFFE URI).
    ///   - isPengelola: true for pengelola kinerja in scope.
    /// - Throws: ``FeedbackError`` `REASON_REQUIRED` (INVALID_ARGUMENT), `NOT_A_PARTY`
    ///   (PERMISSION_DENIED), `TICKET_NOT_VOIDABLE` (FAILED_PRECONDITION) unless ISSUED.
    public mutating func void(by principal: String, isPengelola: Bool, reason: String, at now: Common.Timestamp) throws(FeedbackError) -> String {
        let text: String
        do {
            text = try FeedbackText.validated(reason, field: "reason", range: FeedbackLimits.voidReason)
        } catch {
            throw FeedbackError(.reasonRequired, "voiding a ticket needs a reason: \(error.message)", field: "reason")
        }
        guard isPengelola || (!issuer.isEmpty && principal == issuer) else {
            throw FeedbackError(.notAParty, "a ticket is voided by whoever issued it or by pengelola kinerja")
        }
        let current = effectiveState(at: now)
        guard current == .issued else {
            let hint = current == .rated ? "; to keep its rating out of the figures, pengelola kinerja set the rating aside" : ""
            throw FeedbackError(.ticketNotVoidable, "only an ISSUED ticket can be voided; this one is \(current.stateLabel)\(hint)")
        }
        state = .voided
        return text
    }

    /// Marks an ISSUED ticket past its expiry EXPIRED (the job). Returns true when it did.
    @discardableResult
    public mutating func expire(at now: Common.Timestamp) -> Bool {
        guard state == .issued, effectiveState(at: now) == .expired else { return false }
        state = .expired
        return true
    }
}
