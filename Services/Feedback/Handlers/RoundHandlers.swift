public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaService
import KinerjaStore

extension FeedbackHandlers {
    public func openAssessmentRound(_ request: Feedback.OpenAssessmentRoundRequest,
                                    context: ServerContext) async throws -> Feedback.OpenAssessmentRoundResponse {
        let policy = try await policy()
        let content = try AssessmentRoundLifecycle.validatedOpen(request, now: now, policy: policy)
        guard let scope = content.unit, let period = content.period else { throw RPCError(.internal, "an opened round lacks its unit or period") }
        _ = try await units(scope)
        try await Access.required().require(.unit(id: scope.unitID))
        let existing = try await store.read { db in try AssessmentRecords.round(unitID: scope.unitID, period: period, in: db) }
        if existing != nil { throw RPCError(.alreadyExists, "a round for this unit and period exists already", reason: "ROUND_EXISTS") }
        let people = try await directory.members(of: scope.unitID, includeSubunits: scope.includeSubunits)
        let members = try await roundMembers(people, year: period.year)
        var identified = content
        identified.roundID = newID()
        let order = try CommentOrder(deploymentSecret: secret, roundID: identified.roundID)
        let defaults = RaterAssignments.defaults(round: identified, members: members, order: order)
        let ids = defaults.map { _ in newID() }
        let opened = identified
        return try await write(context, request) { [self] db, actor in
            var round = opened
            if try AssessmentRecords.round(unitID: scope.unitID, period: period, in: db) != nil {
                throw RPCError(.alreadyExists, "a round for this unit and period exists already", reason: "ROUND_EXISTS")
            }
            round.opened = actor.stamp
            round.subjectCount = UInt32(members.count)
            round.assignmentCount = UInt32(defaults.count)
            try AssessmentRecords.insert(round, in: db)
            for (assignment, id) in zip(defaults, ids) {
                var stored = assignment
                stored.assignmentID = id
                try AssessmentRecords.insert(stored, in: db)
            }
            try audit(db, context, actor, target: "round/\(round.roundID)",
                      detail: "opened for unit \(scope.unitID)\(scope.includeSubunits ? " and sub-units" : ""), \(StoreKeys.period(period)): "
                        + "\(members.count) subjects, \(defaults.count) assignments, anonymity threshold \(round.anonymityThreshold)")
            return Feedback.OpenAssessmentRoundResponse(round: round)
        }
    }

    /// The round's population as the domain sees it, with the atasan's ekspektasi khusus from
    /// planning (eight SKPs asked at a time).
    func roundMembers(_ people: [Identity.Employee], year: Int32) async throws -> [RoundMember] {
        var expectations: [String: [Feedback.ValueExpectation]] = [:]
        let evidence = self.evidence
        for batch in people.chunked(8) {
            try await withThrowingTaskGroup(of: (String, [Feedback.ValueExpectation]).self) { group in
                for person in batch {
                    group.addTask { (person.nip, ValueExpectations.from(try await evidence.expectations(of: person.nip, year: year))) }
                }
                for try await (nip, values) in group { expectations[nip] = values }
            }
        }
        return Self.roundMembers(people, expectations: expectations)
    }

    /// Each member's atasan, direct bawahan and rekan kerja candidates (same atasan or same unit,
    /// within the population), as identity describes them on the opening day.
    static func roundMembers(_ people: [Identity.Employee], expectations: [String: [Feedback.ValueExpectation]]) -> [RoundMember] {
        let byAtasan = Dictionary(grouping: people, by: \.atasanNIP)
        let byUnit = Dictionary(grouping: people, by: \.unitID)
        return people.map { person in
            let peers = (person.atasanNIP.isEmpty ? [] : byAtasan[person.atasanNIP] ?? []) + (byUnit[person.unitID] ?? [])
            return RoundMember(subject: person.reference, atasanNIP: person.atasanNIP, bawahanNIPs: (byAtasan[person.nip] ?? []).map(\.nip),
                               peerCandidates: Array(Set(peers.map(\.nip))).sorted(), expectations: expectations[person.nip] ?? [])
        }
    }

