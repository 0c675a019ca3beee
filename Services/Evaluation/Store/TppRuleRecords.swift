import GRDB
import KinerjaProto

/// TPP rules: every version, oldest first.
enum TppRuleRecords {
    static func insert(_ rule: Evaluation.TppRule, in db: Database) throws {
        try db.execute(sql: "INSERT INTO tpp_rule (version, effective_key, body) VALUES (?, ?, ?)",
                       arguments: [rule.version, rule.effectiveYear * 100 + rule.effectiveMonth, try StoredBody.encode(rule)])
    }

    /// Every version, oldest first.
    static func all(in db: Database) throws -> [Evaluation.TppRule] {
        try Row.fetchAll(db, sql: "SELECT body FROM tpp_rule ORDER BY version").map { try StoredBody.decode(Evaluation.TppRule.self, $0) }
    }

    /// The latest version in force in a month: effective from that month or before.
    static func inForce(_ versions: [Evaluation.TppRule], year: Int32, month: Int32) -> Evaluation.TppRule? {
        versions.last { $0.effectiveYear * 100 + $0.effectiveMonth <= year * 100 + month }
    }
}
