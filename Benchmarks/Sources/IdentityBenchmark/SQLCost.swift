import BenchSupport
import Foundation
import GRDB
import KinerjaStore

/// The SQLite work of one GetEmployee as a user, measured in this process on a copy of the
/// service's store, two ways: as the handlers do it today (`Row.fetchOne(db, sql:)`: the statement
/// is compiled, with GRDB's authorizer, on every call; three `pool.read` hops: session gate,
/// atasan relationship, handler) and with `db.cachedStatement(sql:)` in one read.
/// A diagnostic for the service's owners, not a goal.
enum SQLCost {
    static let session = """
        SELECT s.revoked_at, a.must_change_password, a.state FROM session s JOIN account a ON a.nip = s.nip
        WHERE s.session_id = ? AND s.nip = ?
        """
    static let atasan = """
        WITH RECURSIVE chain(nip, level) AS (
            SELECT atasan_nip, 1 FROM employee WHERE nip = ? AND atasan_nip IS NOT NULL
            UNION ALL
            SELECT e.atasan_nip, c.level + 1 FROM employee e JOIN chain c ON e.nip = c.nip
            WHERE e.atasan_nip IS NOT NULL AND c.level < 64
        )
        SELECT level FROM chain WHERE nip = ? ORDER BY level LIMIT 1
        """
    static let employee = """
        SELECT e.*, (SELECT 1 FROM unit u WHERE u.unit_id = e.unit_id AND u.head_nip = e.nip) AS unit_head FROM employee e WHERE e.nip = ?
        """
    static let unit = "SELECT * FROM unit WHERE unit_id = ?"

    /// µs per GetEmployee-worth of SQL: (as the service does it, with cached statements).
    static func measure(storeCopy path: String, target: String, atasanNIP: String, seconds: Double) async throws -> (uncached: Double, cached: Double) {
        var configuration = StoreConfiguration(path: path)
        configuration.checkIntegrityAtOpen = false
        let store = try Store(configuration: configuration, migrations: [])
        defer { try? store.close() }
        let sessionID = try await store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT session_id FROM session WHERE nip = ? ORDER BY created_at DESC", arguments: [atasanNIP])
        } ?? ""

        /// Touches every column by name, as the record decoders do.
        @Sendable func decode(_ row: Row?) -> Int {
            guard let row else { return 0 }
            var sum = 0
            for column in row.columnNames { if let value = row[column] as DatabaseValue? { sum &+= value.isNull ? 0 : 1 } }
            return sum
        }
        @Sendable func handler(_ db: Database, cached: Bool) throws -> Int {
            func fetch(_ sql: String, _ arguments: StatementArguments) throws -> Row? {
                cached ? try Row.fetchOne(db.cachedStatement(sql: sql), arguments: arguments) : try Row.fetchOne(db, sql: sql, arguments: arguments)
            }
            let employee = try fetch(employee, [target])
            let unitID: String = employee?["unit_id"] ?? ""
            let atasanNIP: String = employee?["atasan_nip"] ?? ""
            return decode(employee) + decode(try fetch(unit, [unitID])) + decode(try fetch(Self.employee, [atasanNIP]))
        }
        // As the service: three reads (session gate, relationship, handler), statements compiled each time.
        let uncached = try await perCall(seconds) {
            let gate = try await store.pool.read { db in decode(try Row.fetchOne(db, sql: session, arguments: [sessionID, atasanNIP])) }
            let level = try await store.pool.read { db in try Int.fetchOne(db, sql: atasan, arguments: [target, atasanNIP]) }
            let found = try await store.pool.read { db in try handler(db, cached: false) }
            precondition(gate > 0 && level == 1 && found > 0, "the GetEmployee SQL found nothing")
        }
        // Cached statements, one read.
        let cached = try await perCall(seconds) {
            let found = try await store.pool.read { db in
                decode(try Row.fetchOne(db.cachedStatement(sql: session), arguments: [sessionID, atasanNIP]))
                    + (try Int.fetchOne(db.cachedStatement(sql: atasan), arguments: [target, atasanNIP]) ?? 0)
                    + (try handler(db, cached: true))
            }
            precondition(found > 0)
        }
        return (uncached, cached)
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
