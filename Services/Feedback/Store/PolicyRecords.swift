import Foundation
import GRDB
import KinerjaProto

/// The agency-wide feedback policy (one row).
enum PolicyRecords {
    /// The stored policy, or nil when none was ever set (the defaults apply).
    static func stored(in db: Database) throws -> Feedback.FeedbackPolicy? {
        try Row.fetchOne(db, sql: "SELECT body FROM feedback_policy WHERE id = 1").map { try StoredBody.decode(Feedback.FeedbackPolicy.self, $0) }
    }

    /// The policy in force, defaults resolved.
    static func effective(in db: Database) throws -> EffectiveFeedbackPolicy {
        EffectiveFeedbackPolicy(try stored(in: db) ?? EffectiveFeedbackPolicy.defaultPolicy)
    }

    static func save(_ policy: Feedback.FeedbackPolicy, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO feedback_policy (id, revision, body) VALUES (1, ?, ?)
            ON CONFLICT(id) DO UPDATE SET revision = excluded.revision, body = excluded.body
            """, arguments: [Int64(policy.revision), try StoredBody.encode(policy)])
    }
}
