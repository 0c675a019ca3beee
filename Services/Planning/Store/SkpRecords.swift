import Foundation
import GRDB
import KinerjaProto

/// One stored SKP version: the indexed columns and the whole message.
struct StoredSkp: Sendable {
    var skp: Planning.Skp
    var latest: Bool
}

/// Reading and writing SKP versions, their RHK index and review flags.
enum SkpRecords {
    static func decode(_ row: Row) throws -> StoredSkp {
        StoredSkp(skp: try Planning.Skp(serializedBytes: Array(row["body"] as Data)), latest: row["latest"])
    }

    /// The latest version of an SKP.
    static func latest(_ skpID: String, in db: Database) throws -> StoredSkp? {
        try Row.fetchOne(db, sql: "SELECT body, latest FROM skp_version WHERE skp_id = ? AND latest = 1", arguments: [skpID]).map(decode)
    }

    /// One version (0 = latest).
    static func version(_ skpID: String, _ version: UInt32, in db: Database) throws -> StoredSkp? {
        if version == 0 { return try latest(skpID, in: db) }
        return try Row.fetchOne(db, sql: "SELECT body, latest FROM skp_version WHERE skp_id = ? AND version = ?",
                                arguments: [skpID, Int64(version)]).map(decode)
    }

    /// Every version, oldest first.
    static func versions(_ skpID: String, in db: Database) throws -> [Planning.Skp] {
        try Row.fetchAll(db, sql: "SELECT body, latest FROM skp_version WHERE skp_id = ? ORDER BY version", arguments: [skpID])
            .map { try decode($0).skp }
    }

    /// The latest versions of an employee's SKPs for a year (normally one).
    static func latest(nip: String, year: Int32, in db: Database) throws -> [Planning.Skp] {
        try Row.fetchAll(db, sql: "SELECT body, latest FROM skp_version WHERE nip = ? AND year = ? AND latest = 1 ORDER BY period_start",
                         arguments: [nip, year]).map { try decode($0).skp }
    }

    /// The approved version in force for an employee and year, if any.
    static func approved(nip: String, year: Int32, in db: Database) throws -> Planning.Skp? {
        try Row.fetchOne(db, sql: "SELECT body, latest FROM skp_version WHERE nip = ? AND year = ? AND state = ? ORDER BY version DESC LIMIT 1",
                         arguments: [nip, year, Planning.SkpState.disetujui.rawValue]).map { try decode($0).skp }
    }

    /// Inserts a new version and makes it the latest.
    static func insert(_ skp: Planning.Skp, in db: Database) throws {
        try db.execute(sql: "UPDATE skp_version SET latest = 0 WHERE skp_id = ? AND latest = 1", arguments: [skp.skpID])
        try db.execute(sql: """
            INSERT INTO skp_version (skp_id, version, nip, year, unit_id, atasan_nip, state, period_start, period_end, revision, owner_name,
                                     latest, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
            """, arguments: StatementArguments(columns(skp) + [Data(try skp.serializedBytes())]))
        try reindex(skp, in: db)
        try remember(skp, in: db)
    }

    /// Replaces a stored version (a draft edit or a state change).
    static func update(_ skp: Planning.Skp, in db: Database) throws {
        try db.execute(sql: """
            UPDATE skp_version SET nip = ?, year = ?, unit_id = ?, atasan_nip = ?, state = ?, period_start = ?, period_end = ?,
                   revision = ?, owner_name = ?, body = ? WHERE skp_id = ? AND version = ?
            """, arguments: StatementArguments(Array(columns(skp).dropFirst(2))) + [Data(try skp.serializedBytes()), skp.skpID, Int64(skp.version)])
        if try Bool.fetchOne(db, sql: "SELECT latest FROM skp_version WHERE skp_id = ? AND version = ?", arguments: [skp.skpID, Int64(skp.version)]) == true {
            try reindex(skp, in: db)
        }
        try remember(skp, in: db)
    }

    private static func columns(_ skp: Planning.Skp) -> [any DatabaseValueConvertible] {
        [skp.skpID, Int64(skp.version), skp.nip, skp.year, skp.unitID, skp.atasanNIP, skp.state.rawValue,
         skp.periodStart?.isoString ?? "", skp.periodEnd?.isoString ?? "", Int64(skp.revision), skp.employee?.displayName ?? ""]
    }

    /// Keeps what outlives a version: the RHK ids it holds (``rhk_seen``) and, once it leaves
    /// DRAFT, that the SKP was submitted (``skp_submitted``; a withdrawal does not undo it).
    private static func remember(_ skp: Planning.Skp, in db: Database) throws {
        let seen = try db.cachedStatement(sql: "INSERT OR IGNORE INTO rhk_seen (rhk_id, skp_id) VALUES (?, ?)")
        for rhk in skp.rhks { try seen.execute(arguments: [rhk.rhkID, skp.skpID]) }
        if skp.state != .draft || skp.submitted != nil {
            try db.execute(sql: "INSERT OR IGNORE INTO skp_submitted (skp_id) VALUES (?)", arguments: [skp.skpID])
        }
    }

