import Foundation
import GRDB
import KinerjaIdentityClient
import KinerjaProto

/// A period's curves as the domain computes them (``NestedCurves``, ``CurveCheck``) from the stored
/// predikat of the employees who count (population adjustments applied): the period's own curve
/// and, when units inside its scope have their own organisation rating, one per such unit, each
/// employee in the curve of the nearest enclosing rated unit.
extension EvaluationHandlers {
    /// The period's curves, read inside `db`; `tree` places each employee's unit (without it, an
    /// employee counts in their own unit's curve when it is rated, else the period's).
    static func curves(_ period: Evaluation.EvaluationPeriod, tree: UnitTreeSnapshot?, in db: Database) throws -> NestedCurves {
        let unitID = period.unit?.unitID ?? ""
        // Counted per unit and predikat from the covering index `evaluation_curve`.
        let members = try Row.fetchAll(db, sql: """
            SELECT unit_id, predikat, count(*) FROM employee_evaluation WHERE period_id = ? AND excluded = 0 GROUP BY unit_id, predikat
            """, arguments: [period.periodID]).map { NestedCurves.Member(unitID: $0[0], predikat: Common.Predikat(rawValue: $0[1]), count: $0[2]) }
        var ratings: [String: Common.OrganisationRating] = [:]
        for record in try PeriodRecords.unitRatings(period.periodID, except: unitID, in: db) { ratings[record.unitID] = record.rating }
        return NestedCurves(periodUnitID: unitID, periodRating: period.organisationRating?.rating ?? .unspecified, ratings: ratings,
                            members: members, ancestors: { tree?.ancestors(of: $0) })
    }

    /// One curve of the period as the contract returns it: the curve of `unitID` (empty = the
    /// period's own unit), or, for a unit without a rating of its own, the curve its employees count in.
    static func curve(_ period: Evaluation.EvaluationPeriod, unitID requested: String = "", tree: UnitTreeSnapshot? = nil,
                      in db: Database) throws -> (check: CurveCheck, status: Evaluation.CurveStatus) {
        let curves = try curves(period, tree: tree, in: db)
        let asked = requested.isEmpty ? curves.periodUnitID : requested
        let owner = NestedCurves.curveUnit(of: asked, periodUnitID: curves.periodUnitID, rated: Set(curves.curves.map(\.unitID)),
                                           ancestors: { tree?.ancestors(of: $0) })
        let curve = curves.curve(of: owner) ?? curves.curves[0]
        let check = try curve.check()
        var status = check.status(unitID: curve.unitID, period: period.span?.period)
        status.periodID = period.periodID
        status.span = period.span
        if curve.unitID != asked { status.requestedUnitID = asked }
        // The excluded employees of this curve's units.
        let excluded = try Row.fetchAll(db, sql: """
            SELECT unit_id, count(*) FROM employee_evaluation WHERE period_id = ? AND excluded = 1 GROUP BY unit_id
            """, arguments: [period.periodID])
        let rated = Set(curves.curves.map(\.unitID))
        status.excludedCount = UInt32(excluded.filter {
            NestedCurves.curveUnit(of: $0[0], periodUnitID: curves.periodUnitID, rated: rated,
                                   ancestors: { tree?.ancestors(of: $0) }) == curve.unitID
        }.reduce(0) { $0 + ($1[1] as Int) })
        var prefix = curve.unitID != asked ? "\(asked) has no organisation rating of its own: its employees count in this curve; " : ""
        if curves.isNested {
            let others = curves.curves.count - 1
            prefix += "this curve counts " + (curve.unitID == curves.periodUnitID
                ? "the employees of no rated sub-unit (\(others) sub-unit\(others == 1 ? " has its" : "s have their") own curve); "
                : "the employees of this unit and its sub-units without a rating of their own; ")
        }
        if !prefix.isEmpty { status.note = (prefix + status.note).truncated(to: EvaluationLimits.curveNoteMaximum) }
        return (check, status)
    }

    /// Every breach of every curve of the period now, each naming its unit (finalisation, and the
    /// informative field of a rating's response).
    static func breaches(_ period: Evaluation.EvaluationPeriod, tree: UnitTreeSnapshot? = nil, in db: Database) throws -> [Common.CurveBreach] {
        try curves(period, tree: tree, in: db).breaches(period: period.span?.period) { unitID in
            guard let unit = tree?.unit(unitID) else { return unitID }
            return unit.code.isEmpty ? unit.name : "\(unit.name) (\(unit.code))"
        }
    }
}
