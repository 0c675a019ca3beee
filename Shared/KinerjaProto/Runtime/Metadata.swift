/// Per-call metadata: ordered key/value pairs with lowercase ASCII keys
/// (`authorization`, `request-id`, `traceparent`, `idempotency-key`, …).
public struct Metadata: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One entry.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: String
        public init(key: String, value: String) {
            self.key = key.lowercased()
            self.value = value
        }
    }

    /// The entries in order.
    public private(set) var entries: [Entry] = []

    /// Empty metadata.
    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        entries = elements.map { Entry(key: $0.0, value: $0.1) }
    }

    /// Adds an entry (keys may repeat).
    public mutating func add(_ key: String, _ value: String) {
        entries.append(Entry(key: key, value: value))
    }

    /// Replaces every entry for `key` with one value, or removes them for nil.
    public subscript(key: String) -> String? {
        get { first(key) }
        set {
            let key = key.lowercased()
            entries.removeAll { $0.key == key }
            if let newValue { entries.append(Entry(key: key, value: newValue)) }
        }
    }

    /// The first value for `key`.
    public func first(_ key: String) -> String? {
        let key = key.lowercased()
        return entries.first { $0.key == key }?.value
    }

    public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }

    /// Well-known keys.
    public enum WellKnownKey {
        public static let authorization = "authorization"
        public static let requestID = "request-id"
        public static let traceparent = "traceparent"
        public static let idempotencyKey = "idempotency-key"
        /// The end user's network address, sent by a gateway that signs users in on their behalf
        /// (kinerja-web); believed only where a service says so (identity, from `client/web`).
        public static let clientAddress = "client-address"
    }
}
