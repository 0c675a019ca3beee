public import GRDB

/// One kind of data a service keeps for a limited time (docs/OPERATIONS.md, "Retention"): what it
/// is, how long it is kept after the instant it is measured from, and how the rows past that are
/// deleted. Rules are plain values; ``RetentionSweep`` runs them.
public struct RetentionRule: Sendable {
    /// A stable name, `<service>.<data kind>` (e.g. `identity.refresh_token`), as the audit entry counts it.
    public let kind: String
    /// How long the data is kept, in seconds, after the instant `purge` measures from.
    public let retainedSeconds: Int64
    /// Deletes the rows whose instant is before the cutoff (seconds since the epoch) and returns
    /// how many went. Runs inside the sweep's write transaction; nothing else may be touched.
    public let purge: @Sendable (_ db: Database, _ cutoff: Int64) throws -> Int

    /// A rule for `kind`, kept `retainedSeconds`, deleted by `purge`.
    public init(_ kind: String, retainedSeconds: Int64, purge: @escaping @Sendable (_ db: Database, _ cutoff: Int64) throws -> Int) {
        self.kind = kind
        self.retainedSeconds = retainedSeconds
        self.purge = purge
    }

    /// Days as seconds (rules are written in days).
    public static func days(_ days: Int) -> Int64 { Int64(days) * 86_400 }
}
