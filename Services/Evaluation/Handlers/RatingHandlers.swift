public import KinerjaProto
import Foundation
import GRDB
import KinerjaIdentityClient
import KinerjaService
import KinerjaStore

/// The pejabat penilai's ratings (``RatingDecisionRules``: reasons, overrides, the predikat from
/// the matrix), the employee's acknowledgement, and reading one evaluation.
extension EvaluationHandlers {
    /// Records a decision on one aspect: the rule's checks, the period's state, the override, the
    /// predikat, the state; answers with `respond(evaluation, the curve's breaches now)`.
    private func rate<Response: ProtoMessage>(
        _ aspect: Evaluation.RatingAspect, evaluationID: String, rating: Common.Rating, reason: String,
        notes: [Evaluation.PerilakuValueNote]?, expectedRevision: UInt64, context: ServerContext, request: some ProtoMessage,
        respond: @escaping @Sendable (Evaluation.EmployeeEvaluation, [Common.CurveBreach]) -> Response
    ) async throws -> Response {
        let evaluation = try await evaluation(evaluationID)
        let nip = evaluation.employee?.nip ?? ""
        let rater = try await requirePenilai(of: nip, doing: "rates \(aspect == .hasilKerja ? "Hasil Kerja" : "Perilaku Kerja")")
        if let notes { try RatingDecisionRules.checkPerilakuNotes(notes) }
        let tree = try await directory.unitTree()
        return try await write(context, request) { [self] db, actor in
            guard var current = try EvaluationRecords.fetch(evaluationID, in: db),
                  let period = try PeriodRecords.fetch(current.periodID, in: db) else { throw RPCError(.notFound, "no evaluation \(evaluationID)") }
            try Self.checkRevision(expected: expectedRevision, current: current.revision, what: "evaluation")
            var lifecycle = Self.lifecycle(period, finalisations: try PeriodRecords.finalisations(period.periodID, in: db))
            let before = current
            let (decided, override) = try Self.decide(aspect, rating: rating, reason: reason, notes: notes, on: current, rater: rater,
                                                      stamp: actor.stamp, overrideID: newID()) {
                try lifecycle.apply(.enterRating)
            }
            guard decided != before else { return respond(current, try Self.breaches(period, tree: tree, in: db)) }
            current = decided
            if let override { try EvaluationRecords.insert(override, periodID: period.periodID, unitID: current.employee?.unitID ?? "", in: db) }
            let predikat = current.predikat
            try EvaluationRecords.update(current, in: db)
            let departure = override.map { " (override of \($0.replacedDecision ? "the earlier decision" : "the proposal") \($0.fromRating.label): \($0.reason))" } ?? ""
            try audit(db, context, actor, target: "evaluation/\(current.evaluationID)",
                      detail: "\(aspect == .hasilKerja ? "Hasil Kerja" : "Perilaku Kerja") \(rating.label) for \(nip)\(departure); predikat \(predikat.label)")
            return respond(current, try Self.breaches(period, tree: tree, in: db))
        }
    }

    /// One decision applied to an evaluation, as the domain rules it (``RatingDecisionRules``):
    /// the reason's checks, the override, the predikat and kuadran from the matrix, the state.
    /// `state` checks the period's state after the arguments (the lifecycle's order). The same
    /// function records the demo's ratings.
    static func decide(_ aspect: Evaluation.RatingAspect, rating: Common.Rating, reason: String, notes: [Evaluation.PerilakuValueNote]?,
                       on evaluation: Evaluation.EmployeeEvaluation, rater: Common.EmployeeRef, stamp: Common.AuditStamp, overrideID: String,
                       state: () throws -> Void = {}) throws -> (Evaluation.EmployeeEvaluation, Evaluation.RatingOverride?) {
        var current = evaluation
        let proposed = aspect == .hasilKerja ? current.proposal?.rating ?? .unspecified : current.perilakuProposal?.rating ?? .unspecified
        let previous = aspect == .hasilKerja ? current.hasilKerja?.rating : current.perilakuKerja?.rating
        let outcome = try RatingDecisionRules.decide(aspect: aspect, rating: rating, reason: reason, proposed: proposed, previous: previous)
        try state()
        guard !current.excluded else {
            throw RPCError(.failedPrecondition, "\(current.employee?.nip ?? "") is excluded from this period's population by an adjustment; they are not rated here",
                           reason: "EMPLOYEE_EXCLUDED")
        }
        let notesChanged = notes.map { given in given.map { Evaluation.PerilakuValueNote(value: $0.value, note: $0.note.trimmed) } != current.perilakuNotes } ?? false
        guard outcome.changed || notesChanged else { return (current, nil) }
        if outcome.changed {
            var decision = outcome.decision
            decision.decided = stamp
            if aspect == .hasilKerja { current.hasilKerja = decision } else { current.perilakuKerja = decision }
        }
        if let notes { current.perilakuNotes = notes.map { Evaluation.PerilakuValueNote(value: $0.value, note: $0.note.trimmed) } }
        var recorded: Evaluation.RatingOverride?
        if var override = outcome.override {
            override.overrideID = overrideID
            override.evaluationID = current.evaluationID
            override.employee = current.employee
            override.decided = stamp
            recorded = override
        }
        let (predikat, kuadran) = RatingDecisionRules.predikat(hasilKerja: current.hasilKerja?.rating, perilaku: current.perilakuKerja?.rating)
        current.predikat = predikat
        current.kuadran = kuadran
        current.evaluator = rater
        current.state = EvaluationStateRule.state(hasProposal: current.proposal != nil, hasilKerja: current.hasilKerja?.rating ?? .unspecified,
                                                  perilaku: current.perilakuKerja?.rating ?? .unspecified, finalised: false)
        current.revision += 1
        return (current, recorded)
    }

