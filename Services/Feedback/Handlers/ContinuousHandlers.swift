public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaService
import KinerjaStore

extension FeedbackHandlers {
    public func giveFeedback(_ request: Feedback.GiveFeedbackRequest, context: ServerContext) async throws -> Feedback.GiveFeedbackResponse {
        let content = try ContinuousFeedbackRules.validated(request)
        let giverNIP = try callerNIP()
        let recipient = try await employee(content.recipientNIP, "recipient")
        let standing = try await standing(of: giverNIP, to: recipient, withPath: true)
        let policy = try await policy()
        let giver = try await decide(.feedbackGiver, target: recipient.nip) {
            try FeedbackGiver.resolve(giverNIP: giverNIP, recipientNIP: recipient.nip, standing: standing, policy: policy)
        }
        try await evidence.checkSubject(content.subjectKind, content.subjectID, ownerNIP: recipient.nip, today: today)
        let feedbackID = newID()
        return try await write(context, request) { [self] db, actor in
            var feedback = content
            feedback.feedbackID = feedbackID
            feedback.giverNIP = giverNIP
            feedback.given = actor.stamp
            feedback.fromRekanKerja = !giver.isAtasanChain
            if !feedback.solicitationID.isEmpty {
                try answer(feedback.solicitationID, kind: .feedback, by: giverNIP, recipientNIP: recipient.nip, answerID: feedbackID, actor: actor, in: db)
            }
            try ContinuousRecords.insert(feedback, recipientUnitID: recipient.unitID, in: db)
            try audit(db, context, actor, target: "feedback/\(feedbackID)",
                      detail: "to \(recipient.nip) as \(Self.describe(giver)), \(feedback.kind.stateLabel)"
                        + (feedback.subjectKind == .unspecified ? "" : " on \(feedback.subjectKind.stateLabel) \(feedback.subjectID)")
                        + (feedback.solicitationID.isEmpty ? "" : ", answering \(feedback.solicitationID)"))
            return Feedback.GiveFeedbackResponse(feedback: feedback)
        }
    }

    /// Marks solicitation `id` ANSWERED by `answerID` (``SolicitationLifecycle``), inside the answer's transaction.
    func answer(_ id: String, kind: Feedback.SolicitationKind, by nip: String, recipientNIP: String, answerID: String,
                actor: ChangeActor, in db: Database) throws {
        guard var solicitation = try ContinuousRecords.solicitation(id, in: db) else {
            throw RPCError(.notFound, "no solicitation \(id)", reason: "SOLICITATION_NOT_FOUND")
        }
        var lifecycle = SolicitationLifecycle(solicitation)
        try lifecycle.apply(.answer(by: nip, kind: kind, recipientNIP: recipientNIP, answerID: answerID))
        solicitation.state = lifecycle.state
        solicitation.answerID = answerID
        solicitation.closed = actor.stamp
        try ContinuousRecords.update(solicitation, in: db)
    }

    static func describe(_ giver: FeedbackGiver) -> String {
        switch giver {
        case .atasanLangsung(let acting): acting ? "acting atasan (Plt./Plh.)" : "atasan langsung"
        case .atasanChain(let levels): "atasan \(levels) levels up"
        case .rekanKerja: "rekan kerja"
        }
    }

    public func getFeedback(_ request: Feedback.GetFeedbackRequest, context: ServerContext) async throws -> Feedback.GetFeedbackResponse {
        let id = try FeedbackInput.id(request.feedbackID, field: "feedback_id")
        let found = try await store.read { db in try ContinuousRecords.feedback(id, in: db) }
        guard let feedback = found else { throw RPCError(.notFound, "no feedback \(id)", reason: "FEEDBACK_NOT_FOUND") }
        let me = try Access.required().caller.user?.nip
        try await visible("feedback \(id)") {
            try await require(.feedbackParty, me == feedback.giverNIP || me == feedback.recipientNIP, or: .employee(nip: feedback.recipientNIP))
        }
        return Feedback.GetFeedbackResponse(feedback: feedback)
    }

    /// Runs an authorisation check whose refusal is answered NOT_FOUND ("unknown or invisible"),
    /// so an id reveals nothing to a stranger; the denial itself is audited.
    func visible(_ what: String, _ check: () async throws -> Void) async throws {
        do {
            try await check()
        } catch let error as RPCError where error.code == .permissionDenied {
            throw RPCError(.notFound, "no \(what)", reason: "NOT_FOUND")
        }
    }

