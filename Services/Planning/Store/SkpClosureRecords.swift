import Foundation
import GRDB
import KinerjaASN
import KinerjaProto

/// Closures of SKPs by a transfer (table `skp_closure`): the SKP, its last day before and after,
/// the SKP that follows it, who and when. The versions themselves change only in `period_end`.
enum SkpClosureRecords {
    /// Moves the last day of `closure.skpID` to `closure.newEnd` in its latest version and in its
    /// approved version in force (when another): no new version, the revision counter of each goes
    /// up; records the closure. Returns the changed versions.
    @discardableResult
    static func close(_ closure: SkpCoverage.Closure, successor: String, by principal: String, now: Int64,
                      in db: Database) throws -> [Planning.Skp] {
        let versions = try SkpRecords.versions(closure.skpID, in: db)
        var targets: [Planning.Skp] = []
        if let latest = versions.last { targets.append(latest) }
        if let inForce = SkpVersioning.versionInForce(versions), inForce.version != versions.last?.version { targets.append(inForce) }
        var changed: [Planning.Skp] = []
        for var version in targets {
            version.periodEnd = closure.newEnd
            version.revision += 1
            try SkpRecords.update(version, in: db)
            changed.append(version)
        }
        try db.execute(sql: """
            INSERT INTO skp_closure (skp_id, previous_end, new_end, successor_skp_id, closed_by, closed_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [closure.skpID, closure.previousEnd.isoString, closure.newEnd.isoString, successor, principal, now])
        return changed
    }

    /// Reopens the SKP that a transfer to `successor` closed, when `successor` is being deleted
    /// (``SkpCoverage/reopenedEnd(closed:previousEnd:others:)``): its versions closed by that
    /// transfer take back their last day. Returns the SKP reopened and its last days before and
    /// after, or nil when `successor` closed nothing (or nothing can be given back).
    static func reopen(successor: String, now: Int64, in db: Database) throws
        -> (skpID: String, from: Common.Date, to: Common.Date)? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT closure_id, skp_id, previous_end, new_end FROM skp_closure
            WHERE successor_skp_id = ? AND reopened_at IS NULL ORDER BY closure_id DESC LIMIT 1
            """, arguments: [successor]),
              let previousEnd = Common.Date(isoString: row["previous_end"]), let newEnd = Common.Date(isoString: row["new_end"]) else { return nil }
        let skpID: String = row["skp_id"]
        let versions = try SkpRecords.versions(skpID, in: db)
        guard let latest = versions.last else { return nil }
        let others = try SkpRecords.latest(nip: latest.nip, year: latest.year, in: db)
            .filter { $0.skpID != skpID && $0.skpID != successor }.map(SkpCoverage.Existing.init)
        guard let end = SkpCoverage.reopenedEnd(closed: SkpCoverage.Existing(latest), previousEnd: previousEnd, others: others) else {
            return nil
        }
        // The versions the closure changed: those that end on its day.
        for var version in versions where version.periodEnd == newEnd && (version.version == latest.version
                                                                            || version.state == .disetujui) {
            version.periodEnd = end
            version.revision += 1
            try SkpRecords.update(version, in: db)
        }
        try db.execute(sql: "UPDATE skp_closure SET reopened_at = ? WHERE closure_id = ?", arguments: [now, row["closure_id"] as Int64])
        return (skpID, newEnd, end)
    }
}
