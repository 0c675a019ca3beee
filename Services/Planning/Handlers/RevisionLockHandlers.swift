public import KinerjaProto
import Foundation
import GRDB
import KinerjaService
import KinerjaStore

/// Evaluation's annual finalisations as planning keeps them: while a lock names an employee and a
/// year, their SKPs of that year are not revised (``SkpLifecycle`` `evaluationFinalised`).
///
/// Evaluation tells planning (rather than planning asking evaluation at each revision) because
/// calls go one way in Kinerja — evaluation calls planning, never the reverse — and a revision
/// then never waits on, or fails with, the evaluation service. Evaluation retries the call until
/// planning acknowledges it (docs/EVALUATION.md, "Finalisation").
extension PlanningHandlers {
    /// Most NIPs in one lock (as reporting's period locks).
    static let revisionLockNIPLimit = 10_000

    public func lockSkpRevisions(_ request: Planning.LockSkpRevisionsRequest, context: ServerContext) async throws -> Planning.LockSkpRevisionsResponse {
        guard var lock = request.lock else { throw Invalid.field("lock", "is required", reason: "REQUIRED") }
        try Invalid.requireID(lock.lockID, "lock.lock_id")
        try Invalid.requireYear(lock.year, "lock.year")
        let nips = Array(Set(lock.nips)).sorted()
        guard (1...Self.revisionLockNIPLimit).contains(nips.count) else {
            throw Invalid.field("lock.nips", "must name 1-\(Self.revisionLockNIPLimit) employees", reason: "NIPS_COUNT")
        }
        for (index, nip) in nips.enumerated() { try Invalid.requireNIP(nip, "lock.nips[\(index)]") }
        try Invalid.requireText(lock.reason, "lock.reason", max: 500, optional: true)
        lock.nips = nips
        let given = lock
        return try await write(context, request) { [self] db, actor in
            var lock = given
            lock.locked = actor.stamp
            try db.execute(sql: "DELETE FROM skp_revision_lock WHERE lock_id = ?", arguments: [lock.lockID])
            try db.execute(sql: "INSERT INTO skp_revision_lock (lock_id, year, body) VALUES (?, ?, ?)",
                           arguments: [lock.lockID, lock.year, Data(try lock.serializedBytes())])
            let insert = try db.makeStatement(sql: "INSERT INTO skp_revision_lock_nip (lock_id, nip, year) VALUES (?, ?, ?)")
            for nip in nips { try insert.execute(arguments: [lock.lockID, nip, lock.year]) }
            try audit(db, context, actor, target: "revision-lock/\(lock.lockID)",
                      detail: "SKP revisions of \(lock.year) locked for \(nips.count) employees: \(lock.reason)")
            return Planning.LockSkpRevisionsResponse(lock: lock)
        }
    }

    public func unlockSkpRevisions(_ request: Planning.UnlockSkpRevisionsRequest, context: ServerContext) async throws -> Planning.UnlockSkpRevisionsResponse {
        try Invalid.requireID(request.lockID, "lock_id")
        try Invalid.requireText(request.reason, "reason", max: 2000)
        return try await write(context, request) { [self] db, actor in
            guard let body = try Data.fetchOne(db, sql: "SELECT body FROM skp_revision_lock WHERE lock_id = ?", arguments: [request.lockID]) else {
                return Planning.UnlockSkpRevisionsResponse()
            }
            let lock = try Planning.SkpRevisionLock(serializedBytes: Array(body))
            try db.execute(sql: "DELETE FROM skp_revision_lock WHERE lock_id = ?", arguments: [request.lockID])
            try audit(db, context, actor, target: "revision-lock/\(request.lockID)",
                      detail: "SKP revisions of \(lock.year) unlocked for \(lock.nips.count) employees: \(request.reason)")
            return Planning.UnlockSkpRevisionsResponse(lock: lock)
        }
    }

    /// True when evaluation has finalised `nip`'s annual evaluation of `year` (a lock names them).
    static func evaluationFinalised(nip: String, year: Int32, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM skp_revision_lock_nip WHERE nip = ? AND year = ?)",
                          arguments: [nip, year]) ?? false
    }
}