    public func listFeedback(_ request: Feedback.ListFeedbackRequest, context: ServerContext) async throws -> Feedback.ListFeedbackResponse {
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        let access = try Access.required()
        let me = try callerNIP()
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if !request.recipientNIP.isEmpty {
            let nip = try FeedbackInput.nip(request.recipientNIP, field: "recipient_nip")
            if nip != me { try await access.require(.employee(nip: nip)) }
            conditions.append("recipient_nip = ?"); arguments += [nip]
        }
        if !request.giverNIP.isEmpty {
            let nip = try FeedbackInput.person(request.giverNIP, field: "giver_nip")
            if nip != me {
                // What someone else gave: pengelola kinerja and auditors in the giver's scope only.
                let hr = try await access.holds(.roleInScope(.pengelolaKinerja), for: .employee(nip: nip))
                let auditor = try await access.holds(.roleInScope(.auditor), for: .employee(nip: nip))
                if !hr && !auditor { throw await access.denial(target: nip, "only pengelola kinerja and auditors in scope list what someone else gave") }
            }
            conditions.append("giver_nip = ?"); arguments += [nip]
        }
        if let scope = request.unit, !scope.unitID.isEmpty {
            let units = try await units(scope)
            try await access.require(.unit(id: scope.unitID))
            conditions.append("recipient_unit_id IN (\(StoredBody.placeholders(units.count)))"); arguments += StatementArguments(units)
        }
        if conditions.isEmpty { conditions.append("recipient_nip = ?"); arguments += [me] }
        if request.subjectKind != .unspecified { conditions.append("subject_kind = ?"); arguments += [request.subjectKind.rawValue] }
        if !request.subjectID.isEmpty {
            conditions.append("subject_id = ?"); arguments += [try FeedbackInput.id(request.subjectID, field: "subject_id")]
        }
        if let range = request.timeRange {
            if let start = range.startTime { conditions.append("given_at >= ?"); arguments += [start.seconds] }
            if let end = range.endTime { conditions.append("given_at < ?"); arguments += [end.seconds] }
            if let start = range.startTime, let end = range.endTime, start.seconds >= end.seconds {
                throw Invalid.field("time_range", "end_time must be after start_time", reason: "RANGE_INVALID")
            }
        }
        if request.unacknowledgedOnly { conditions.append("acknowledged = 0") }
        let (where_, bound) = (conditions, arguments)
        let rows = try await store.read { db in try ContinuousRecords.feedback(where: where_, bound, limit: size + 1, offset: offset, in: db) }
        return Feedback.ListFeedbackResponse(feedback: Array(rows.prefix(size)),
                                             page: Paging.response(offset: offset, size: size, returned: min(size, rows.count), more: rows.count > size))
    }

    /// The unit ids of a scope (with its sub-units when asked), or NOT_FOUND.
    func units(_ scope: Common.UnitScope) async throws -> [String] {
        let id = try FeedbackInput.id(scope.unitID, field: "unit.unit_id")
        let tree = try await directory.unitTree()
        guard tree.unit(id) != nil else { throw RPCError(.notFound, "no unit \(id)", reason: "UNIT_NOT_FOUND") }
        return scope.includeSubunits ? tree.subtree(of: id) : [id]
    }

    public func acknowledgeFeedback(_ request: Feedback.AcknowledgeFeedbackRequest,
                                    context: ServerContext) async throws -> Feedback.AcknowledgeFeedbackResponse {
        let id = try FeedbackInput.id(request.feedbackID, field: "feedback_id")
        let me = try callerNIP()
        let found = try await store.read { db in try ContinuousRecords.feedback(id, in: db) }
        guard let stored = found else { throw RPCError(.notFound, "no feedback \(id)", reason: "FEEDBACK_NOT_FOUND") }
        return try await decide(.feedbackRecipient, target: stored.recipientNIP) {
            try await write(context, request) { [self] db, actor in
                guard var feedback = try ContinuousRecords.feedback(id, in: db) else { throw RPCError(.notFound, "no feedback \(id)") }
                var lifecycle = FeedbackLifecycle(feedback)
                feedback.response = try lifecycle.acknowledge(by: me, response: request.response)
                feedback.acknowledged = actor.stamp
                try ContinuousRecords.update(feedback, in: db)
                try audit(db, context, actor, target: "feedback/\(id)", detail: feedback.response.isEmpty ? "acknowledged" : "acknowledged with a response")
                return Feedback.AcknowledgeFeedbackResponse(feedback: feedback)
            }
        }
    }

    // MARK: Solicitations

