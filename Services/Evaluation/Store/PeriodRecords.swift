import Foundation
import GRDB
import KinerjaProto

/// Evaluation periods, their population adjustments, organisation ratings and finalisations.
///
/// The period's own row holds the period as its message with what changes with it (state, the
/// current organisation rating, recommendations, curve override, stamps); adjustments, rating
/// decisions and finalisations are rows of their own (history), joined in by ``assemble(_:in:)``
/// together with the counts, which always come from the evaluations.
enum PeriodRecords {
    // MARK: Periods

    static func insert(_ period: Evaluation.EvaluationPeriod, in db: Database) throws {
        let span = period.span ?? Evaluation.EvaluationSpan()
        try db.execute(sql: """
            INSERT INTO evaluation_period (period_id, unit_id, include_subunits, year, kind, number, span_key, state, revision, opened_at, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [period.periodID, period.unit?.unitID ?? "", period.unit?.includeSubunits ?? false, span.year,
                             span.kind.rawValue, span.number, SpanKey.of(span), period.state.rawValue, period.revision,
                             period.opened?.at?.seconds ?? 0, try StoredBody.encode(stripped(period))])
    }

    static func update(_ period: Evaluation.EvaluationPeriod, in db: Database) throws {
        try db.execute(sql: "UPDATE evaluation_period SET state = ?, revision = ?, body = ? WHERE period_id = ?",
                       arguments: [period.state.rawValue, period.revision, try StoredBody.encode(stripped(period)), period.periodID])
    }

    /// The stored period (without the parts ``assemble(_:in:)`` adds).
    static func fetch(_ periodID: String, in db: Database) throws -> Evaluation.EvaluationPeriod? {
        try Row.fetchOne(db, sql: "SELECT body FROM evaluation_period WHERE period_id = ?", arguments: [periodID])
            .map { try StoredBody.decode(Evaluation.EvaluationPeriod.self, $0) }
    }

    /// Periods of one kind and span (any unit), for the overlap rule.
    static func sameSpan(_ span: Evaluation.EvaluationSpan, in db: Database) throws -> [Evaluation.EvaluationPeriod] {
        try Row.fetchAll(db, sql: "SELECT body FROM evaluation_period WHERE span_key = ?", arguments: [SpanKey.of(span)])
            .map { try StoredBody.decode(Evaluation.EvaluationPeriod.self, $0) }
    }

    /// Periods matching `conditions` (SQL over evaluation_period's columns), newest span first.
    static func list(where conditions: [String], _ arguments: StatementArguments, limit: Int, offset: Int,
                     in db: Database) throws -> [Evaluation.EvaluationPeriod] {
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: """
            SELECT body FROM evaluation_period \(filter) ORDER BY year DESC, kind DESC, number DESC, unit_id, period_id LIMIT ? OFFSET ?
            """, arguments: arguments + [limit, offset]).map { try StoredBody.decode(Evaluation.EvaluationPeriod.self, $0) }
    }

    /// The period without what lives in other tables or is counted.
    static func stripped(_ period: Evaluation.EvaluationPeriod) -> Evaluation.EvaluationPeriod {
        var copy = period
        copy.populationAdjustments = []
        copy.finalisations = []
        copy.lockDeliveries = []
        copy.population = 0
        copy.ratedCount = 0
        copy.curveDenominator = 0
        copy.unitRatings = []
        return copy
    }

    /// The period as the contract returns it: adjustments, finalisations, peer deliveries and the counts.
    static func assemble(_ period: Evaluation.EvaluationPeriod, in db: Database) throws -> Evaluation.EvaluationPeriod {
        var full = period
        full.populationAdjustments = try adjustments(period.periodID, in: db)
        full.finalisations = try finalisations(period.periodID, in: db)
        full.lockDeliveries = try NotificationRecords.deliveries(period.periodID, in: db)
        full.unitRatings = try unitRatings(period.periodID, except: period.unit?.unitID ?? "", in: db)
        if let row = try Row.fetchOne(db, sql: """
            SELECT count(*) AS population, sum(excluded = 0) AS counted, sum(excluded = 0 AND predikat != 0) AS rated
            FROM employee_evaluation WHERE period_id = ?
            """, arguments: [period.periodID]) {
            full.population = UInt32(row["population"] as Int? ?? 0)
            full.curveDenominator = UInt32(row["counted"] as Int? ?? 0)
            full.ratedCount = UInt32(row["rated"] as Int? ?? 0)
        }
        return full
    }

    // MARK: Population adjustments

    static func insert(_ adjustment: Evaluation.PopulationAdjustment, id: String, periodID: String, in db: Database) throws {
        try db.execute(sql: "INSERT INTO population_adjustment (adjustment_id, period_id, nip, recorded_at, body) VALUES (?, ?, ?, ?, ?)",
                       arguments: [id, periodID, adjustment.nip, adjustment.recorded?.at?.seconds ?? 0, try StoredBody.encode(adjustment)])
    }

    static func replaceAdjustments(_ adjustments: [(id: String, adjustment: Evaluation.PopulationAdjustment)], in db: Database) throws {
        for entry in adjustments {
            try db.execute(sql: "UPDATE population_adjustment SET body = ? WHERE adjustment_id = ?",
                           arguments: [try StoredBody.encode(entry.adjustment), entry.id])
        }
    }

    /// The adjustments of a period, oldest first.
    static func adjustments(_ periodID: String, in db: Database) throws -> [Evaluation.PopulationAdjustment] {
        try adjustmentRows(periodID, in: db).map(\.adjustment)
    }

    static func adjustmentRows(_ periodID: String, in db: Database) throws -> [(id: String, adjustment: Evaluation.PopulationAdjustment)] {
        try Row.fetchAll(db, sql: "SELECT adjustment_id, body FROM population_adjustment WHERE period_id = ? ORDER BY recorded_at, adjustment_id",
                         arguments: [periodID])
            .map { (id: $0["adjustment_id"], adjustment: try StoredBody.decode(Evaluation.PopulationAdjustment.self, $0)) }
    }

    // MARK: Organisation ratings

    /// Records a decision and makes it the current one of its unit in its period (the period's
    /// own unit, or a unit inside its scope with a curve of its own).
    static func insert(_ rating: Evaluation.OrganisationRatingRecord, id: String, periodID: String, in db: Database) throws {
        try db.execute(sql: "UPDATE organisation_rating SET current = 0 WHERE period_id = ? AND unit_id = ?", arguments: [periodID, rating.unitID])
        try db.execute(sql: """
            INSERT INTO organisation_rating (rating_id, period_id, unit_id, span_key, decided_at, current, body) VALUES (?, ?, ?, ?, ?, 1, ?)
            """, arguments: [id, periodID, rating.unitID, SpanKey.of(rating.span ?? Evaluation.EvaluationSpan()),
                             rating.decided?.at?.seconds ?? 0, try StoredBody.encode(rating)])
    }

    /// The current ratings of the units inside a period's scope other than `unitID` (its own), by unit id.
    static func unitRatings(_ periodID: String, except unitID: String, in db: Database) throws -> [Evaluation.OrganisationRatingRecord] {
        try Row.fetchAll(db, sql: "SELECT body FROM organisation_rating WHERE period_id = ? AND unit_id != ? AND current = 1 ORDER BY unit_id",
                         arguments: [periodID, unitID]).map { try StoredBody.decode(Evaluation.OrganisationRatingRecord.self, $0) }
    }

    /// Every decision for a unit and span, newest first.
    static func organisationRatings(unitID: String, span: Evaluation.EvaluationSpan, in db: Database) throws -> [Evaluation.OrganisationRatingRecord] {
        try Row.fetchAll(db, sql: "SELECT body FROM organisation_rating WHERE unit_id = ? AND span_key = ? ORDER BY decided_at DESC, rating_id DESC",
                         arguments: [unitID, SpanKey.of(span)]).map { try StoredBody.decode(Evaluation.OrganisationRatingRecord.self, $0) }
    }

    // MARK: Finalisations

    static func insert(_ record: Evaluation.FinalisationRecord, periodID: String, in db: Database) throws {
        try db.execute(sql: "INSERT INTO finalisation (period_id, number, finalised_at, superseded, body) VALUES (?, ?, ?, 0, ?)",
                       arguments: [periodID, record.number, record.finalised?.at?.seconds ?? 0, try StoredBody.encode(record)])
    }

    static func update(_ record: Evaluation.FinalisationRecord, periodID: String, in db: Database) throws {
        try db.execute(sql: "UPDATE finalisation SET superseded = ?, body = ? WHERE period_id = ? AND number = ?",
                       arguments: [record.superseded, try StoredBody.encode(record), periodID, record.number])
    }

    /// Every finalisation of a period, oldest first.
    static func finalisations(_ periodID: String, in db: Database) throws -> [Evaluation.FinalisationRecord] {
        try Row.fetchAll(db, sql: "SELECT body FROM finalisation WHERE period_id = ? ORDER BY number", arguments: [periodID])
            .map { try StoredBody.decode(Evaluation.FinalisationRecord.self, $0) }
    }
}
