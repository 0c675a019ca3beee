import Foundation
import GRDB
import KinerjaProto

/// A deleted draft's tombstone (table `skp_deleted`): who deleted it, when and why, so that a
/// repeated DeleteSkp answers the same and reads of the id say it was deleted.
struct DeletedSkp: Sendable {
    var skpID: String
    var nip: String
    var year: Int32
    var deletedBy: String
    var deletedAt: Int64
    var reason: String
}

/// Deleting a draft that was never submitted, and remembering it.
enum SkpDeletionRecords {
    /// The tombstone of `skpID`, if it was deleted.
    static func deleted(_ skpID: String, in db: Database) throws -> DeletedSkp? {
        try Row.fetchOne(db, sql: "SELECT * FROM skp_deleted WHERE skp_id = ?", arguments: [skpID]).map { row in
            DeletedSkp(skpID: row["skp_id"], nip: row["nip"], year: row["year"], deletedBy: row["deleted_by"],
                       deletedAt: row["deleted_at"], reason: row["reason"])
        }
    }

    /// True when any version of `skpID` was ever submitted.
    static func everSubmitted(_ skpID: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM skp_submitted WHERE skp_id = ?", arguments: [skpID]) ?? false
    }

    /// Removes every version of `skp` with its index rows and flags, flags the bawahan RHKs linked
    /// to its RHKs ("RHK removed"), and leaves the tombstone. Returns how many RHKs were flagged.
    static func delete(_ skp: Planning.Skp, by principal: String, reason: String, now: Int64, in db: Database) throws -> Int {
        var flagged = 0
        for rhk in skp.rhks {
            flagged += try SkpRecords.flagDependents(of: rhk.rhkID, parentRevision: skp.revision + 1, summary: "RHK removed",
                                                     removed: true, now: now, in: db)
            try db.execute(sql: "DELETE FROM review_flag WHERE rhk_id = ?", arguments: [rhk.rhkID])
        }
        try db.execute(sql: "DELETE FROM rhk_link WHERE skp_id = ?", arguments: [skp.skpID])
        try db.execute(sql: "DELETE FROM iki_link WHERE skp_id = ?", arguments: [skp.skpID])
        try db.execute(sql: "DELETE FROM rhk_seen WHERE skp_id = ?", arguments: [skp.skpID])
        try db.execute(sql: "DELETE FROM expectation_amendment WHERE skp_id = ?", arguments: [skp.skpID])
        try db.execute(sql: "DELETE FROM skp_version WHERE skp_id = ?", arguments: [skp.skpID])
        try db.execute(sql: """
            INSERT INTO skp_deleted (skp_id, nip, year, deleted_by, deleted_at, reason) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [skp.skpID, skp.nip, skp.year, principal, now, reason])
        return flagged
    }
}
