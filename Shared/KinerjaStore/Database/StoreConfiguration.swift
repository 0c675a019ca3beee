/// How a service opens its SQLite store.
public struct StoreConfiguration: Sendable, Hashable, Codable {
    /// Path of the database file (its directory is created when missing).
    public var path: String
    /// How long a connection waits for a lock before failing with SQLITE_BUSY (default 5 s).
    public var busyTimeoutSeconds: Double = 5
    /// Reader connections kept open next to the single writer (default 4).
    public var maximumReaders: Int = 4
    /// Run `PRAGMA integrity_check` when the store opens (default true). A failed check stops start-up.
    public var checkIntegrityAtOpen: Bool = true
    /// How long an idempotency key is remembered (default 24 h).
    public var idempotencyRetentionSeconds: Int64 = 86_400

    /// A configuration with the documented defaults.
    public init(path: String) {
        self.path = path
    }

    enum CodingKeys: String, CodingKey {
        case path
        case busyTimeoutSeconds = "busy_timeout_seconds"
        case maximumReaders = "maximum_readers"
        case checkIntegrityAtOpen = "check_integrity_at_open"
        case idempotencyRetentionSeconds = "idempotency_retention_seconds"
    }

    /// Decodes, keeping the defaults for absent keys.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        busyTimeoutSeconds = try container.decodeIfPresent(Double.self, forKey: .busyTimeoutSeconds) ?? 5
        maximumReaders = try container.decodeIfPresent(Int.self, forKey: .maximumReaders) ?? 4
        checkIntegrityAtOpen = try container.decodeIfPresent(Bool.self, forKey: .checkIntegrityAtOpen) ?? true
        idempotencyRetentionSeconds = try container.decodeIfPresent(Int64.self, forKey: .idempotencyRetentionSeconds) ?? 86_400
    }
}