    public func setHasilKerjaRating(_ request: Evaluation.SetHasilKerjaRatingRequest,
                                    context: ServerContext) async throws -> Evaluation.SetHasilKerjaRatingResponse {
        if let recorded = try await recordedResponse(context, bytes: try request.serializedBytes(), as: Evaluation.SetHasilKerjaRatingResponse.self) {
            return recorded
        }
        return try await rate(.hasilKerja, evaluationID: request.evaluationID, rating: request.rating, reason: request.reason,
                              notes: nil, expectedRevision: request.expectedRevision, context: context, request: request) {
            Evaluation.SetHasilKerjaRatingResponse(evaluation: $0, curveBreaches: $1)
        }
    }

    public func setPerilakuRating(_ request: Evaluation.SetPerilakuRatingRequest,
                                  context: ServerContext) async throws -> Evaluation.SetPerilakuRatingResponse {
        if let recorded = try await recordedResponse(context, bytes: try request.serializedBytes(), as: Evaluation.SetPerilakuRatingResponse.self) {
            return recorded
        }
        return try await rate(.perilakuKerja, evaluationID: request.evaluationID, rating: request.rating, reason: request.reason,
                              notes: request.notes, expectedRevision: request.expectedRevision, context: context, request: request) {
            Evaluation.SetPerilakuRatingResponse(evaluation: $0, curveBreaches: $1)
        }
    }

    /// Longest response note of an acknowledgement.
    static let acknowledgementNoteMaximum = 2000

    public func acknowledgeEvaluation(_ request: Evaluation.AcknowledgeEvaluationRequest,
                                      context: ServerContext) async throws -> Evaluation.AcknowledgeEvaluationResponse {
        let length = request.note.trimmedLength
        guard length <= Self.acknowledgementNoteMaximum else {
            throw EvaluationRuleError.textLengthInvalid(field: "note", count: length, range: 0...Self.acknowledgementNoteMaximum)
        }
        let evaluation = try await evaluation(request.evaluationID)
        try await requireScope(.employee(nip: evaluation.employee?.nip ?? ""))
        return try await write(context, request) { [self] db, actor in
            guard var current = try EvaluationRecords.fetch(request.evaluationID, in: db) else { throw RPCError(.notFound, "no evaluation \(request.evaluationID)") }
            try Self.checkRevision(expected: request.expectedRevision, current: current.revision, what: "evaluation")
            guard current.predikat.score != nil else {
                throw RPCError(.failedPrecondition, "the evaluation is acknowledged once both ratings are entered; it is \(current.state)",
                               reason: "NOT_RATED")
            }
            current.acknowledgement = Evaluation.EvaluationAcknowledgement(note: request.note.trimmed, acknowledged: actor.stamp)
            current.revision += 1
            try EvaluationRecords.update(current, in: db)
            try audit(db, context, actor, target: "evaluation/\(current.evaluationID)",
                      detail: request.note.trimmed.isEmpty ? "acknowledged" : "acknowledged with a response (\(request.note.trimmedLength) characters)")
            return Evaluation.AcknowledgeEvaluationResponse(evaluation: current)
        }
    }

    public func getEvaluation(_ request: Evaluation.GetEvaluationRequest, context: ServerContext) async throws -> Evaluation.GetEvaluationResponse {
        let found: Evaluation.EmployeeEvaluation?
        switch request.key {
        case .evaluationID(let id):
            found = try await evaluation(id)
        case .employeePeriod(let key):
            try Invalid.requireNIP(key.nip, "employee_period.nip")
            let span = try EvaluationPeriodRules.resolve(period: key.span == nil ? key.period : nil, span: key.span)
            found = try await store.read { db in try EvaluationRecords.fetch(nip: key.nip, spanKey: SpanKey.of(span), in: db) }
        case nil:
            throw Invalid.field("key", "give an evaluation id or an employee and period", reason: "REQUIRED")
        }
        guard let evaluation = found else { throw RPCError(.notFound, "no such evaluation", reason: "EVALUATION_NOT_FOUND") }
        let nip = evaluation.employee?.nip ?? ""
        let access = try Access.required()
        if !(try await access.allows(.employee(nip: nip))) {
            let caller = try callerNIP()
            try await access.require(.penilai, target: nip, message: "the evaluation of \(nip) is read by the employee, their penilai and atasan, overseers in scope and the HR portal") { [self] in
                try await directory.penilai(of: nip, on: today).penilai?.nip == caller
            }
        }
        var response = Evaluation.GetEvaluationResponse(evaluation: evaluation)
        response.overrides = try await store.read { db in try EvaluationRecords.overrides(evaluationID: evaluation.evaluationID, in: db) }
        if request.includeEvidence, let span = evaluation.span {
            let part = ProposalEvidence.parts(of: span).last ?? Self.planningPeriod(span)
            let rows = try await self.evidence.progress(nip: nip, period: span.period ?? part)
            response.progress = ProposalEvidence.main(of: rows)
            if rows.count > 1 { response.skpProgress = rows }
            response.behaviour = try await self.evidence.behaviour(nip: nip, period: part)
        }
        return response
    }
}
