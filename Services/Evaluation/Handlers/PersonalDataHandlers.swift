public import KinerjaProto
import KinerjaService
import Foundation
import GRDB

extension EvaluationHandlers {
    /// ExportPersonalData: the person's evaluations in every period, their finalisation
    /// snapshots, the overrides of their ratings and the adjustments of a period's population that
    /// concern them (leave, transfer), their competence development records (withdrawn ones
    /// too), then evaluation's trail.
    /// Named on them: the evaluator (pejabat penilai); whoever else stamped a decision is replaced.
    public func exportPersonalData(_ request: Evaluation.ExportPersonalDataRequest,
                                   responses: RPCWriter<Evaluation.ExportPersonalDataResponse>, context: ServerContext) async throws {
        let nip = request.nip
        try await beginPersonalDataExport(nip: nip, reason: request.reason, context: context) {
            try await directory.employee(nip) != nil
        }
        let held = try await store.read { db in
            (evaluations: try Row.fetchAll(db, sql: "SELECT body FROM employee_evaluation WHERE nip = ? ORDER BY year, span_key",
                                           arguments: [nip]).map { try StoredBody.decode(Evaluation.EmployeeEvaluation.self, $0) },
             snapshots: try Row.fetchAll(db, sql: "SELECT body FROM finalisation_snapshot WHERE nip = ? ORDER BY period_id, number",
                                         arguments: [nip]).map { try StoredBody.decode(Evaluation.EmployeeEvaluation.self, $0) },
             overrides: try Row.fetchAll(db, sql: """
                SELECT o.body FROM rating_override o JOIN employee_evaluation e ON e.evaluation_id = o.evaluation_id
                WHERE e.nip = ? ORDER BY o.decided_at
                """, arguments: [nip]).map { try StoredBody.decode(Evaluation.RatingOverride.self, $0) },
             adjustments: try Row.fetchAll(db, sql: "SELECT body FROM population_adjustment WHERE nip = ? ORDER BY recorded_at",
                                           arguments: [nip]).map { try StoredBody.decode(Evaluation.PopulationAdjustment.self, $0) },
             competence: try CompetenceRecords.of(nip, year: 0, in: db))
        }
        var records = PersonalDataRecords(nip: nip)
        records.named.formUnion((held.evaluations + held.snapshots).compactMap { $0.evaluator?.nip }.filter { !$0.isEmpty })
        for evaluation in held.evaluations { try records.append("evaluation", redacted(evaluation, records)) }
        for snapshot in held.snapshots { try records.append("evaluation-snapshot", redacted(snapshot, records)) }
        for var override in held.overrides {
            override.decided = records.redacted(override.decided)
            try records.append("rating-override", override)
        }
        for var adjustment in held.adjustments {
            adjustment.recorded = records.redacted(adjustment.recorded)
            try records.append("population-adjustment", adjustment)
        }
        for var development in held.competence {
            development.recorded = records.redacted(development.recorded)
            try records.append("competence-development", development)
        }
        try await personalDataTrail(&records)
        for batch in records.batches { try await responses.write(Evaluation.ExportPersonalDataResponse(records: batch)) }
    }

    private func redacted(_ evaluation: Evaluation.EmployeeEvaluation, _ records: PersonalDataRecords) -> Evaluation.EmployeeEvaluation {
        var evaluation = evaluation
        evaluation.finalised = records.redacted(evaluation.finalised)
        let hasilKerja = records.redacted(evaluation.hasilKerja?.decided)
        evaluation.hasilKerja?.decided = hasilKerja
        let perilakuKerja = records.redacted(evaluation.perilakuKerja?.decided)
        evaluation.perilakuKerja?.decided = perilakuKerja
        let acknowledged = records.redacted(evaluation.acknowledgement?.acknowledged)
        evaluation.acknowledgement?.acknowledged = acknowledged
        for index in evaluation.expectationJudgements.indices {
            evaluation.expectationJudgements[index].judged = records.redacted(evaluation.expectationJudgements[index].judged)
        }
        return evaluation
    }
}
