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
}