    /// The stored round `id`, or NOT_FOUND.
    func storedRound(_ id: String) async throws -> Feedback.AssessmentRound {
        let found = try await store.read { db in try AssessmentRecords.round(id, in: db) }
        guard let round = found else { throw RPCError(.notFound, "no assessment round \(id)", reason: "ROUND_NOT_FOUND") }
        return round
    }

    /// The round as read now: its effective state and progress counts.
    func withProgress(_ round: Feedback.AssessmentRound, in db: Database) throws -> Feedback.AssessmentRound {
        var out = round
        out.state = AssessmentRoundLifecycle(round).effectiveState(at: now)
        let counts = try AssessmentRecords.counts(round: round.roundID, in: db)
        out.subjectCount = UInt32(counts.subjects)
        out.assignmentCount = UInt32(counts.assignments)
        out.submittedCount = UInt32(counts.submitted)
        return out
    }

    public func getAssessmentRound(_ request: Feedback.GetAssessmentRoundRequest, context: ServerContext) async throws -> Feedback.GetAssessmentRoundResponse {
        let id = try FeedbackInput.id(request.roundID, field: "round_id")
        let round = try await storedRound(id)
        try await Access.required().require(.unit(id: round.unit?.unitID ?? ""))
        return Feedback.GetAssessmentRoundResponse(round: try await store.read { [self] db in try withProgress(round, in: db) })
    }

    public func closeAssessmentRound(_ request: Feedback.CloseAssessmentRoundRequest,
                                     context: ServerContext) async throws -> Feedback.CloseAssessmentRoundResponse {
        let id = try FeedbackInput.id(request.roundID, field: "round_id")
        let round = try await storedRound(id)
        try await Access.required().require(.unit(id: round.unit?.unitID ?? ""))
        return try await write(context, request) { [self] db, actor in
            let (closed, expired) = try close(id, reason: request.reason, stamp: actor.stamp, in: db)
            try audit(db, context, actor, target: "round/\(id)", detail: "closed, \(expired) pending assignments expired"
                        + (request.reason.isEmpty ? "" : ": \(request.reason)"))
            return Feedback.CloseAssessmentRoundResponse(round: try withProgress(closed, in: db), expiredAssignments: UInt32(expired))
        }
    }

    /// Closes round `id` (``AssessmentRoundLifecycle/close(reason:)``) and expires its pending
    /// assignments (``AssignmentLifecycle/expire()``); returns the round and how many expired.
    func close(_ id: String, reason: String, stamp: Common.AuditStamp, in db: Database) throws -> (Feedback.AssessmentRound, Int) {
        guard var round = try AssessmentRecords.round(id, in: db) else { throw RPCError(.notFound, "no assessment round \(id)") }
        var lifecycle = AssessmentRoundLifecycle(round)
        _ = try lifecycle.close(reason: reason)
        round.state = lifecycle.state
        round.closed = stamp
        try AssessmentRecords.update(round, in: db)
        var expired = 0
        for var assignment in try AssessmentRecords.assignments(round: id, in: db) {
            var state = AssignmentLifecycle(assignment)
            if state.expire() {
                assignment.state = state.state
                try AssessmentRecords.update(assignment, in: db)
                expired += 1
            }
        }
        return (round, expired)
    }

