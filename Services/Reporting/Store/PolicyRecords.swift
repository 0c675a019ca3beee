import Foundation
import GRDB
import KinerjaProto

/// Reporting policies per unit (empty unit id = the agency-wide default).
enum PolicyRecords {
    /// Every stored policy by unit id.
    static func all(in db: Database) throws -> [String: Reporting.ReportingPolicy] {
        var out: [String: Reporting.ReportingPolicy] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT unit_id, body FROM reporting_policy") {
            out[row["unit_id"]] = try Reporting.ReportingPolicy(serializedBytes: Array(row["body"] as Data))
        }
        return out
    }

    /// Adds or replaces a unit's policy.
    static func upsert(_ policy: Reporting.ReportingPolicy, in db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO reporting_policy (unit_id, revision, body) VALUES (?, ?, ?)",
                       arguments: [policy.unitID, Int64(policy.revision), Data(try policy.serializedBytes())])
    }
}

/// The policies a store holds, resolved per unit path (own unit first, then ancestors): the
/// nearest unit with a policy of its own, else the agency-wide default, else the defaults.
struct PolicyBook: Sendable {
    let stored: [String: Reporting.ReportingPolicy]

    /// The stored policies.
    static func load(_ db: Database) throws -> PolicyBook { PolicyBook(stored: try PolicyRecords.all(in: db)) }

    /// The policy that applies to the unit with `path`, and whether it is inherited (from an
    /// ancestor or the default) rather than the unit's own.
    func policy(path: [String]) -> (policy: Reporting.ReportingPolicy, inherited: Bool) {
        for (index, unit) in path.enumerated() {
            if let own = stored[unit] { return (own, index > 0) }
        }
        if let agency = stored[""] { return (agency, !path.isEmpty) }
        var defaults = EffectivePolicy.defaultPolicy
        defaults.inherited = !path.isEmpty
        return (defaults, !path.isEmpty)
    }

    /// The effective (resolved) policy for the unit with `path`.
    func effective(path: [String]) -> EffectivePolicy { EffectivePolicy(policy(path: path).policy) }
}
