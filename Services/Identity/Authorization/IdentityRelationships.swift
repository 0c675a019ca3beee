import KinerjaASN
import Foundation
import GRDB
public import KinerjaService
public import KinerjaStore

/// Relationship questions answered from identity's own store.
public struct IdentityRelationships: RelationshipResolver {
    let store: Store

    /// A resolver reading `store`.
    public init(store: Store) {
        self.store = store
    }

    public func unitOf(nip: String) async throws -> String? {
        try await store.read { db in try String.fetchOne(db.cachedStatement(sql: "SELECT unit_id FROM employee WHERE nip = ?"), arguments: [nip]) }
    }

    public func isAtasan(_ atasanNIP: String, of nip: String) async throws -> Bool {
        try await store.read { db in
            if try EmployeeRecords.level(of: atasanNIP, above: nip, in: db) != nil { return true }
            // A Plt/Plh acting for the employee's atasan today reads as the atasan does.
            let today = Wita.today(now: Date())
            return try PenilaiQueries.penilai(of: [nip], on: today, today: today, in: db).first?.penilai?.nip == atasanNIP
        }
    }

    public func unit(_ unitID: String, isWithin scope: [String], includeSubunits: Bool) async throws -> Bool {
        if scope.contains(unitID) { return true }
        guard includeSubunits else { return false }
        return try await store.read { db in try UnitQueries.ancestors(of: unitID, in: db).contains { scope.contains($0) } }
    }
}

/// Tree queries over units.
enum UnitQueries {
    /// Ids of the ancestors of `unitID`, parent first.
    static func ancestors(of unitID: String, in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            WITH RECURSIVE up(id, level) AS (
                SELECT parent_unit_id, 1 FROM unit WHERE unit_id = ? AND parent_unit_id IS NOT NULL
                UNION ALL
                SELECT u.parent_unit_id, up.level + 1 FROM unit u JOIN up ON u.unit_id = up.id
                WHERE u.parent_unit_id IS NOT NULL AND up.level < 32
            )
            SELECT id FROM up ORDER BY level
            """, arguments: [unitID])
    }

    /// Ids of `unitID` and every unit below it.
    static func subtree(of unitID: String, in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            WITH RECURSIVE down(id, level) AS (
                SELECT ?, 0
                UNION ALL
                SELECT u.unit_id, down.level + 1 FROM unit u JOIN down ON u.parent_unit_id = down.id WHERE down.level < 32
            )
            SELECT id FROM down
            """, arguments: [unitID])
    }
}
