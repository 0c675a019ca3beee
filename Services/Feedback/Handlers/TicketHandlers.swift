public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaService
import KinerjaStore

extension FeedbackHandlers {
    /// Text of the acknowledgement a citizen sees after rating.
    static let thanks = "Terima kasih. Penilaian Anda sudah kami terima dan membantu memperbaiki pelayanan Pemerintah Kota Kupang."

    public func issueServiceTicket(_ request: Feedback.IssueServiceTicketRequest,
                                   context: ServerContext) async throws -> Feedback.IssueServiceTicketResponse {
        let access = try Access.required()
        let stampNow = Common.AuditStamp(principal: access.caller.principal, principalKind: access.caller.principalKind, at: now)
        _ = try ServiceTicketLifecycle.validatedIssue(request, code: TicketCode.generate(), stamp: stampNow)
        guard case .client(let kiosk) = access.caller.peer else { throw RPCError(.permissionDenied, "tickets are issued by a kiosk") }
        let input = request.ticket ?? Feedback.ServiceTicket()
        let tree = try await directory.unitTree()
        guard let unit = tree.unit(input.unitID) else { throw RPCError(.notFound, "no unit \(input.unitID)", reason: "UNIT_NOT_FOUND") }
        let server = try await employee(input.servedByNIP, "employee")
        // The kiosk issues for the units configured for it (each with its sub-units): decided here, audited as any denial.
        let configured = Set((configuration.kiosks[kiosk] ?? []).flatMap { reference in
            (tree.unit(reference) ?? tree.unit(code: reference)).map { tree.subtree(of: $0.unitID) } ?? []
        })
        guard configured.contains(unit.unitID) else {
            throw await access.denial(target: "unit/\(unit.unitID)", "the kiosk \(kiosk) does not issue tickets for \(unit.code)", reason: "KIOSK_UNIT_NOT_ALLOWED")
        }
        guard unit.publicServicePoint else {
            throw RPCError(.failedPrecondition, "\(unit.code) is not a public service point", reason: "NOT_A_PUBLIC_SERVICE_POINT")
        }
        guard tree.subtree(of: unit.unitID).contains(server.unitID), server.status == .aktif else {
            throw RPCError(.failedPrecondition, "\(server.nip) does not serve at \(unit.code)", reason: "EMPLOYEE_NOT_IN_UNIT")
        }
        return try await write(context, request) { [self] db, actor in
            var code = TicketCode.generate()
            // 70 random bits: a clash is all but impossible, and a second draw settles it.
            for _ in 0..<4 where try CitizenRecords.exists(code.canonical, in: db) { code = TicketCode.generate() }
            var ticket = try ServiceTicketLifecycle.validatedIssue(request, code: code, stamp: actor.stamp)
            ticket.servedByDisplayName = server.displayName
            try CitizenRecords.insert(ticket, canonical: code.canonical, in: db)
            try audit(db, context, actor, target: "unit/\(unit.unitID)",
                      detail: "ticket …\(code.canonical.suffix(5)) issued for \(server.nip), \(ticket.serviceName)")
            return Feedback.IssueServiceTicketResponse(ticket: ticket, ratingURI: configuration.ratingBaseURI + code.canonical)
        }
    }

    /// Takes one guess for the citizen behind a kiosk call (RESOURCE_EXHAUSTED when the address has
    /// guessed wrong too often) and returns its key for the refund.
    func takeGuess(_ address: String) throws -> String {
        let clean = try FeedbackText.validated(address, field: "client_address", maximum: 64, lines: .single)
        let key = TicketGuessLimiter.key(client: try Access.required().caller.principal, address: clean)
        let instant = ContinuousClock.now
        try guesses.withLock { limiter in try limiter.take(key, now: instant) }
        return key
    }

    /// Ends the guess: a right code (it named a ticket) gets it back, a wrong one keeps its cost.
    func settleGuess(_ key: String, right: Bool) {
        let instant = ContinuousClock.now
        guesses.withLock { limiter in limiter.settle(key, right: right, now: instant) }
    }

    public func getServiceTicket(_ request: Feedback.GetServiceTicketRequest, context: ServerContext) async throws -> Feedback.GetServiceTicketResponse {
        let access = try Access.required()
        let citizen = access.caller.user == nil
        let key = citizen ? try takeGuess(request.clientAddress) : nil
        var right = false
        defer { if let key { settleGuess(key, right: right) } }
        let code = try TicketCode(parsing: request.ticketCode)
        let found = try await store.read { db in try CitizenRecords.ticket(code.canonical, in: db) }
        guard var ticket = found else { throw RPCError(.notFound, "no ticket with this code", reason: "TICKET_NOT_FOUND") }
        right = true
        if !citizen { try await access.require(.unit(id: ticket.unitID)) }
        let lifecycle = ServiceTicketLifecycle(ticket)
        ticket.state = lifecycle.effectiveState(at: now)
        if citizen {
            ticket.servedByNIP = ""
            ticket.issued = nil
        }
        return Feedback.GetServiceTicketResponse(ticket: ticket, rateable: ticket.state == .issued)
    }

