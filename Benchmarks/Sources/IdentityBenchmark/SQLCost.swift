import BenchSQL
import BenchSupport
import Foundation
import GRDB
import KinerjaStore

/// The SQLite work of one GetEmployee as a user, measured in this process on a copy of the
/// service's store (GetEmployeeSQL: identity's statements, cached), two ways: in three `Store.read`
/// hops as the service runs it (session gate, atasan relationship, handler) and in one read.
/// A diagnostic for the service's owners, not a goal.
enum SQLCost {
    /// µs per GetEmployee-worth of SQL: (three reads as the service, one read).
    static func measure(storeCopy path: String, target: String, atasanNIP: String, seconds: Double) async throws -> (threeReads: Double, oneRead: Double) {
        var configuration = StoreConfiguration(path: path)
        configuration.checkIntegrityAtOpen = false
        let store = try Store(configuration: configuration, migrations: [])
        defer { try? store.close() }
        let sessionID = try await store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT session_id FROM session WHERE nip = ? ORDER BY created_at DESC", arguments: [atasanNIP])
        } ?? ""
        let threeReads = try await perCall(seconds) {
            let gate = try await store.read { db in try GetEmployeeSQL.gate(db, sessionID: sessionID, userNIP: atasanNIP) }
            let level = try await store.read { db in try GetEmployeeSQL.level(db, target: target, atasanNIP: atasanNIP) }
            let found = try await store.read { db in try GetEmployeeSQL.employee(db, target: target) }
            precondition(gate > 0 && level == 1 && found > 0, "the GetEmployee SQL found nothing")
        }
        let oneRead = try await perCall(seconds) {
            let found = try await store.read { db in try GetEmployeeSQL.all(db, sessionID: sessionID, userNIP: atasanNIP, target: target) }
            precondition(found > 0, "the GetEmployee SQL found nothing")
        }
        return (threeReads, oneRead)
    }

    /// Mean µs per call of `body`, run back to back for `seconds`.
    static func perCall(_ seconds: Double, _ body: () async throws -> Void) async throws -> Double {
        let start = monotonicNanoseconds()
        let end = start + UInt64(seconds * 1e9)
        var count = 0
        var now = start
        while now < end {
            try await body()
            count += 1
            now = monotonicNanoseconds()
        }
        return Double(now - start) / 1000 / Double(count)
    }
}
