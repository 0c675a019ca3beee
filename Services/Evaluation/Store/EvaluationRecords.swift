import Foundation
import GRDB
import KinerjaProto

/// One employee's evaluation per period, and the overrides recorded on it.
enum EvaluationRecords {
    /// An evaluation with the columns the store keeps beside it.
    struct Stored: Sendable {
        var evaluation: Evaluation.EmployeeEvaluation
        /// The employee's unit when the period opened (queries by unit and sub-units).
        var unitID: String
    }

    static func insert(_ evaluation: Evaluation.EmployeeEvaluation, in db: Database) throws {
        let employee = evaluation.employee ?? Common.EmployeeRef()
        try db.execute(sql: """
            INSERT INTO employee_evaluation (evaluation_id, period_id, nip, name, unit_id, evaluator_nip, year, span_key, state, predikat,
                excluded, revision, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [evaluation.evaluationID, evaluation.periodID, employee.nip, employee.displayName, employee.unitID,
                             evaluation.evaluator?.nip ?? "", evaluation.span?.year ?? 0, SpanKey.of(evaluation.span ?? .init()),
                             evaluation.state.rawValue, evaluation.predikat.rawValue, evaluation.excluded, evaluation.revision,
                             try StoredBody.encode(evaluation)])
    }

    static func update(_ evaluation: Evaluation.EmployeeEvaluation, in db: Database) throws {
        try db.execute(sql: """
            UPDATE employee_evaluation SET evaluator_nip = ?, state = ?, predikat = ?, excluded = ?, revision = ?, body = ? WHERE evaluation_id = ?
            """, arguments: [evaluation.evaluator?.nip ?? "", evaluation.state.rawValue, evaluation.predikat.rawValue, evaluation.excluded,
                             evaluation.revision, try StoredBody.encode(evaluation), evaluation.evaluationID])
    }

    /// A prepared update for many evaluations in one transaction (finalisation, proposals).
    static func updater(_ db: Database) throws -> (Evaluation.EmployeeEvaluation) throws -> Void {
        let statement = try db.makeStatement(sql: """
            UPDATE employee_evaluation SET evaluator_nip = ?, state = ?, predikat = ?, excluded = ?, revision = ?, body = ? WHERE evaluation_id = ?
            """)
        return { evaluation in
            try statement.execute(arguments: [evaluation.evaluator?.nip ?? "", evaluation.state.rawValue, evaluation.predikat.rawValue,
                                              evaluation.excluded, evaluation.revision, try StoredBody.encode(evaluation),
                                              evaluation.evaluationID])
        }
    }

    static func fetch(_ evaluationID: String, in db: Database) throws -> Evaluation.EmployeeEvaluation? {
        try Row.fetchOne(db, sql: "SELECT body FROM employee_evaluation WHERE evaluation_id = ?", arguments: [evaluationID])
            .map { try StoredBody.decode(Evaluation.EmployeeEvaluation.self, $0) }
    }

    /// The evaluation of `nip` in the period of `spanKey` (the latest opened when several units' periods name them).
    static func fetch(nip: String, spanKey: String, in db: Database) throws -> Evaluation.EmployeeEvaluation? {
        try Row.fetchOne(db, sql: "SELECT body FROM employee_evaluation WHERE nip = ? AND span_key = ? ORDER BY evaluation_id DESC LIMIT 1",
                         arguments: [nip, spanKey]).map { try StoredBody.decode(Evaluation.EmployeeEvaluation.self, $0) }
    }

    /// Every evaluation of a period, by NIP.
    static func forPeriod(_ periodID: String, in db: Database) throws -> [Evaluation.EmployeeEvaluation] {
        try Row.fetchAll(db, sql: "SELECT body FROM employee_evaluation WHERE period_id = ? ORDER BY nip", arguments: [periodID])
            .map { try StoredBody.decode(Evaluation.EmployeeEvaluation.self, $0) }
    }

    /// The predikat of the counted evaluations of a period (unrated ones as UNSPECIFIED).
    static func predikats(_ periodID: String, in db: Database) throws -> [Common.Predikat] {
        try Int32.fetchAll(db, sql: "SELECT predikat FROM employee_evaluation WHERE period_id = ? AND excluded = 0", arguments: [periodID])
            .map { Common.Predikat(rawValue: $0) }
    }

    /// Evaluations matching `conditions` (SQL over employee_evaluation's columns), by unit then name.
    static func list(where conditions: [String], _ arguments: StatementArguments, limit: Int, offset: Int,
                     in db: Database) throws -> [Evaluation.EmployeeEvaluation] {
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: "SELECT body FROM employee_evaluation \(filter) ORDER BY unit_id, name, nip, evaluation_id LIMIT ? OFFSET ?",
                                arguments: arguments + [limit, offset]).map { try StoredBody.decode(Evaluation.EmployeeEvaluation.self, $0) }
    }

    /// Counts per predikat of the evaluations matching `conditions`.
    static func totals(where conditions: [String], _ arguments: StatementArguments, in db: Database) throws -> [Common.Predikat: Int] {
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        var out: [Common.Predikat: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT predikat, count(*) AS n FROM employee_evaluation \(filter) GROUP BY predikat",
                                    arguments: arguments) {
            out[Common.Predikat(rawValue: row["predikat"]), default: 0] += row["n"] as Int
        }
        return out
    }

    // MARK: Overrides

    static func insert(_ override: Evaluation.RatingOverride, periodID: String, unitID: String, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO rating_override (override_id, evaluation_id, period_id, unit_id, decided_by, aspect, decided_at, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [override.overrideID, override.evaluationID, periodID, unitID, override.decided?.principal ?? "",
                             override.aspect.rawValue, override.decided?.at?.seconds ?? 0, try StoredBody.encode(override)])
    }

    static func overrides(evaluationID: String, in db: Database) throws -> [Evaluation.RatingOverride] {
        try Row.fetchAll(db, sql: "SELECT body FROM rating_override WHERE evaluation_id = ? ORDER BY decided_at, override_id",
                         arguments: [evaluationID]).map { try StoredBody.decode(Evaluation.RatingOverride.self, $0) }
    }

    static func overrides(where conditions: [String], _ arguments: StatementArguments, limit: Int, offset: Int,
                          in db: Database) throws -> [Evaluation.RatingOverride] {
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: "SELECT body FROM rating_override \(filter) ORDER BY decided_at, override_id LIMIT ? OFFSET ?",
                                arguments: arguments + [limit, offset]).map { try StoredBody.decode(Evaluation.RatingOverride.self, $0) }
    }
}
