import Foundation
import GRDB
import KinerjaASN
import KinerjaProto

/// Period locks (evaluation's finalised periods) and the NIPs each covers.
enum LockRecords {
    /// Replaces the lock with the same id (its NIPs too).
    static func replace(_ lock: Reporting.PeriodLock, days: WitaDayRange, in db: Database) throws {
        try db.execute(sql: "DELETE FROM period_lock WHERE lock_id = ?", arguments: [lock.lockID])
        var body = lock
        body.nips = []
        try db.execute(sql: "INSERT INTO period_lock (lock_id, start_day, end_day, year, body) VALUES (?, ?, ?, ?, ?)",
                       arguments: [lock.lockID, days.lowerDay, days.upperDay, lock.period?.year ?? 0, Data(try body.serializedBytes())])
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO period_lock_nip (lock_id, nip) VALUES (?, ?)")
        for nip in Set(lock.nips) { try statement.execute(arguments: [lock.lockID, nip]) }
    }

    /// One lock with every NIP.
    static func fetch(_ lockID: String, in db: Database) throws -> Reporting.PeriodLock? {
        guard let data = try Data.fetchOne(db, sql: "SELECT body FROM period_lock WHERE lock_id = ?", arguments: [lockID]) else { return nil }
        var lock = try Reporting.PeriodLock(serializedBytes: Array(data))
        lock.nips = try String.fetchAll(db, sql: "SELECT nip FROM period_lock_nip WHERE lock_id = ? ORDER BY nip", arguments: [lockID])
        return lock
    }

    /// Removes a lock.
    static func remove(_ lockID: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM period_lock WHERE lock_id = ?", arguments: [lockID])
    }

    /// The locks covering any of `nips`, each carrying only those of `nips` it covers: what the
    /// rules check a change of those employees against.
    static func locks(for nips: [String], in db: Database) throws -> PeriodLockSet {
        var byLock: [String: (lock: Reporting.PeriodLock, nips: [String])] = [:]
        for batch in Array(Set(nips)).chunked(500) {
            let rows = try Row.fetchAll(db, sql: """
                SELECT l.lock_id, l.body, n.nip FROM period_lock_nip n JOIN period_lock l ON l.lock_id = n.lock_id
                WHERE n.nip IN (\(ReportRecords.placeholders(batch.count)))
                """, arguments: StatementArguments(batch))
            for row in rows {
                let id: String = row["lock_id"]
                if byLock[id] == nil { byLock[id] = (try Reporting.PeriodLock(serializedBytes: Array(row["body"] as Data)), []) }
                byLock[id]?.nips.append(row["nip"])
            }
        }
        return PeriodLockSet(byLock.sorted { $0.key < $1.key }.map { entry in
            var lock = entry.value.lock
            lock.nips = entry.value.nips
            return lock
        })
    }
}