    public func assignRaters(_ request: Feedback.AssignRatersRequest, context: ServerContext) async throws -> Feedback.AssignRatersResponse {
        let roundID = try FeedbackInput.id(request.roundID, field: "round_id")
        let subjectNIP = try FeedbackInput.nip(request.subjectNIP, field: "subject_nip")
        // The request's own fields first: count, NIPs, relations (as if every named rater had the tie asked for).
        let optimistic = Dictionary(request.raters.map { ($0.raterNIP, RaterTies(sameAtasan: true, isDirectBawahan: $0.relation == .bawahan)) },
                                    uniquingKeysWith: { first, _ in first })
        do {
            var probe = Feedback.AssessmentRound()
            probe.state = .active
            probe.deadline = Common.Timestamp(seconds: .max, nanos: 0)
            _ = try RaterAssignments.assign(request, round: probe, subject: Common.EmployeeRef(nip: subjectNIP), existing: [], ties: optimistic, now: now)
        } catch where error.code.category == .invalidArgument {
            throw error
        } catch {}
        let round = try await storedRound(roundID)
        let subject = try await employee(subjectNIP, "subject")
        let inRound = try await store.read { db in try !AssessmentRecords.assignments(round: roundID, subjects: [subjectNIP], in: db).isEmpty }
        guard inRound else { throw RPCError(.notFound, "\(subjectNIP) is not a subject of round \(roundID)", reason: "SUBJECT_NOT_IN_ROUND") }
        let raters = try await directory.employees(request.raters.map(\.raterNIP))
        if let unknown = request.raters.first(where: { raters[$0.raterNIP] == nil }) {
            throw RPCError(.notFound, "no employee with NIP \(unknown.raterNIP)", reason: "EMPLOYEE_NOT_FOUND")
        }
        let me = try callerNIP()
        let direct = subject.atasanNIP == me ? try await directory.relation(atasan: me, of: subjectNIP).direct : false
        try await require(.subjectAtasan, direct, or: .employee(nip: subjectNIP))
        let ties = raters.mapValues { rater in
            RaterTies(sameAtasan: !rater.atasanNIP.isEmpty && rater.atasanNIP == subject.atasanNIP, sameUnit: rater.unitID == subject.unitID,
                      isDirectBawahan: rater.atasanNIP == subjectNIP)
        }
        let now = self.now
        return try await write(context, request) { [self] db, actor in
            guard let current = try AssessmentRecords.round(roundID, in: db) else { throw RPCError(.notFound, "no assessment round \(roundID)") }
            let existing = try AssessmentRecords.assignments(round: roundID, subjects: [subjectNIP], in: db)
            let outcome = try RaterAssignments.assign(request, round: current, subject: existing.first?.subject ?? subject.reference,
                                                      existing: existing, ties: ties, now: now)
            for assignment in outcome.added {
                var stored = assignment
                stored.assignmentID = newID()
                try AssessmentRecords.insert(stored, in: db)
            }
            // Raters appear in the audit by their round pseudonym only.
            let added = outcome.added.map { "\(pseudonyms.pseudonym(raterNIP: $0.raterNIP, roundID: roundID)) as \($0.relation.label)" }
            try audit(db, context, actor, target: "round/\(roundID)",
                      detail: "\(outcome.added.count) raters added for \(subjectNIP)" + (added.isEmpty ? "" : ": " + added.joined(separator: ", ")))
            _ = round
            return Feedback.AssignRatersResponse(addedCount: UInt32(outcome.added.count), groupCounts: outcome.groupCounts)
        }
    }

    public func listAssessmentAssignments(_ request: Feedback.ListAssessmentAssignmentsRequest,
                                          context: ServerContext) async throws -> Feedback.ListAssessmentAssignmentsResponse {
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        let me = try callerNIP()
        let rater = request.raterNIP.isEmpty ? me : try FeedbackInput.person(request.raterNIP, field: "rater_nip")
        if rater != me { try await Access.required().require(.employee(nip: rater)) }
        var conditions = ["a.rater_nip = ?"]
        var arguments: StatementArguments = [rater]
        if request.roundID.isEmpty {
            conditions.append("r.state = ? AND r.deadline_seconds > ?")
            arguments += [Feedback.AssessmentRoundState.active.rawValue, nowSeconds]
        } else {
            conditions.append("a.round_id = ?"); arguments += [try FeedbackInput.id(request.roundID, field: "round_id")]
        }
        let states = request.states.isEmpty ? [Feedback.AssignmentState.pending] : request.states
        conditions.append("a.state IN (\(StoredBody.placeholders(states.count)))"); arguments += StatementArguments(states.map(\.rawValue))
        let (where_, bound) = (conditions, arguments)
        let rows = try await store.read { db in try AssessmentRecords.assignments(where: where_, bound, limit: size + 1, offset: offset, in: db) }
        return Feedback.ListAssessmentAssignmentsResponse(
            assignments: Array(rows.prefix(size)), page: Paging.response(offset: offset, size: size, returned: min(size, rows.count), more: rows.count > size))
    }

