/// What repeating a call does, as the method's comment in `proto/` declares it; decides whether
/// a client may retry an attempt that may have started (docs/PROTOCOL.md, section 2.8).
public enum Idempotency: String, Sendable, Hashable {
    /// Repeating may apply the call twice: only an attempt that provably did not start is retried.
    case none
    /// Repeating is harmless by itself: a read, or a write documented "Idempotent.".
    case always
    /// Repeating is harmless when every attempt carries the same `idempotency-key` metadata
    /// (documented "Honours `idempotency-key`" or "Idempotent with `idempotency-key`").
    case withKey = "with_key"

    /// Whether an attempt carrying `metadata` may be repeated after it may have started.
    public func allowsRepeating(with metadata: Metadata) -> Bool {
        switch self {
        case .none: false
        case .always: true
        case .withKey: !(metadata.first(Metadata.WellKnownKey.idempotencyKey) ?? "").isEmpty
        }
    }
}
