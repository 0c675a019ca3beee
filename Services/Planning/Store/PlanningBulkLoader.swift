public import KinerjaProto
public import KinerjaStore

/// Writes whole SKP versions into a planning store outside the RPC path: for operators
/// restoring data from another system and for benchmarks that need thousands of SKPs.
/// Versions go in as given (ids, states, stamps); each becomes its SKP's latest version.
public enum PlanningBulkLoader {
    /// Inserts `skps` in one transaction; returns how many were written.
    @discardableResult
    public static func insert(_ skps: [Planning.Skp], into store: Store) async throws -> Int {
        try await store.write { db in
            for skp in skps { try SkpRecords.insert(skp, in: db) }
            return skps.count
        }
    }
}
