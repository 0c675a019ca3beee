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
    /// What repeating the call does, from its comment in `proto/` (docs/PROTOCOL.md, section 2.8).
    public let idempotency: Idempotency
    /// The documentation comment from `proto/`.
    public let documentation: String

    /// Whether a client may retry the call after it may have started (`MethodInfo.idempotent`):
    /// reads and documented idempotent writes, and writes that honour `idempotency-key` when every
    /// attempt carries the same key.
    public var idempotent: Bool { idempotency != .none }

    /// Creates a descriptor (generated code does this).
    public init(service: String, method: String, kind: StreamingKind,
                requestType: String, responseType: String, idempotency: Idempotency, documentation: String = "") {
        self.service = service
        self.method = method
        self.kind = kind
        self.requestType = requestType
        self.responseType = responseType
        self.idempotency = idempotency
        self.documentation = documentation
    }

    /// Creates a hand-made descriptor; `idempotent` means repeating it is harmless by itself.
    public init(service: String, method: String, kind: StreamingKind,
                requestType: String, responseType: String, idempotent: Bool = false, documentation: String = "") {
        self.init(service: service, method: method, kind: kind, requestType: requestType, responseType: responseType,
                  idempotency: idempotent ? .always : .none, documentation: documentation)
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
