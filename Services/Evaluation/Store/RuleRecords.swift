import Foundation
import GRDB
import KinerjaProto

/// Proposal rules: every version of every rule; one current version per unit (empty = agency-wide).
enum RuleRecords {
    static func insert(_ rule: Evaluation.ProposalRule, in db: Database) throws {
        try db.execute(sql: "UPDATE proposal_rule SET current = 0 WHERE unit_id = ? AND current = 1", arguments: [rule.unitID])
        try db.execute(sql: "INSERT INTO proposal_rule (rule_id, version, unit_id, current, body) VALUES (?, ?, ?, 1, ?)",
                       arguments: [rule.ruleID, rule.version, rule.unitID, try StoredBody.encode(rule)])
    }

    /// The current rule set for exactly this unit (empty = the agency-wide rule).
    static func current(unitID: String, in db: Database) throws -> Evaluation.ProposalRule? {
        try Row.fetchOne(db, sql: "SELECT body FROM proposal_rule WHERE unit_id = ? AND current = 1", arguments: [unitID])
            .map { try StoredBody.decode(Evaluation.ProposalRule.self, $0) }
    }

    /// A version of a rule.
    static func version(ruleID: String, version: UInt32, in db: Database) throws -> Evaluation.ProposalRule? {
        try Row.fetchOne(db, sql: "SELECT body FROM proposal_rule WHERE rule_id = ? AND version = ?", arguments: [ruleID, version])
            .map { try StoredBody.decode(Evaluation.ProposalRule.self, $0) }
    }

    /// The rule in force for a unit: its own, else the nearest ancestor's (`path` is the unit and
    /// its ancestors, nearest first), else the agency-wide rule; nil = the built-in default.
    static func effective(path: [String], in db: Database) throws -> (rule: Evaluation.ProposalRule, inherited: Bool)? {
        for (index, unit) in (path + [""]).enumerated() {
            if let rule = try current(unitID: unit, in: db) { return (rule, index > 0) }
        }
        return nil
    }
}
