public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaService
import KinerjaStore

extension FeedbackHandlers {
    public func listCitizenRatings(_ request: Feedback.ListCitizenRatingsRequest,
                                   context: ServerContext) async throws -> Feedback.ListCitizenRatingsResponse {
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        let access = try Access.required()
        let me = try callerNIP()
        var conditions: [String] = []
        var arguments: StatementArguments = []
        var administrator = false
        if !request.employeeNIP.isEmpty {
            let nip = try FeedbackInput.nip(request.employeeNIP, field: "employee_nip")
            if nip != me { try await access.require(.employee(nip: nip)) }
            administrator = try await isAdministrator(of: .employee(nip: nip))
            conditions.append("employee_nip = ?"); arguments += [nip]
        }
        if let scope = request.unit, !scope.unitID.isEmpty {
            let units = try await units(scope)
            try await access.require(.unit(id: scope.unitID))
            administrator = try await isAdministrator(of: .unit(id: scope.unitID))
            conditions.append("unit_id IN (\(StoredBody.placeholders(units.count)))"); arguments += StatementArguments(units)
        }
        if conditions.isEmpty { conditions.append("employee_nip = ?"); arguments += [me] }
        if let range = request.dateRange {
            let (from, through) = Self.instants(try FeedbackInput.days(of: range, maximumDays: Int.max))
            conditions.append("submitted_at BETWEEN ? AND ?"); arguments += [from, through]
        }
        if !request.includeOutliers { conditions.append("outlier_reason = 0") }
        let (where_, bound) = (conditions, arguments)
        let rows = try await store.read { db in try CitizenRecords.ratings(where: where_, bound, limit: size + 1, offset: offset, in: db) }
        return Feedback.ListCitizenRatingsResponse(
            ratings: rows.prefix(size).map { CitizenRatingRules.visible($0, toAdministrator: administrator) },
            page: Paging.response(offset: offset, size: size, returned: min(size, rows.count), more: rows.count > size))
    }

    /// True for pengelola kinerja and auditors in scope of `target` (who see ticket codes, clients and moderation reasons).
    func isAdministrator(of target: AccessTarget) async throws -> Bool {
        let access = try Access.required()
        if try await access.holds(.roleInScope(.pengelolaKinerja), for: target) { return true }
        return try await access.holds(.roleInScope(.auditor), for: target)
    }

    public func getEmployeeCitizenSummary(_ request: Feedback.GetEmployeeCitizenSummaryRequest,
                                          context: ServerContext) async throws -> Feedback.GetEmployeeCitizenSummaryResponse {
        let nip = try FeedbackInput.nip(request.nip, field: "nip")
        let days = try FeedbackInput.days(of: request.dateRange)
        let employee = try await employee(nip)
        try await Access.required().require(.employee(nip: nip))
        let (from, through) = Self.instants(days)
        let summary = try await store.read { db in
            CitizenSummaryBuilder.summary(
                nip: nip, unitID: employee.unitID, days: days,
                ticketsIssued: try CitizenRecords.issuedCounts(employees: [nip], from: from, through: through, in: db)[nip] ?? 0,
                ratings: try CitizenRecords.submitted(employees: [nip], from: from, through: through, in: db), policy: try PolicyRecords.effective(in: db))
        }
        return Feedback.GetEmployeeCitizenSummaryResponse(summary: summary)
    }

    public func getUnitCitizenSummary(_ request: Feedback.GetUnitCitizenSummaryRequest,
                                      context: ServerContext) async throws -> Feedback.GetUnitCitizenSummaryResponse {
        guard let scope = request.unit else { throw FeedbackError(.fieldRequired, "unit is required", field: "unit") }
        let days = try FeedbackInput.days(of: request.dateRange)
        let units = try await units(scope)
        try await Access.required().require(.unit(id: scope.unitID))
        let (from, through) = Self.instants(days)
        return try await store.read { db in
            let policy = try PolicyRecords.effective(in: db)
            let ratings = try CitizenRecords.submitted(units: units, from: from, through: through, in: db)
            let issued = try CitizenRecords.issuedCounts(units: units, from: from, through: through, in: db)
            var response = Feedback.GetUnitCitizenSummaryResponse()
            response.unitSummary = CitizenSummaryBuilder.summary(unitID: scope.unitID, days: days, ticketsIssued: issued.values.reduce(0, +),
                                                                 ratings: ratings, policy: policy)
            if request.includeEmployees {
                let byEmployee = Dictionary(grouping: ratings, by: \.employeeNIP)
                for nip in Set(byEmployee.keys).union(issued.keys).sorted() {
                    let mine = byEmployee[nip] ?? []
                    response.employeeSummaries.append(CitizenSummaryBuilder.summary(
                        nip: nip, unitID: mine.first?.unitID ?? scope.unitID, days: days, ticketsIssued: issued[nip] ?? 0, ratings: mine, policy: policy))
                }
            }
            // Respondents of the SKM: usable ratings (not set aside by rule) that carry the nine answers.
            let respondents = ratings.filter { $0.outlierReason == .unspecified && !$0.skmAnswers.isEmpty }.map(\.skmAnswers)
            response.skm = SkmIndex.summary(unitID: scope.unitID, days: days, respondents: respondents, minimumSample: policy.citizenMinimumSample)
            return response
        }
    }

