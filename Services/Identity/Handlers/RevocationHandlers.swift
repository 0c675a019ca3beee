public import KinerjaProto
import Foundation
import GRDB
import KinerjaCrypto
import KinerjaService
import KinerjaStore

extension IdentityHandlers {
    /// How long a revocation stays in the feed: longer than any access token lives (15 minutes).
    static let revocationRetentionSeconds: Int64 = 20 * 60
    /// Most entries in one answer.
    static let revocationPageSize = 10_000

    public func listRevocations(_ request: Identity.ListRevocationsRequest, context: ServerContext) async throws -> Identity.ListRevocationsResponse {
        let since = nowSeconds - Self.revocationRetentionSeconds
        var response = try await store.read { db -> Identity.ListRevocationsResponse in
            let head = try UInt64.fetchOne(db, sql: "SELECT coalesce(max(sequence), 0) FROM revocation") ?? 0
            // A caller ahead of the feed (identity restored from a backup) gets everything still kept.
            let after = request.afterSequence > head ? 0 : request.afterSequence
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT sequence, session_id, revoked_at FROM revocation WHERE sequence > ? AND revoked_at >= ?
                ORDER BY sequence LIMIT ?
                """), arguments: [after, since, Self.revocationPageSize + 1])
            var response = Identity.ListRevocationsResponse()
            response.sessions = rows.prefix(Self.revocationPageSize).map { row in
                Identity.RevokedSession(sequence: row["sequence"], sessionID: row["session_id"],
                                        revokedAt: Common.Timestamp(seconds: row["revoked_at"], nanos: 0))
            }
            response.more = rows.count > Self.revocationPageSize
            response.lastSequence = response.more ? (response.sessions.last?.sequence ?? head) : head
            response.treeRevision = try UnitRecords.treeRevision(in: db)
            return response
        }
        response.keySetVersion = Self.fingerprint(keys.published())
        response.pollIntervalSeconds = UInt32(configuration.revocationPollSeconds)
        return response
    }

    /// A short fingerprint of the published key set: ids, states and validity windows.
    static func fingerprint(_ keys: [Identity.SigningKey]) -> String {
        let text = keys.map { "\($0.keyID)/\($0.state.rawValue)/\($0.notBefore?.seconds ?? 0)/\($0.notAfter?.seconds ?? 0)" }
            .sorted().joined(separator: ";")
        return SHA256.hash(Array(text.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    /// Drops feed entries no token can need any more.
    func purgeRevocations() async throws {
        let before = nowSeconds - 3 * Self.revocationRetentionSeconds
        try await store.write { db in
            try db.execute(sql: "DELETE FROM revocation WHERE revoked_at < ?", arguments: [before])
        }
    }
}
