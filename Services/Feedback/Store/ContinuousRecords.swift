import Foundation
import GRDB
import KinerjaProto

/// Continuous feedback items and solicitations.
enum ContinuousRecords {
    // MARK: Feedback

    static func insert(_ feedback: Feedback.ContinuousFeedback, recipientUnitID: String, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO feedback_item (feedback_id, giver_nip, recipient_nip, recipient_unit_id, subject_kind, subject_id, given_at, acknowledged, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [feedback.feedbackID, feedback.giverNIP, feedback.recipientNIP, recipientUnitID, feedback.subjectKind.rawValue,
                             feedback.subjectID, feedback.given?.at?.seconds ?? 0, feedback.acknowledged != nil, try StoredBody.encode(feedback)])
    }

    static func update(_ feedback: Feedback.ContinuousFeedback, in db: Database) throws {
        try db.execute(sql: "UPDATE feedback_item SET acknowledged = ?, body = ? WHERE feedback_id = ?",
                       arguments: [feedback.acknowledged != nil, try StoredBody.encode(feedback), feedback.feedbackID])
    }

    static func feedback(_ id: String, in db: Database) throws -> Feedback.ContinuousFeedback? {
        try Row.fetchOne(db, sql: "SELECT body FROM feedback_item WHERE feedback_id = ?", arguments: [id])
            .map { try StoredBody.decode(Feedback.ContinuousFeedback.self, $0) }
    }

    /// Feedback matching `conditions` (SQL over feedback_item's columns), newest first.
    static func feedback(where conditions: [String], _ arguments: StatementArguments, limit: Int, offset: Int,
                         in db: Database) throws -> [Feedback.ContinuousFeedback] {
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: "SELECT body FROM feedback_item \(filter) ORDER BY given_at DESC, feedback_id DESC LIMIT ? OFFSET ?",
                                arguments: arguments + [limit, offset])
            .map { try StoredBody.decode(Feedback.ContinuousFeedback.self, $0) }
    }

    /// Feedback received by `nips` between two instants (seconds, inclusive), for summaries.
    static func received(by nips: [String], from: Int64, through: Int64, in db: Database) throws -> [Feedback.ContinuousFeedback] {
        var out: [Feedback.ContinuousFeedback] = []
        for batch in nips.chunked(500) {
            out += try Row.fetchAll(db, sql: """
                SELECT body FROM feedback_item WHERE recipient_nip IN (\(StoredBody.placeholders(batch.count))) AND given_at BETWEEN ? AND ?
                """, arguments: StatementArguments(batch) + [from, through])
                .map { try StoredBody.decode(Feedback.ContinuousFeedback.self, $0) }
        }
        return out
    }

    // MARK: Solicitations

    static func insert(_ solicitation: Feedback.FeedbackSolicitation, requesterUnitID: String, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO solicitation (solicitation_id, requester_nip, addressee_nip, requester_unit_id, kind, state, asked_at, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [solicitation.solicitationID, solicitation.requesterNIP, solicitation.addresseeNIP, requesterUnitID,
                             solicitation.kind.rawValue, solicitation.state.rawValue, solicitation.asked?.at?.seconds ?? 0,
                             try StoredBody.encode(solicitation)])
    }

    static func update(_ solicitation: Feedback.FeedbackSolicitation, in db: Database) throws {
        try db.execute(sql: "UPDATE solicitation SET state = ?, body = ? WHERE solicitation_id = ?",
                       arguments: [solicitation.state.rawValue, try StoredBody.encode(solicitation), solicitation.solicitationID])
    }

    static func solicitation(_ id: String, in db: Database) throws -> Feedback.FeedbackSolicitation? {
        try Row.fetchOne(db, sql: "SELECT body FROM solicitation WHERE solicitation_id = ?", arguments: [id])
            .map { try StoredBody.decode(Feedback.FeedbackSolicitation.self, $0) }
    }

    static func openCount(requester: String, addressee: String, in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM solicitation WHERE requester_nip = ? AND addressee_nip = ? AND state = ?",
                         arguments: [requester, addressee, Feedback.SolicitationState.open.rawValue]) ?? 0
    }

    static func solicitations(where conditions: [String], _ arguments: StatementArguments, limit: Int, offset: Int,
                              in db: Database) throws -> [Feedback.FeedbackSolicitation] {
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: "SELECT body FROM solicitation \(filter) ORDER BY asked_at DESC, solicitation_id DESC LIMIT ? OFFSET ?",
                                arguments: arguments + [limit, offset])
            .map { try StoredBody.decode(Feedback.FeedbackSolicitation.self, $0) }
    }
}

extension Array {
    /// The array in consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