    public func voidServiceTicket(_ request: Feedback.VoidServiceTicketRequest, context: ServerContext) async throws -> Feedback.VoidServiceTicketResponse {
        let access = try Access.required()
        let code = try TicketCode(parsing: request.ticketCode)
        let found = try await store.read { db in try CitizenRecords.ticket(code.canonical, in: db) }
        guard let stored = found else { throw RPCError(.notFound, "no ticket with this code", reason: "TICKET_NOT_FOUND") }
        let isPengelola = try await access.holds(.roleInScope(.pengelolaKinerja), for: .unit(id: stored.unitID))
        let now = self.now
        do {
            return try await write(context, request) { [self] db, actor in
                guard var ticket = try CitizenRecords.ticket(code.canonical, in: db) else { throw RPCError(.notFound, "no ticket with this code") }
                var lifecycle = ServiceTicketLifecycle(ticket)
                ticket.voidReason = try lifecycle.void(by: actor.principal, isPengelola: isPengelola, reason: request.reason, at: now)
                ticket.state = lifecycle.state
                try CitizenRecords.update(ticket, canonical: code.canonical, in: db)
                try audit(db, context, actor, target: "unit/\(ticket.unitID)", detail: "ticket …\(code.canonical.suffix(5)) voided: \(ticket.voidReason)")
                return Feedback.VoidServiceTicketResponse(ticket: ticket)
            }
        } catch let error as FeedbackError where error.code.category == .permissionDenied {
            throw await access.denial(target: "unit/\(stored.unitID)", error.message, reason: error.reason)
        }
    }

    public func submitCitizenRating(_ request: Feedback.SubmitCitizenRatingRequest,
                                    context: ServerContext) async throws -> Feedback.SubmitCitizenRatingResponse {
        // The guess is taken before the code is even parsed, so concurrent guesses all count;
        // it is given back once the code names a ticket, and kept when it does not.
        let key = try takeGuess(request.clientAddress)
        var right = false
        defer { settleGuess(key, right: right) }
        let code = try TicketCode(parsing: request.ticketCode)
        let exists = try await store.read { db in try CitizenRecords.exists(code.canonical, in: db) }
        guard exists else { throw RPCError(.notFound, "no ticket with this code", reason: "TICKET_NOT_FOUND") }
        right = true
        let submission = try CitizenRatingRules.validated(request)
        let via = try Access.required().caller.principal
        let now = self.now
        let ratingID = newID()
        return try await write(context, request) { [self] db, actor in
            guard var ticket = try CitizenRecords.ticket(code.canonical, in: db) else { throw RPCError(.notFound, "no ticket with this code") }
            var lifecycle = ServiceTicketLifecycle(ticket)
            try lifecycle.rate(at: now)
            ticket.state = lifecycle.state
            try CitizenRecords.update(ticket, canonical: code.canonical, in: db)
            var rating = CitizenRatingRules.rating(submission, ticket: ticket, ratingID: ratingID, submittedVia: via, at: now)
            let policy = try PolicyRecords.effective(in: db)
            rating.outlierReason = try reclassify(around: rating, issuedAt: ticket.issuedAt ?? now, policy: policy, in: db)
            try CitizenRecords.insert(rating, canonicalCode: code.canonical, in: db)
            try audit(db, context, actor, target: "rating/\(ratingID)",
                      detail: "ticket …\(code.canonical.suffix(5)) rated for \(ticket.servedByNIP) at \(ticket.unitID)"
                        + (rating.outlierReason == .unspecified ? "" : ", set aside: \(rating.outlierReason.protoName ?? "")"))
            return Feedback.SubmitCitizenRatingResponse(acknowledgement: Self.thanks, submittedAt: now)
        }
    }

    /// Runs the outlier rules (``CitizenOutliers/classify(_:policy:)``) over the ratings a new or
    /// moderated `rating` can affect (its employee through its client around its time, its unit's
    /// ratings with the same long comment within the ticket validity) and stores the reasons of the
    /// others; returns `rating`'s own reason. A new rating only adds reasons to the others, so a
    /// stored reason is kept unless a stronger one is found.
    func reclassify(around rating: Feedback.CitizenRating, issuedAt: Common.Timestamp, policy: EffectiveFeedbackPolicy,
                    in db: Database) throws -> Feedback.OutlierReason {
        let validity = Int64(policy.ticketValidityDays) * 86_400
        var facts = try CitizenRecords.neighbours(of: rating, burstWindow: CitizenOutliers.burstWindowSeconds, validity: validity, in: db)
            .filter { $0.rating.ratingID != rating.ratingID }
        facts.append(CitizenOutliers.Facts(rating: rating, ticketIssuedAt: issuedAt))
        let classified = CitizenOutliers.classify(facts, policy: policy)
        var own = Feedback.OutlierReason.unspecified
        for (fact, result) in zip(facts, classified) {
            if fact.rating.ratingID == rating.ratingID {
                own = result.outlierReason
                continue
            }
            let merged = CitizenOutliers.stronger(fact.rating.outlierReason, result.outlierReason)
            if merged != fact.rating.outlierReason {
                var changed = fact.rating
                changed.outlierReason = merged
                try CitizenRecords.update(changed, in: db)
            }
        }
        return own
    }
}
