public import KinerjaProto
import Foundation
import GRDB
import KinerjaService
import KinerjaStore

/// The atasan's judgement of the ekspektasi khusus (``RatingDecisionRules/checkExpectationJudgements(_:)``):
/// an input of the Perilaku proposal (``PerilakuProposer``), set by the pejabat penilai of the day
/// like the ratings, and the proposals recomputed from it with the evidence of the peers.
extension EvaluationHandlers {
    public func setExpectationJudgements(_ request: Evaluation.SetExpectationJudgementsRequest,
                                         context: ServerContext) async throws -> Evaluation.SetExpectationJudgementsResponse {
        if let recorded = try await recordedResponse(context, bytes: try request.serializedBytes(), as: Evaluation.SetExpectationJudgementsResponse.self) {
            return recorded
        }
        try RatingDecisionRules.checkExpectationJudgements(request.judgements)
        let evaluation = try await evaluation(for: request.key)
        let evaluationID = evaluation.evaluationID
        let nip = evaluation.employee?.nip ?? ""
        let rater = try await requirePenilai(of: nip, doing: "judges the ekspektasi khusus")
        let period = try await period(evaluation.periodID)
        let span = period.span ?? Evaluation.EvaluationSpan()
        let targets = try await self.evidence.targets(nips: [nip], period: Self.planningPeriod(span))[nip]
        let gathered = try await gatherEvidence(of: nip, span: span, targets: targets)
        let rule = try await rule(of: period)
        return try await write(context, request) { [self] db, actor in
            guard var current = try EvaluationRecords.fetch(evaluationID, in: db),
                  let stored = try PeriodRecords.fetch(current.periodID, in: db) else { throw RPCError(.notFound, "no evaluation \(evaluationID)") }
            try Self.checkRevision(expected: request.expectedRevision, current: current.revision, what: "evaluation")
            var lifecycle = Self.lifecycle(stored, finalisations: try PeriodRecords.finalisations(stored.periodID, in: db))
            try lifecycle.apply(.change(action: "judging the ekspektasi khusus"))
            guard !current.excluded else {
                throw RPCError(.failedPrecondition, "\(nip) is excluded from this period's population by an adjustment; they are not rated here",
                               reason: "EMPLOYEE_EXCLUDED")
            }
            let order = Common.BerakhlakValue.seven
            current.expectationJudgements = request.judgements
                .sorted { (order.firstIndex(of: $0.value) ?? 0) < (order.firstIndex(of: $1.value) ?? 0) }
                .map { Evaluation.ExpectationJudgement(value: $0.value, judgement: $0.judgement, note: $0.note.trimmed, judged: actor.stamp) }
            let organisation = Self.organisation(for: current, period: stored, unitRatings: try Self.unitRatings(stored, in: db))
            let proposal = gathered.proposal(for: current, organisation: organisation, rule: rule)
            current = proposed(current, proposal, evidence: gathered, evaluator: rater)
            try EvaluationRecords.update(current, in: db)
            let judged = current.expectationJudgements.map { "\($0.value.label) \($0.judgement.shortLabel)" }.joined(separator: ", ")
            try audit(db, context, actor, target: "evaluation/\(evaluationID)",
                      detail: "ekspektasi khusus of \(nip) judged: " + (judged.isEmpty ? "withdrawn" : judged)
                        + "; Perilaku proposal \(proposal.perilaku.rating.label)")
            return Evaluation.SetExpectationJudgementsResponse(evaluation: current)
        }
    }

    /// The evaluation a request's key names (by id, or by employee and period); INVALID_ARGUMENT
    /// without a key or with a malformed NIP or period, NOT_FOUND when there is none.
    func evaluation(for key: Evaluation.SetExpectationJudgementsRequest.Key?) async throws -> Evaluation.EmployeeEvaluation {
        switch key {
        case .evaluationID(let id):
            return try await evaluation(id)
        case .employeePeriod(let key):
            try Invalid.requireNIP(key.nip, "employee_period.nip")
            let span = try EvaluationPeriodRules.resolve(period: key.span == nil ? key.period : nil, span: key.span)
            guard let found = try await store.read({ db in try EvaluationRecords.fetch(nip: key.nip, spanKey: SpanKey.of(span), in: db) }) else {
                throw RPCError(.notFound, "no evaluation of \(key.nip) for \(span.label)", reason: "EVALUATION_NOT_FOUND")
            }
            return found
        case nil:
            throw Invalid.field("key", "give an evaluation id or an employee and period", reason: "REQUIRED")
        }
    }
}
