/// What a handler knows about the call it serves.
public struct ServerContext: Sendable {
    /// The method being called.
    public var method: MethodDescriptor
    /// When the call must be finished; nil when the client set no timeout.
    public var deadline: ContinuousClock.Instant?
    /// The metadata the client sent.
    public var metadata: Metadata
    /// The request id (from `request-id`, or made by the server).
    public var requestID: String
    /// The verified peer from mutual TLS: the URI SAN of the client certificate,
    /// e.g. `spiffe://kinerja.kupangkota.go.id/service/planning`. nil only in-memory.
    public var peer: String?
    /// The authenticated user, set by the authentication interceptor (subject NIP).
    public var principal: String?
    /// The client's network address as `ip:port`, for rate limits and the audit log; nil in-memory.
    public var remoteAddress: String?

    /// Creates a context (the RPC runtime does this).
    public init(method: MethodDescriptor, deadline: ContinuousClock.Instant? = nil, metadata: Metadata = Metadata(),
                requestID: String, peer: String? = nil, principal: String? = nil, remoteAddress: String? = nil) {
        self.method = method
        self.deadline = deadline
        self.metadata = metadata
        self.requestID = requestID
        self.peer = peer
        self.principal = principal
        self.remoteAddress = remoteAddress
    }
}
