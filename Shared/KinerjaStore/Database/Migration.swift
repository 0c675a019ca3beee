public import GRDB

/// One schema change, applied once, in order, inside a transaction.
public struct Migration: Sendable {
    /// Stable identifier, e.g. `identity.v1.units`. Never rename an applied migration.
    public var id: String
    /// The change.
    public var apply: @Sendable (Database) throws -> Void

    /// Creates a migration.
    public init(_ id: String, apply: @escaping @Sendable (Database) throws -> Void) {
        self.id = id
        self.apply = apply
    }
}
