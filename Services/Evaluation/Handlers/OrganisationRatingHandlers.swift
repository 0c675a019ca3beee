public import KinerjaProto
import Foundation
import GRDB
import KinerjaService
import KinerjaStore
import KinerjaIdentityClient

/// The unit's organisation rating: decided by the pimpinan above the unit (never pengelola kinerja),
/// with its basis; it opens rating (PERSIAPAN → PENILAIAN), sets the curve's quotas and the unit
/// leader's Hasil Kerja proposal (``UnitLeaderRating``).
extension EvaluationHandlers {
    public func setOrganisationRating(_ request: Evaluation.SetOrganisationRatingRequest,
                                      context: ServerContext) async throws -> Evaluation.SetOrganisationRatingResponse {
        if let recorded = try await recordedResponse(context, bytes: try request.serializedBytes(), as: Evaluation.SetOrganisationRatingResponse.self) {
            return recorded
        }
        // Arguments first (the lifecycle checks them again inside the write, with the state).
        var probe = PeriodLifecycle()
        _ = try probe.apply(.setOrganisationRating(request.rating, reason: request.reason, reference: request.reference))
        let period = try await period(request.periodID)
        let periodUnitID = period.unit?.unitID ?? ""
        let tree = try await directory.unitTree()
        let unitID = try subunit(request.unitID, of: period, tree: tree)
        guard let unitID else {
            try await requirePimpinanAbove(period, doing: "decides the unit's organisation rating")
            return try await write(context, request) { [self] db, actor in
                try decidePeriodRating(request, tree: tree, db: db, actor: actor, context: context)
            }
        }
        try await requirePimpinanAbove(unitID: unitID, target: "period/\(period.periodID)", doing: "decides the organisation rating of unit \(unitID)")
        let headNIP = tree.unit(unitID)?.headNIP ?? ""
        return try await write(context, request) { [self] db, actor in
            guard var period = try PeriodRecords.fetch(request.periodID, in: db) else { throw RPCError(.notFound, "no evaluation period \(request.periodID)") }
            try Self.checkRevision(expected: request.expectedRevision, current: period.revision, what: "period")
            var lifecycle = Self.lifecycle(period, finalisations: try PeriodRecords.finalisations(period.periodID, in: db))
            try lifecycle.apply(.change(action: "deciding a sub-unit's organisation rating"))
            let before = try PeriodRecords.unitRatings(period.periodID, except: periodUnitID, in: db).first { $0.unitID == unitID }
            var record = Evaluation.OrganisationRatingRecord()
            record.unitID = unitID
            record.period = period.period
            record.span = period.span
            record.rating = request.rating
            record.reason = request.reason.trimmed
            record.reference = request.reference.trimmed
            record.decided = actor.stamp
            try PeriodRecords.insert(record, id: newID(), periodID: period.periodID, in: db)
            period.revision += 1
            try PeriodRecords.update(period, in: db)
            // The sub-unit's head leads an organisation rated on its own: their Hasil Kerja proposal follows it.
            let update = try EvaluationRecords.updater(db)
            for var leader in try EvaluationRecords.forPeriod(period.periodID, in: db)
            where !headNIP.isEmpty && leader.employee?.nip == headNIP && leader.employee?.unitID == unitID && leader.state != .finalised {
                leader.unitLeader = true
                leader.proposal = Self.leaderProposal(leader.proposal, organisation: request.rating, computedAt: now)
                leader.state = EvaluationStateRule.state(hasProposal: true, hasilKerja: leader.hasilKerja?.rating ?? .unspecified,
                                                         perilaku: leader.perilakuKerja?.rating ?? .unspecified, finalised: false)
                leader.revision += 1
                try update(leader)
            }
            let from = before.map { " (was \($0.rating.label))" } ?? ""
            try audit(db, context, actor, target: "period/\(period.periodID)",
                      detail: "organisation rating of sub-unit \(unitID) \(request.rating.label)\(from), its own curve: \(record.reason)"
                        + (record.reference.isEmpty ? "" : " [\(record.reference)]"))
            return Evaluation.SetOrganisationRatingResponse(period: try PeriodRecords.assemble(period, in: db),
                                                            curve: try Self.curve(period, unitID: unitID, tree: tree, in: db).status)
        }
    }

    /// The period's own organisation rating inside its write: the lifecycle (PERSIAPAN → PENILAIAN),
    /// the record, the unit leader's proposal, the audit entry.
    private func decidePeriodRating(_ request: Evaluation.SetOrganisationRatingRequest, tree: UnitTreeSnapshot, db: Database,
                                    actor: ChangeActor, context: ServerContext) throws -> Evaluation.SetOrganisationRatingResponse {
        guard var period = try PeriodRecords.fetch(request.periodID, in: db) else { throw RPCError(.notFound, "no evaluation period \(request.periodID)") }
        try Self.checkRevision(expected: request.expectedRevision, current: period.revision, what: "period")
        var lifecycle = Self.lifecycle(period, finalisations: try PeriodRecords.finalisations(period.periodID, in: db))
        let action = try lifecycle.apply(.setOrganisationRating(request.rating, reason: request.reason, reference: request.reference))
        var record = Evaluation.OrganisationRatingRecord()
        record.unitID = period.unit?.unitID ?? ""
        record.period = period.period
        record.span = period.span
        record.rating = request.rating
        record.reason = request.reason.trimmed
        record.reference = request.reference.trimmed
        record.decided = actor.stamp
        try PeriodRecords.insert(record, id: newID(), periodID: period.periodID, in: db)
        period.organisationRating = record
        period.state = lifecycle.state
        period.revision += 1
        try PeriodRecords.update(period, in: db)
        // The unit leader's Hasil Kerja proposal follows the organisation rating (a sub-unit's own
        // leader follows the sub-unit's).
        let update = try EvaluationRecords.updater(db)
        let ratings = try Self.unitRatings(period, in: db)
        for var leader in try EvaluationRecords.forPeriod(period.periodID, in: db)
        where leader.unitLeader && ratings[leader.employee?.unitID ?? ""] == nil {
            leader.proposal = Self.leaderProposal(leader.proposal, organisation: request.rating, computedAt: now)
            leader.state = EvaluationStateRule.state(hasProposal: true, hasilKerja: leader.hasilKerja?.rating ?? .unspecified,
                                                     perilaku: leader.perilakuKerja?.rating ?? .unspecified, finalised: false)
            leader.revision += 1
            try update(leader)
        }
        let from: String
        if case .organisationRatingSet(let before, _, _) = action, before.isDecided { from = " (was \(before.label))" } else { from = "" }
        try audit(db, context, actor, target: "period/\(period.periodID)",
                  detail: "organisation rating \(request.rating.label)\(from): \(record.reason)" + (record.reference.isEmpty ? "" : " [\(record.reference)]"))
        return Evaluation.SetOrganisationRatingResponse(period: try PeriodRecords.assemble(period, in: db),
                                                        curve: try Self.curve(period, tree: tree, in: db).status)
    }

