import GRDB
import KinerjaProto

/// SIASN reference tables: every version, the latest in use.
enum SiasnReferenceRecords {
    static func insert(_ table: Evaluation.SiasnReferenceTable, in db: Database) throws {
        try db.execute(sql: "INSERT INTO siasn_reference (version, body) VALUES (?, ?)", arguments: [table.version, try StoredBody.encode(table)])
    }

    /// Version `version`, or the latest when 0; nil when none is stored.
    static func fetch(version: UInt32 = 0, in db: Database) throws -> Evaluation.SiasnReferenceTable? {
        let row = version == 0
            ? try Row.fetchOne(db, sql: "SELECT body FROM siasn_reference ORDER BY version DESC LIMIT 1")
            : try Row.fetchOne(db, sql: "SELECT body FROM siasn_reference WHERE version = ?", arguments: [version])
        return try row.map { try StoredBody.decode(Evaluation.SiasnReferenceTable.self, $0) }
    }

    /// How many versions are stored (the latest version's number).
    static func count(in db: Database) throws -> UInt32 {
        try UInt32.fetchOne(db, sql: "SELECT count(*) FROM siasn_reference") ?? 0
    }
}