    public func moderateCitizenRating(_ request: Feedback.ModerateCitizenRatingRequest,
                                      context: ServerContext) async throws -> Feedback.ModerateCitizenRatingResponse {
        let id = try FeedbackInput.id(request.ratingID, field: "rating_id")
        let found = try await store.read { db in try CitizenRecords.rating(id, in: db) }
        guard let stored = found else { throw RPCError(.notFound, "no citizen rating \(id)", reason: "RATING_NOT_FOUND") }
        _ = try CitizenRatingRules.moderated(stored, request, stamp: Common.AuditStamp())
        try await Access.required().require(.unit(id: stored.unitID))
        return try await write(context, request) { [self] db, actor in
            guard let current = try CitizenRecords.rating(id, in: db) else { throw RPCError(.notFound, "no citizen rating \(id)") }
            var rating = try CitizenRatingRules.moderated(current, request, stamp: actor.stamp)
            if rating.outlierReason != .manual {
                // Counted again: the rules decide afresh whether it stays set aside.
                let issuedAt = try Int64.fetchOne(db, sql: "SELECT t.issued_at FROM service_ticket t JOIN citizen_rating r ON r.ticket_code = t.code WHERE r.rating_id = ?",
                                                  arguments: [id]) ?? 0
                rating.outlierReason = try reclassify(around: rating, issuedAt: Common.Timestamp(seconds: issuedAt, nanos: 0),
                                                      policy: try PolicyRecords.effective(in: db), in: db)
            }
            try CitizenRecords.update(rating, in: db)
            try audit(db, context, actor, target: "rating/\(id)",
                      detail: (request.exclude ? "set aside" : "counted") + (request.hideComment ? ", comment hidden" : "") + ": \(rating.moderationReason)")
            return Feedback.ModerateCitizenRatingResponse(rating: CitizenRatingRules.visible(rating, toAdministrator: true))
        }
    }

    // MARK: Policy

    public func getFeedbackPolicy(_ request: Feedback.GetFeedbackPolicyRequest, context: ServerContext) async throws -> Feedback.GetFeedbackPolicyResponse {
        let stored = try await store.read { db in try PolicyRecords.stored(in: db) }
        var policy = EffectiveFeedbackPolicy(stored ?? EffectiveFeedbackPolicy.defaultPolicy).proto
        policy.updated = stored?.updated
        policy.revision = stored?.revision ?? 0
        return Feedback.GetFeedbackPolicyResponse(policy: policy)
    }

    public func setFeedbackPolicy(_ request: Feedback.SetFeedbackPolicyRequest, context: ServerContext) async throws -> Feedback.SetFeedbackPolicyResponse {
        let validated = try EffectiveFeedbackPolicy.validatedChange(request)
        // Pengelola kinerja change it only with an agency-wide scope: one covering the root unit.
        guard let root = try await directory.rootUnitID() else { throw RPCError(.unavailable, "identity has no units yet") }
        try await Access.required().require(.unit(id: root))
        return try await write(context, request) { [self] db, actor in
            let current = try PolicyRecords.stored(in: db)
            let revision = current?.revision ?? 0
            if request.expectedRevision != 0 && request.expectedRevision != revision {
                throw FeedbackError(.revisionMismatch, "the policy changed since it was read (revision \(revision)); read it again", field: "expected_revision")
            }
            var policy = validated
            policy.revision = revision + 1
            policy.updated = actor.stamp
            try PolicyRecords.save(policy, in: db)
            try audit(db, context, actor, target: "policy", detail: "revision \(policy.revision): \(request.reason.trimmingCharacters(in: .whitespacesAndNewlines))")
            return Feedback.SetFeedbackPolicyResponse(policy: policy)
        }
    }

    // MARK: Audit

    public func listAuditEvents(_ request: Feedback.ListAuditEventsRequest, context: ServerContext) async throws -> Feedback.ListAuditEventsResponse {
        let (events, page) = try await auditEvents(filter: request.filter, page: request.page)
        return Feedback.ListAuditEventsResponse(events: events, page: page)
    }

    public func verifyAuditChain(_ request: Feedback.VerifyAuditChainRequest, context: ServerContext) async throws -> Feedback.VerifyAuditChainResponse {
        Feedback.VerifyAuditChainResponse(verification: try await auditChain(from: request.fromSequence, to: request.toSequence))
    }
}
