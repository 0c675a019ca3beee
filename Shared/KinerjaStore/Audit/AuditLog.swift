public import GRDB
public import KinerjaProto
public import Foundation
import KinerjaCrypto

/// The append-only, hash-chained audit log of a store.
///
/// Entry n carries `prev_hash` = hash of entry n−1 (32 zero bytes for n = 1) and
/// `hash` = SHA-256(prev_hash ‖ the protobuf encoding of the entry with `hash` empty), so editing
/// or deleting any entry breaks every later link. The head hash printed by verification can be
/// kept elsewhere to detect removal of the newest entries too.
public enum AuditLog {
    /// The hash of "no previous entry".
    public static let genesis = [UInt8](repeating: 0, count: 32)

    /// Appends `record` inside the caller's write transaction and returns the stored event.
    @discardableResult
    public static func append(_ record: AuditRecord, at now: Date = Date(), in db: Database) throws -> Common.AuditEvent {
        let head = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1")
        var event = Common.AuditEvent()
        event.sequence = (head.map { UInt64($0["sequence"] as Int64) } ?? 0) + 1
        event.eventID = ULID.make(now: now)
        event.at = AuditTime.timestamp(now)
        event.principal = record.principal
        event.principalKind = record.principalKind
        event.action = record.action
        event.target = record.target
        event.outcome = record.outcome
        event.statusCode = record.statusCode
        event.detail = String(record.detail.prefix(1000))
        event.requestID = record.requestID
        event.peerAddress = record.peerAddress
        event.prevHash = head.map { Array($0["hash"] as Data) } ?? genesis
        event.hash = try hash(of: event)
        try db.execute(sql: """
            INSERT INTO audit_log (sequence, event_id, at_seconds, at_nanos, principal, principal_kind, action, target,
                                   outcome, status_code, detail, request_id, peer_address, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                Int64(event.sequence), event.eventID, event.at?.seconds ?? 0, event.at?.nanos ?? 0, event.principal,
                event.principalKind.rawValue, event.action, event.target, event.outcome.rawValue, Int64(event.statusCode),
                event.detail, event.requestID, event.peerAddress, Data(event.prevHash), Data(event.hash),
            ])
        return event
    }

    /// The hash an event must carry given its other fields.
    public static func hash(of event: Common.AuditEvent) throws -> [UInt8] {
        var unhashed = event
        unhashed.hash = []
        return SHA256.hash(event.prevHash + (try unhashed.serializedBytes()))
    }

    /// The newest entry's sequence and hash, or (0, genesis) when the log is empty.
    public static func head(in db: Database) throws -> (sequence: UInt64, hash: [UInt8]) {
        guard let row = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1") else {
            return (0, genesis)
        }
        return (UInt64(row["sequence"] as Int64), Array(row["hash"] as Data))
    }

    /// Events matching `filter` with a sequence above `after`, oldest first, at most `limit`.
    public static func events(matching filter: Common.AuditEventFilter?, after: UInt64, limit: Int,
                              in db: Database) throws -> [Common.AuditEvent] {
        var clauses = ["sequence > ?"]
        var arguments: StatementArguments = [Int64(clamping: after)]
        if let filter {
            if !filter.principal.isEmpty { clauses.append("principal = ?"); arguments += [filter.principal] }
            if !filter.target.isEmpty { clauses.append("target = ?"); arguments += [filter.target] }
            if !filter.actionPrefix.isEmpty {
                clauses.append("substr(action, 1, ?) = ?")
                arguments += [filter.actionPrefix.count, filter.actionPrefix]
            }
            if filter.outcome != .unspecified { clauses.append("outcome = ?"); arguments += [filter.outcome.rawValue] }
            if let start = filter.timeRange?.startTime { clauses.append("at_seconds >= ?"); arguments += [start.seconds] }
            if let end = filter.timeRange?.endTime { clauses.append("at_seconds < ?"); arguments += [end.seconds] }
        }
        arguments += [limit]
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM audit_log WHERE \(clauses.joined(separator: " AND ")) ORDER BY sequence LIMIT ?",
                                    arguments: arguments)
        return rows.map(event(from:))
    }

    /// Recomputes the chain over `from...to` (0 = start / head) and reports the first break.
    public static func verify(from: UInt64 = 0, to: UInt64 = 0, now: Date = Date(), in db: Database) throws -> Common.AuditChainVerification {
        let head = try head(in: db)
        var result = Common.AuditChainVerification()
        result.verifiedAt = AuditTime.timestamp(now)
        result.headHash = head.hash
        let first = max(from, 1)
        let last = to == 0 ? head.sequence : min(to, head.sequence)
        result.firstSequence = first
        result.lastSequence = last
        guard first <= last else {
            result.intact = true
            return result
        }
        var expectedPrevious: [UInt8]
        if first == 1 {
            expectedPrevious = genesis
        } else if let row = try Row.fetchOne(db, sql: "SELECT hash FROM audit_log WHERE sequence = ?", arguments: [Int64(first - 1)]) {
            expectedPrevious = Array(row["hash"] as Data)
        } else {
            return broken(result, at: first - 1, "entry \(first - 1) is missing")
        }
        var expectedSequence = first
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log WHERE sequence BETWEEN ? AND ? ORDER BY sequence",
                                         arguments: [Int64(first), Int64(last)])
        while let row = try cursor.next() {
            let event = event(from: row)
            if event.sequence != expectedSequence {
                return broken(result, at: expectedSequence, "entry \(expectedSequence) is missing (next is \(event.sequence))")
            }
            if event.prevHash != expectedPrevious {
                return broken(result, at: event.sequence, "entry \(event.sequence) does not link to entry \(event.sequence - 1)")
            }
            if try hash(of: event) != event.hash {
                return broken(result, at: event.sequence, "entry \(event.sequence) was altered (its hash does not match its content)")
            }
            expectedPrevious = event.hash
            expectedSequence += 1
            result.checkedCount += 1
        }
        if expectedSequence <= last {
            return broken(result, at: expectedSequence, "entry \(expectedSequence) is missing")
        }
        result.intact = true
        return result
    }

    private static func broken(_ partial: Common.AuditChainVerification, at sequence: UInt64, _ failure: String) -> Common.AuditChainVerification {
        var result = partial
        result.intact = false
        result.firstBrokenSequence = sequence
        result.failure = failure
        return result
    }

    static func event(from row: Row) -> Common.AuditEvent {
        var event = Common.AuditEvent()
        event.sequence = UInt64(row["sequence"] as Int64)
        event.eventID = row["event_id"]
        event.at = Common.Timestamp(seconds: row["at_seconds"], nanos: row["at_nanos"])
        event.principal = row["principal"]
        event.principalKind = Common.PrincipalKind(rawValue: row["principal_kind"])
        event.action = row["action"]
        event.target = row["target"]
        event.outcome = Common.AuditOutcome(rawValue: row["outcome"])
        event.statusCode = UInt32(clamping: row["status_code"] as Int64)
        event.detail = row["detail"]
        event.requestID = row["request_id"]
        event.peerAddress = row["peer_address"]
        event.prevHash = Array(row["prev_hash"] as Data)
        event.hash = Array(row["hash"] as Data)
        return event
    }
}

/// Conversion of instants to the wire's Timestamp (UTC seconds + nanoseconds).
enum AuditTime {
    static func timestamp(_ date: Date) -> Common.Timestamp {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        return Common.Timestamp(seconds: Int64(seconds), nanos: Int32((date.timeIntervalSince1970 - seconds) * 1e9))
    }
}

extension Store {
    /// Appends one audit entry in its own transaction (for denials and failures, which change nothing else).
    public func audit(_ record: AuditRecord) async throws {
        try await write { db in _ = try AuditLog.append(record, in: db) }
    }

    /// Verifies the audit chain (see ``AuditLog/verify(from:to:now:in:)``).
    public func verifyAudit(from: UInt64 = 0, to: UInt64 = 0) async throws -> Common.AuditChainVerification {
        try await read { db in try AuditLog.verify(from: from, to: to, in: db) }
    }
}

extension Store {
    /// Verifies the audit chain of a store file through a read-only connection (the service may be running).
    public static func verifyAudit(databaseAt path: String) throws -> Common.AuditChainVerification {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError(.open, "no database at \(path)") }
        var readOnly = Configuration()
        readOnly.readonly = true
        readOnly.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: readOnly)
            defer { try? queue.close() }
            return try queue.read { db in try AuditLog.verify(in: db) }
        } catch {
            throw StoreError(.open, "cannot read the audit log of \(path)", cause: error)
        }
    }
}
