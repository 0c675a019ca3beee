/// How many messages each side of a call sends.
public enum StreamingKind: String, Sendable, Hashable {
    /// One request, one response.
    case unary
    /// A stream of requests, one response (bulk upload).
    case clientStreaming = "client_streaming"
    /// One request, a stream of responses (exports, watches).
    case serverStreaming = "server_streaming"
    /// Streams both ways.
    case bidirectionalStreaming = "bidi_streaming"
}

/// One RPC of a service, as named on the wire.
public struct MethodDescriptor: Sendable, Hashable, CustomStringConvertible {
    /// The fully qualified service, e.g. `kinerja.planning.v1.PlanningService`.
    public let service: String
    /// The method name, e.g. `SubmitSkp`.
    public let method: String
    /// How many messages each side sends.
    public let kind: StreamingKind
    /// The proto name of the request message.
    public let requestType: String
    /// The proto name of the response message.
    public let responseType: String
    /// Whether repeating the call is harmless (reads, and writes that honour `idempotency-key`),
    /// so a client may retry it even after it may have started.
    public let idempotent: Bool
    /// The documentation comment from `proto/`.
    public let documentation: String

    /// Creates a descriptor (generated code does this).
    public init(service: String, method: String, kind: StreamingKind,
                requestType: String, responseType: String, idempotent: Bool = false, documentation: String = "") {
        self.service = service
        self.method = method
        self.kind = kind
        self.requestType = requestType
        self.responseType = responseType
        self.idempotent = idempotent
        self.documentation = documentation
    }

    /// The wire path, e.g. `/kinerja.planning.v1.PlanningService/SubmitSkp`.
    public var path: String { "/\(service)/\(method)" }

    public var description: String { path }
}

/// A service of the contract and its methods.
public struct ServiceDescriptor: Sendable, Hashable {
    /// The fully qualified name, e.g. `kinerja.identity.v1.IdentityService`.
    public let name: String
    /// The proto file that defines it, e.g. `kinerja/identity/v1/identity.proto` (empty when hand-made).
    public let fileName: String
    /// The methods in declaration order.
    public let methods: [MethodDescriptor]
    /// The documentation comment from `proto/`.
    public let documentation: String

    /// Creates a descriptor (generated code does this).
    public init(name: String, fileName: String = "", methods: [MethodDescriptor], documentation: String = "") {
        self.name = name
        self.fileName = fileName
        self.methods = methods
        self.documentation = documentation
    }
}
