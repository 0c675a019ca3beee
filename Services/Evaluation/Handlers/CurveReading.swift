import Foundation
import GRDB
import KinerjaProto

/// A period's curve as the domain's ``CurveCheck`` computes it from the stored predikat of the
/// employees who count (population adjustments applied).
extension EvaluationHandlers {
    /// The check and the `CurveStatus` the contract returns, read inside `db`.
    static func curve(_ period: Evaluation.EvaluationPeriod, in db: Database) throws -> (check: CurveCheck, status: Evaluation.CurveStatus) {
        let predikats = try EvaluationRecords.predikats(period.periodID, in: db)
        let excluded = try Int.fetchOne(db, sql: "SELECT count(*) FROM employee_evaluation WHERE period_id = ? AND excluded = 1",
                                        arguments: [period.periodID]) ?? 0
        let check = try CurveCheck(organisationRating: period.organisationRating?.rating ?? .unspecified, population: predikats.count,
                                   distribution: PredikatDistribution(predikats))
        var status = check.status(unitID: period.unit?.unitID ?? "", period: period.span?.period)
        status.periodID = period.periodID
        status.excludedCount = UInt32(excluded)
        status.span = period.span
        return (check, status)
    }

    /// The breaches now, for the informative field of a rating's response.
    static func breaches(_ period: Evaluation.EvaluationPeriod, in db: Database) throws -> [Common.CurveBreach] {
        try curve(period, in: db).check.breaches(unitID: period.unit?.unitID ?? "", period: period.span?.period)
    }
}
