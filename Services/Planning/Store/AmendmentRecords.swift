import Foundation
import GRDB
import KinerjaProto

/// The amendments of the ekspektasi khusus of approved versions (table `expectation_amendment`):
/// each a record of its own, never part of a version's body, attached to reads of the version it
/// amends. `seen_by_owner` is kept in its own column, set once by the owner's first read.
enum AmendmentRecords {
    /// Every amendment of an SKP (of `version` when given), oldest first.
    static func all(skpID: String, version: UInt32? = nil, in db: Database) throws -> [Planning.ExpectationAmendment] {
        var sql = "SELECT body, seen_by_owner FROM expectation_amendment WHERE skp_id = ?"
        var arguments: StatementArguments = [skpID]
        if let version { sql += " AND version = ?"; arguments += [Int64(version)] }
        sql += " ORDER BY amended_at, amendment_id"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(decode)
    }

    /// How many amendments `version` of the SKP has.
    static func count(skpID: String, version: UInt32, in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM expectation_amendment WHERE skp_id = ? AND version = ?",
                         arguments: [skpID, Int64(version)]) ?? 0
    }

    /// Stores a new amendment of `skpID`.
    static func insert(_ amendment: Planning.ExpectationAmendment, skpID: String, in db: Database) throws {
        var body = amendment
        body.seenByOwner = nil
        try db.execute(sql: """
            INSERT INTO expectation_amendment (amendment_id, skp_id, version, amended_at, seen_by_owner, body) VALUES (?, ?, ?, ?, NULL, ?)
            """, arguments: [amendment.amendmentID, skpID, Int64(amendment.version), amendment.amended?.at?.seconds ?? 0,
                             Data(try body.serializedBytes())])
    }

    /// Marks every amendment of the SKP the owner had not read as read at `now`; returns them, oldest first.
    static func markRead(skpID: String, now: Int64, in db: Database) throws -> [Planning.ExpectationAmendment] {
        let unread = try Row.fetchAll(db, sql: """
            SELECT body, seen_by_owner FROM expectation_amendment WHERE skp_id = ? AND seen_by_owner IS NULL ORDER BY amended_at, amendment_id
            """, arguments: [skpID]).map(decode)
        guard !unread.isEmpty else { return [] }
        try db.execute(sql: "UPDATE expectation_amendment SET seen_by_owner = ? WHERE skp_id = ? AND seen_by_owner IS NULL",
                       arguments: [now, skpID])
        return unread.map { var amendment = $0; amendment.seenByOwner = Common.Timestamp(seconds: now, nanos: 0); return amendment }
    }

    private static func decode(_ row: Row) throws -> Planning.ExpectationAmendment {
        var amendment = try Planning.ExpectationAmendment(serializedBytes: Array(row["body"] as Data))
        if let seen: Int64 = row["seen_by_owner"] { amendment.seenByOwner = Common.Timestamp(seconds: seen, nanos: 0) }
        return amendment
    }
}