    /// Makes `rhk_link` describe the latest version's RHKs; flags of RHKs that left go with them.
    static func reindex(_ skp: Planning.Skp, in db: Database) throws {
        let before = Set(try String.fetchAll(db, sql: "SELECT rhk_id FROM rhk_link WHERE skp_id = ?", arguments: [skp.skpID]))
        let now = Set(skp.rhks.map(\.rhkID))
        for gone in before.subtracting(now) {
            try db.execute(sql: "DELETE FROM review_flag WHERE rhk_id = ?", arguments: [gone])
        }
        try db.execute(sql: "DELETE FROM rhk_link WHERE skp_id = ?", arguments: [skp.skpID])
        try db.execute(sql: "DELETE FROM iki_link WHERE skp_id = ?", arguments: [skp.skpID])
        let insertIki = try db.cachedStatement(sql: "INSERT INTO iki_link (iki_id, rhk_id, skp_id) VALUES (?, ?, ?)")
        for rhk in skp.rhks {
            for iki in rhk.ikis { try insertIki.execute(arguments: [iki.ikiID, rhk.rhkID, skp.skpID]) }
        }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO rhk_link (rhk_id, skp_id, owner_nip, year, unit_id, parent_rhk_id, position) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for rhk in skp.rhks {
            try insert.execute(arguments: [rhk.rhkID, skp.skpID, skp.nip, skp.year, skp.unitID,
                                           rhk.parentRhkID.isEmpty ? nil : rhk.parentRhkID, Int64(rhk.position)])
        }
    }

    /// Review flags of these RHKs.
    static func flags(_ rhkIDs: [String], in db: Database) throws -> [String: Planning.RhkReviewFlag] {
        guard !rhkIDs.isEmpty else { return [:] }
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM review_flag WHERE rhk_id IN (\(rhkIDs.map { _ in "?" }.joined(separator: ",")))",
                                    arguments: StatementArguments(rhkIDs))
        var flags: [String: Planning.RhkReviewFlag] = [:]
        for row in rows {
            var flag = Planning.RhkReviewFlag()
            flag.parentRhkID = row["parent_rhk_id"]
            flag.parentRevisionSeen = UInt64(row["parent_revision_seen"] as Int64)
            flag.parentRevisionCurrent = UInt64(row["parent_revision_current"] as Int64)
            flag.changeSummary = row["change_summary"]
            flag.flaggedAt = Common.Timestamp(seconds: row["flagged_at"], nanos: 0)
            flag.parentRemoved = row["parent_removed"]
            flags[row["rhk_id"]] = flag
        }
        return flags
    }

    /// The SKP with its RHKs' current review flags filled in (flags live outside the version).
    static func withFlags(_ skp: Planning.Skp, in db: Database) throws -> Planning.Skp {
        let flags = try flags(skp.rhks.map(\.rhkID), in: db)
        guard !flags.isEmpty else { return skp }
        var result = skp
        for index in result.rhks.indices { result.rhks[index].reviewFlag = flags[result.rhks[index].rhkID] }
        return result
    }

    /// Flags every RHK linked to `parentRhkID` (in any latest version) with `summary`.
    static func flagDependents(of parentRhkID: String, parentRevision: UInt64, summary: String, removed: Bool, now: Int64,
                               in db: Database) throws -> Int {
        let dependents = try String.fetchAll(db, sql: "SELECT rhk_id FROM rhk_link WHERE parent_rhk_id = ?", arguments: [parentRhkID])
        for rhk in dependents {
            try db.execute(sql: """
                INSERT INTO review_flag (rhk_id, parent_rhk_id, parent_revision_seen, parent_revision_current, change_summary, flagged_at, parent_removed)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(rhk_id) DO UPDATE SET parent_revision_current = excluded.parent_revision_current,
                    change_summary = substr(CASE WHEN instr(review_flag.change_summary, excluded.change_summary) > 0
                                                 THEN review_flag.change_summary
                                                 ELSE review_flag.change_summary || '; ' || excluded.change_summary END, 1, 500),
                    flagged_at = excluded.flagged_at,
                    parent_removed = excluded.parent_removed OR review_flag.parent_removed
                """, arguments: [rhk, parentRhkID, Int64(max(parentRevision, 1) - 1), Int64(parentRevision), String(summary.prefix(500)), now, removed])
        }
        return dependents.count
    }
}

extension SkpRecords {
    /// A stored version as reads return it: the latest version with its RHKs' review flags, any
    /// version with the amendments of its ekspektasi khusus (both live outside the body).
    static func forReading(_ stored: StoredSkp, in db: Database) throws -> Planning.Skp {
        var skp = stored.latest ? try withFlags(stored.skp, in: db) : stored.skp
        if skp.state == .disetujui || skp.state == .diganti {
            skp.amendments = try AmendmentRecords.all(skpID: skp.skpID, version: skp.version, in: db)
        }
        return skp
    }

    /// The SKP any version of which ever held `rhkID` (also after the latest version dropped it).
    static func skpID(everHolding rhkID: String, in db: Database) throws -> String? {
        if let current = try String.fetchOne(db, sql: "SELECT skp_id FROM rhk_link WHERE rhk_id = ?", arguments: [rhkID]) { return current }
        return try String.fetchOne(db, sql: "SELECT skp_id FROM rhk_seen WHERE rhk_id = ?", arguments: [rhkID])
    }
}