    public func solicitFeedback(_ request: Feedback.SolicitFeedbackRequest, context: ServerContext) async throws -> Feedback.SolicitFeedbackResponse {
        let me = try callerNIP()
        let addresseeNIP = request.solicitation?.addresseeNIP ?? ""
        let addressee = NIP.hasValidFormat(addresseeNIP) ? try await directory.employee(addresseeNIP) : nil
        let requester = try await employee(me, "requester")
        let standing = if let addressee { try await self.standing(of: addressee.nip, to: requester, withPath: true) } else { FeedbackStanding() }
        let policy = try await policy()
        // The request's own fields first (INVALID_ARGUMENT lists them all), then who is asked.
        do {
            _ = try SolicitationRules.validated(request, requesterNIP: me, addresseeStanding: standing, openWithAddressee: 0, policy: policy)
        } catch where error.code.category == .invalidArgument {
            throw error
        } catch {}
        guard addressee != nil else { throw RPCError(.notFound, "no employee with NIP \(addresseeNIP)", reason: "EMPLOYEE_NOT_FOUND") }
        if let input = request.solicitation, input.kind == .feedback {
            try await evidence.checkSubject(input.subjectKind, input.subjectID, ownerNIP: me, today: today)
        }
        let id = newID()
        return try await write(context, request) { [self] db, actor in
            let open = try ContinuousRecords.openCount(requester: me, addressee: addresseeNIP, in: db)
            var solicitation = try SolicitationRules.validated(request, requesterNIP: me, addresseeStanding: standing, openWithAddressee: open,
                                                               policy: policy)
            solicitation.solicitationID = id
            solicitation.asked = actor.stamp
            try ContinuousRecords.insert(solicitation, requesterUnitID: requester.unitID, in: db)
            try audit(db, context, actor, target: "solicitation/\(id)", detail: "\(solicitation.kind.stateLabel) asked of \(addresseeNIP)")
            return Feedback.SolicitFeedbackResponse(solicitation: solicitation)
        }
    }

    public func listFeedbackSolicitations(_ request: Feedback.ListFeedbackSolicitationsRequest,
                                          context: ServerContext) async throws -> Feedback.ListFeedbackSolicitationsResponse {
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        let access = try Access.required()
        let me = try callerNIP()
        var conditions: [String] = []
        var arguments: StatementArguments = []
        for (field, column, value) in [("requester_nip", "requester_nip", request.requesterNIP), ("addressee_nip", "addressee_nip", request.addresseeNIP)]
        where !value.isEmpty {
            let nip = try FeedbackInput.nip(value, field: field)
            if nip != me { try await access.require(.employee(nip: nip)) }
            conditions.append("\(column) = ?"); arguments += [nip]
        }
        if conditions.isEmpty { conditions.append("(requester_nip = ? OR addressee_nip = ?)"); arguments += [me, me] }
        if !request.states.isEmpty {
            conditions.append("state IN (\(StoredBody.placeholders(request.states.count)))")
            arguments += StatementArguments(request.states.map(\.rawValue))
        }
        let (where_, bound) = (conditions, arguments)
        let rows = try await store.read { db in try ContinuousRecords.solicitations(where: where_, bound, limit: size + 1, offset: offset, in: db) }
        return Feedback.ListFeedbackSolicitationsResponse(
            solicitations: Array(rows.prefix(size)), page: Paging.response(offset: offset, size: size, returned: min(size, rows.count), more: rows.count > size))
    }

    public func closeFeedbackSolicitation(_ request: Feedback.CloseFeedbackSolicitationRequest,
                                          context: ServerContext) async throws -> Feedback.CloseFeedbackSolicitationResponse {
        let id = try FeedbackInput.id(request.solicitationID, field: "solicitation_id")
        let me = try callerNIP()
        let found = try await store.read { db in try ContinuousRecords.solicitation(id, in: db) }
        guard let stored = found else { throw RPCError(.notFound, "no solicitation \(id)", reason: "SOLICITATION_NOT_FOUND") }
        return try await decide(.solicitationParty, target: stored.requesterNIP) {
            try await write(context, request) { [self] db, actor in
                guard var solicitation = try ContinuousRecords.solicitation(id, in: db) else { throw RPCError(.notFound, "no solicitation \(id)") }
                var lifecycle = SolicitationLifecycle(solicitation)
                let event: SolicitationLifecycle.Event = me == solicitation.requesterNIP
                    ? .withdraw(by: me) : .decline(by: me, reason: request.reason)
                if case .declined(let reason) = try lifecycle.apply(event) { solicitation.declineReason = reason }
                solicitation.state = lifecycle.state
                solicitation.closed = actor.stamp
                try ContinuousRecords.update(solicitation, in: db)
                try audit(db, context, actor, target: "solicitation/\(id)", detail: solicitation.state.stateLabel.lowercased())
                return Feedback.CloseFeedbackSolicitationResponse(solicitation: solicitation)
            }
        }
    }
}
