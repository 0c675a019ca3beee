public import KinerjaProto
import Foundation
import GRDB
import KinerjaService
import KinerjaStore

/// The proposal rule each agency (or unit) configures (``ProposalRuleConfiguration``), and the
/// predikat matrix as data (``PredikatMatrix``).
extension EvaluationHandlers {
    /// The rule in force for `unitID` (empty = the agency-wide rule): stored, inherited, or the built-in default.
    func effectiveRule(unitID: String) async throws -> (rule: Evaluation.ProposalRule, inherited: Bool) {
        let path = unitID.isEmpty ? [] : [unitID] + (try await directory.ancestors(of: unitID) ?? [])
        if let found = try await store.read({ db in try RuleRecords.effective(path: path, in: db) }) { return found }
        return (Self.builtInRule, true)
    }

    /// The built-in default rule (version 0), described as such.
    static var builtInRule: Evaluation.ProposalRule {
        var rule = ProposalRuleConfiguration.default.proto
        rule.description = "built-in default (docs/EVALUATION.md 6.1): an inference, no formula is in the regulation"
        return rule
    }

    /// The rule a period's proposals use: the version it recorded, or the built-in default.
    func rule(of period: Evaluation.EvaluationPeriod) async throws -> ProposalRuleConfiguration {
        guard !period.proposalRuleID.isEmpty else { return .default }
        let stored = try await store.read { db in
            try RuleRecords.version(ruleID: period.proposalRuleID, version: period.proposalRuleVersion, in: db)
        }
        return stored.map(ProposalRuleConfiguration.init) ?? .default
    }

    public func getProposalRule(_ request: Evaluation.GetProposalRuleRequest, context: ServerContext) async throws -> Evaluation.GetProposalRuleResponse {
        if !request.unitID.isEmpty {
            try Invalid.requireID(request.unitID, "unit_id")
            guard try await directory.ancestors(of: request.unitID) != nil else { throw RPCError(.notFound, "no unit \(request.unitID)", reason: "UNIT_NOT_FOUND") }
        }
        let (rule, inherited) = try await effectiveRule(unitID: request.unitID)
        guard request.version != 0, request.version != rule.version else {
            return Evaluation.GetProposalRuleResponse(rule: rule, inherited: inherited)
        }
        guard let version = try await store.read({ db in try RuleRecords.version(ruleID: rule.ruleID, version: request.version, in: db) }) else {
            throw RPCError(.notFound, "the rule in force has no version \(request.version)", reason: "RULE_VERSION_NOT_FOUND")
        }
        return Evaluation.GetProposalRuleResponse(rule: version, inherited: inherited)
    }

    public func setProposalRule(_ request: Evaluation.SetProposalRuleRequest, context: ServerContext) async throws -> Evaluation.SetProposalRuleResponse {
        guard let given = request.rule else { throw Invalid.field("rule", "is required", reason: "REQUIRED") }
        let configuration = try ProposalRuleConfiguration(given).validated()
        try PeriodLifecycle.check(given.description, field: "rule.description", range: 0...EvaluationLimits.proposalRuleDescriptionMaximum, why: "")
        try Invalid.requireText(request.reason, "reason", max: 1000)
        let unitID = given.unitID
        if !unitID.isEmpty {
            try Invalid.requireID(unitID, "rule.unit_id")
            guard try await directory.ancestors(of: unitID) != nil else { throw RPCError(.notFound, "no unit \(unitID)", reason: "UNIT_NOT_FOUND") }
        }
        // The agency-wide rule needs a scope over the root.
        try await requireScope(.unit(id: unitID.isEmpty ? try await rootUnitID() : unitID))
        return try await write(context, request) { [self] db, actor in
            let current = try RuleRecords.current(unitID: unitID, in: db)
            if request.expectedVersion != 0 && request.expectedVersion != (current?.version ?? 0) {
                throw RPCError(.aborted, "the rule changed since you read it (version \(current?.version ?? 0)); read it again", reason: "VERSION_MISMATCH")
            }
            var rule = configuration.proto
            rule.ruleID = current?.ruleID ?? newID()
            rule.version = (current?.version ?? 0) + 1
            rule.unitID = unitID
            rule.description = given.description.trimmed
            rule.updated = actor.stamp
            try RuleRecords.insert(rule, in: db)
            try audit(db, context, actor, target: "rule/\(rule.ruleID)",
                      detail: "proposal rule v\(rule.version) for \(unitID.isEmpty ? "the agency" : "unit \(unitID)"): \(request.reason)")
            return Evaluation.SetProposalRuleResponse(rule: rule)
        }
    }

    public func getPredikatMatrix(_ request: Evaluation.GetPredikatMatrixRequest, context: ServerContext) async throws -> Evaluation.GetPredikatMatrixResponse {
        Evaluation.GetPredikatMatrixResponse(cells: PredikatMatrix.cells)
    }
}
