import Foundation
import GRDB
import KinerjaProto

/// What reporting and planning must be told, kept until they acknowledge it: written in the
/// transaction that finalises or reopens a period, delivered after it commits and retried by a
/// periodic task while a peer is down. Delivered in order per peer, so a lock and the unlock of a
/// later reopening never arrive the other way round.
enum NotificationRecords {
    /// The peer that locks reports.
    static let reporting = "reporting"
    /// The peer that locks SKP revisions (annual periods).
    static let planning = "planning"

    /// One notification waiting for its peer.
    struct Pending: Sendable {
        var id: Int64
        var peer: String
        var action: String
        var periodID: String
        var request: [UInt8]
        var attempts: Int
    }

    static func enqueue(peer: String, action: String, periodID: String, request: some ProtoMessage, at seconds: Int64, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO peer_notification (peer, action, period_id, request, created_at, attempts, last_error) VALUES (?, ?, ?, ?, ?, 0, '')
            """, arguments: [peer, action, periodID, Data(try request.serializedBytes()), seconds])
    }

    /// The oldest undelivered notifications of `peer`, in order.
    static func pending(peer: String, limit: Int = 100, in db: Database) throws -> [Pending] {
        try Row.fetchAll(db, sql: """
            SELECT notification_id, peer, action, period_id, request, attempts FROM peer_notification
            WHERE peer = ? AND delivered_at IS NULL ORDER BY notification_id LIMIT ?
            """, arguments: [peer, limit]).map {
            Pending(id: $0["notification_id"], peer: $0["peer"], action: $0["action"], periodID: $0["period_id"],
                    request: Array($0["request"] as Data), attempts: $0["attempts"])
        }
    }

    static func delivered(_ id: Int64, at seconds: Int64, in db: Database) throws {
        try db.execute(sql: "UPDATE peer_notification SET delivered_at = ?, attempts = attempts + 1, last_error = '' WHERE notification_id = ?",
                       arguments: [seconds, id])
    }

    static func failed(_ id: Int64, error: String, in db: Database) throws {
        try db.execute(sql: "UPDATE peer_notification SET attempts = attempts + 1, last_error = ? WHERE notification_id = ?",
                       arguments: [String(error.prefix(500)), id])
    }

    /// Undelivered notifications, all peers.
    static func pendingCount(in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM peer_notification WHERE delivered_at IS NULL") ?? 0
    }

    /// The state of the latest notification batch of a period: per peer and action of the last
    /// finalisation or reopening, delivered when every notification of it was.
    static func deliveries(_ periodID: String, in db: Database) throws -> [Evaluation.LockDelivery] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT peer, action, attempts, last_error, delivered_at, created_at FROM peer_notification WHERE period_id = ? ORDER BY notification_id
            """, arguments: [periodID])
        guard let latest = rows.map({ $0["created_at"] as Int64 }).max() else { return [] }
        var out: [String: Evaluation.LockDelivery] = [:]
        var order: [String] = []
        for row in rows where (row["created_at"] as Int64) == latest {
            let key = (row["peer"] as String) + "/" + (row["action"] as String)
            let deliveredAt: Int64? = row["delivered_at"]
            var entry = out[key] ?? Evaluation.LockDelivery(peer: row["peer"], action: row["action"], delivered: true)
            if out[key] == nil { order.append(key) }
            entry.attempts = max(entry.attempts, UInt32(clamping: row["attempts"] as Int))
            if let at = deliveredAt {
                entry.deliveredAt = Common.Timestamp(seconds: max(entry.deliveredAt?.seconds ?? 0, at), nanos: 0)
            } else {
                entry.delivered = false
                entry.deliveredAt = nil
                let error: String = row["last_error"]
                if !error.isEmpty { entry.lastError = error }
            }
            out[key] = entry
        }
        return order.compactMap { out[$0] }
    }
}
