/// Per-call settings a client passes to a stub method.
public struct CallOptions: Sendable, Hashable {
    /// How long the call may take; sent to the server as a relative timeout. nil: no deadline
    /// (a handler's own remaining deadline still propagates into its downstream calls).
    public var timeout: Duration?
    /// Metadata sent with the call (an `idempotency-key` makes a write safe to repeat).
    public var metadata: Metadata
    /// Whether the call may be retried after it may have started (reads, keyed writes).
    public var idempotent: Bool

    /// Creates options; by default no timeout, no metadata, not idempotent.
    public init(timeout: Duration? = nil, metadata: Metadata = Metadata(), idempotent: Bool = false) {
        self.timeout = timeout
        self.metadata = metadata
        self.idempotent = idempotent
    }

    /// No timeout, no metadata, not idempotent.
    public static let defaults = CallOptions()
}