    public func cancelAssessmentAssignment(_ request: Feedback.CancelAssessmentAssignmentRequest,
                                           context: ServerContext) async throws -> Feedback.CancelAssessmentAssignmentResponse {
        let id = try FeedbackInput.id(request.assignmentID, field: "assignment_id")
        let reason: String
        do {
            reason = try FeedbackText.validated(request.reason, field: "reason", range: FeedbackLimits.cancelReason)
        } catch {
            throw FeedbackError(.reasonRequired, "cancelling an assignment needs a reason for the audit: \(error.message)", field: "reason")
        }
        let found = try await store.read { db in try AssessmentRecords.assignment(id, in: db) }
        guard let assignment = found else { throw RPCError(.notFound, "no assignment \(id)", reason: "ASSIGNMENT_NOT_FOUND") }
        try await Access.required().require(.employee(nip: assignment.subject?.nip ?? ""))
        let now = self.now
        return try await write(context, request) { [self] db, actor in
            guard var stored = try AssessmentRecords.assignment(id, in: db),
                  let round = try AssessmentRecords.round(stored.roundID, in: db) else { throw RPCError(.notFound, "no assignment \(id)") }
            var lifecycle = AssignmentLifecycle(stored)
            try lifecycle.cancel(round: AssessmentRoundLifecycle(round), at: now)
            stored.state = lifecycle.state
            try AssessmentRecords.update(stored, in: db)
            let all = try AssessmentRecords.assignments(round: stored.roundID, subjects: [stored.subject?.nip ?? ""], in: db)
            try audit(db, context, actor, target: "round/\(stored.roundID)",
                      detail: "cancelled \(pseudonyms.pseudonym(raterNIP: stored.raterNIP, roundID: stored.roundID)) as \(stored.relation.label) for \(stored.subject?.nip ?? ""): \(reason)")
            return Feedback.CancelAssessmentAssignmentResponse(assignment: stored, groupCounts: RaterAssignments.groupCounts(all))
        }
    }

    public func submitBehaviourAssessment(_ request: Feedback.SubmitBehaviourAssessmentRequest,
                                          context: ServerContext) async throws -> Feedback.SubmitBehaviourAssessmentResponse {
        let answer = try BehaviourAssessmentRules.validated(request)
        let me = try callerNIP()
        let found = try await store.read { db in try AssessmentRecords.assignment(answer.assignmentID, in: db) }
        guard let assignment = found, assignment.raterNIP == me,
              try Access.required().rule.grants.contains(.relation(.assignedRater)) else {
            // NOT_FOUND, as if it did not exist: an assignment id says nothing to a stranger. Audited as a refusal.
            await auditRefusal(context, target: "assignment/\(answer.assignmentID)", status: .notFound, detail: "not an assignment of the caller")
            throw FeedbackError(.assignmentNotFound, "no such assignment of yours", field: "assignment_id")
        }
        let now = self.now
        let assessmentID = newID()
        return try await write(context, request) { [self] db, _ in
            guard var stored = try AssessmentRecords.assignment(assignment.assignmentID, in: db),
                  let round = try AssessmentRecords.round(stored.roundID, in: db) else { throw RPCError(.notFound, "no assignment") }
            var lifecycle = AssignmentLifecycle(stored)
            try lifecycle.submit(by: me, round: AssessmentRoundLifecycle(round), at: now)
            stored.state = lifecycle.state
            try AssessmentRecords.update(stored, in: db)
            // The answer carries the rater's pseudonym, never the NIP; so does its audit entry, which
            // also leaves out the request id and the peer address (both could be matched with the
            // rater's other entries) and the subject.
            let stamp = pseudonyms.auditStamp(raterNIP: me, roundID: round.roundID, at: now)
            var assessment = BehaviourAssessmentRules.assessment(answer, for: stored, stamp: stamp)
            assessment.assessmentID = assessmentID
            try AssessmentRecords.insert(assessment, roundID: round.roundID, in: db)
            try AuditLog.append(AuditRecord(principal: stamp.principal, principalKind: .user, action: context.method.path,
                                            target: "round/\(round.roundID)", outcome: .success,
                                            detail: "assessment submitted (\(stored.relation.label))"), at: clock(), in: db)
            return Feedback.SubmitBehaviourAssessmentResponse(assessment: assessment)
        }
    }
}