    /// The unit a request names inside a period's scope: nil for none or the period's own unit;
    /// NOT_FOUND for a unit identity does not know; INVALID_ARGUMENT for one outside the scope.
    func subunit(_ unitID: String, of period: Evaluation.EvaluationPeriod, tree: UnitTreeSnapshot) throws -> String? {
        let own = period.unit?.unitID ?? ""
        guard !unitID.isEmpty, unitID != own else { return nil }
        try Invalid.requireID(unitID, "unit_id")
        guard let ancestors = tree.ancestors(of: unitID) else { throw RPCError(.notFound, "no unit \(unitID)", reason: "UNIT_NOT_FOUND") }
        guard period.unit?.includeSubunits == true, ancestors.contains(own) else {
            let field = Invalid.field("unit_id", "unit \(unitID) is not inside period \(period.periodID)'s scope (unit \(own)"
                                      + (period.unit?.includeSubunits == true ? " with its sub-units)" : " without sub-units)"),
                                      reason: "UNIT_OUTSIDE_PERIOD")
            throw RPCError(.invalidArgument, field.message, reason: "UNIT_OUTSIDE_PERIOD", details: field.details)
        }
        return unitID
    }

    /// The current ratings of units inside the period's scope with a curve of their own, by unit id.
    static func unitRatings(_ period: Evaluation.EvaluationPeriod, in db: Database) throws -> [String: Common.OrganisationRating] {
        var ratings: [String: Common.OrganisationRating] = [:]
        for record in try PeriodRecords.unitRatings(period.periodID, except: period.unit?.unitID ?? "", in: db) { ratings[record.unitID] = record.rating }
        return ratings
    }

    /// The organisation rating `evaluation`'s Hasil Kerja follows when they lead a unit: their own
    /// unit's when it is rated on its own (a sub-unit's head), else the period's.
    static func organisation(for evaluation: Evaluation.EmployeeEvaluation, period: Evaluation.EvaluationPeriod,
                             unitRatings: [String: Common.OrganisationRating]) -> Common.OrganisationRating {
        unitRatings[evaluation.employee?.unitID ?? ""] ?? period.organisationRating?.rating ?? .unspecified
    }

    /// The leader's Hasil Kerja proposal for `organisation` (``UnitLeaderRating``), keeping the
    /// IKI assessments of the earlier proposal for reference, as ``EvaluationProposal`` does.
    static func leaderProposal(_ earlier: Evaluation.HasilKerjaProposal?, organisation: Common.OrganisationRating,
                               computedAt: Common.Timestamp) -> Evaluation.HasilKerjaProposal {
        var proposal = UnitLeaderRating.proposal(for: organisation)
        if let earlier {
            proposal.ruleID = earlier.ruleID
            proposal.ruleVersion = earlier.ruleVersion
            proposal.inputs = earlier.inputs
            proposal.utamaAbovePercent = earlier.utamaAbovePercent
            proposal.utamaBelowPercent = earlier.utamaBelowPercent
            proposal.allAbovePercent = earlier.allAbovePercent
            proposal.allBelowPercent = earlier.allBelowPercent
            proposal.skpVersion = earlier.skpVersion
        }
        proposal.computedAt = computedAt
        return proposal
    }

    public func getOrganisationRating(_ request: Evaluation.GetOrganisationRatingRequest,
                                      context: ServerContext) async throws -> Evaluation.GetOrganisationRatingResponse {
        try Invalid.requireID(request.unitID, "unit_id")
        guard request.period != nil || request.span != nil else { throw Invalid.field("period", "a period or a span is required", reason: "REQUIRED") }
        let span = try EvaluationPeriodRules.resolve(period: request.span == nil ? request.period : nil, span: request.span)
        guard try await directory.ancestors(of: request.unitID) != nil else { throw RPCError(.notFound, "no unit \(request.unitID)", reason: "UNIT_NOT_FOUND") }
        try await requireScope(.unit(id: request.unitID))
        let history = try await store.read { db in try PeriodRecords.organisationRatings(unitID: request.unitID, span: span, in: db) }
        guard let current = history.first else {
            throw RPCError(.notFound, "no organisation rating of unit \(request.unitID) for \(span.label) yet", reason: "ORGANISATION_RATING_NOT_FOUND")
        }
        return Evaluation.GetOrganisationRatingResponse(rating: current, history: Array(history.dropFirst()))
    }
}
