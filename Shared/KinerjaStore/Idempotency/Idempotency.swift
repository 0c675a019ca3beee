public import GRDB
public import KinerjaProto
public import Foundation
import KinerjaCrypto

/// Writes a client may retry: applied once per idempotency key, replayed afterwards.
///
/// The key is scoped by principal and method, so two callers never see each other's results.
/// The change, its idempotency record and its audit entry commit in one transaction; a repeat
/// of the same request returns the first response without applying anything, and a repeat
/// with a different request under the same key is refused.
extension Store {
    /// Longest accepted idempotency key.
    public static let maximumIdempotencyKeyLength = 128

    /// Runs `body` in a write transaction, once per `(principal, method, key)` when `key` is set.
    public func write<Response: ProtoMessage>(
        idempotencyKey key: String?, principal: String, method: String, request: [UInt8],
        _ body: @escaping @Sendable (Database) throws -> Response
    ) async throws -> Response {
        guard let key, !key.isEmpty else {
            return try await write { db in try body(db) }
        }
        guard key.utf8.count <= Self.maximumIdempotencyKeyLength,
              key.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value <= 0x7E }) else {
            throw StoreError(.idempotencyConflict, "the idempotency key must be 1–128 printable ASCII characters")
        }
        let requestHash = Data(SHA256.hash(request))
        let now = Int64(Date().timeIntervalSince1970)
        return try await write { db in
            if let row = try Row.fetchOne(db, sql: """
                SELECT request_hash, response FROM idempotency WHERE principal = ? AND method = ? AND key = ?
                """, arguments: [principal, method, key]) {
                guard (row["request_hash"] as Data) == requestHash else {
                    throw StoreError(.idempotencyConflict,
                                     "idempotency key \"\(key)\" was already used for a different request")
                }
                return try Response(serializedBytes: Array(row["response"] as Data))
            }
            let response = try body(db)
            try db.execute(sql: """
                INSERT INTO idempotency (principal, method, key, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [principal, method, key, requestHash, Data(try response.serializedBytes()), now])
            return response
        }
    }

    /// The response recorded for `(principal, method, key)` when this exact request was applied
    /// before; nil when the key is new or absent. A different request under the key is refused.
    /// Lets a handler answer a replay before it validates the request again (a resumed import
    /// replays every chunk it already sent).
    public func recordedResponse<Response: ProtoMessage>(
        idempotencyKey key: String?, principal: String, method: String, request: [UInt8], as type: Response.Type = Response.self
    ) async throws -> Response? {
        guard let key, !key.isEmpty else { return nil }
        let requestHash = Data(SHA256.hash(request))
        return try await read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT request_hash, response FROM idempotency WHERE principal = ? AND method = ? AND key = ?
                """, arguments: [principal, method, key]) else { return nil }
            guard (row["request_hash"] as Data) == requestHash else {
                throw StoreError(.idempotencyConflict, "idempotency key \"\(key)\" was already used for a different request")
            }
            return try Response(serializedBytes: Array(row["response"] as Data))
        }
    }

    /// Forgets idempotency keys older than the retention; returns how many were removed.
    @discardableResult
    public func purgeIdempotencyKeys(now: Date = Date()) async throws -> Int {
        let cutoff = Int64(now.timeIntervalSince1970) - configuration.idempotencyRetentionSeconds
        return try await write { (db: Database) -> Int in
            try db.execute(sql: "DELETE FROM idempotency WHERE created_at < ?", arguments: [cutoff])
            return db.changesCount
        }
    }
}
