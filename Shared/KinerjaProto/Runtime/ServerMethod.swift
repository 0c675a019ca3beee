/// A method a server can run: its descriptor and a handler over encoded messages.
///
/// Generated `ServiceProtocol` extensions build these from typed handlers, so the
/// RPC runtime deals only in bytes. Requests that fail to decode end the call
/// with `INVALID_ARGUMENT`.
public struct ServerMethod: Sendable {
    /// A unary handler: one encoded request in, one encoded response out.
    public typealias UnaryHandler = @Sendable ([UInt8], ServerContext) async throws -> [UInt8]

    /// The method.
    public let descriptor: MethodDescriptor
    /// Reads encoded requests, writes encoded responses; throws to end with a status.
    public let handle: @Sendable (RPCAsyncSequence<[UInt8]>, RPCWriter<[UInt8]>, ServerContext) async throws -> Void
    /// The same handler without streams, for unary methods: the RPC runtime hands it the single
    /// request and sends what it returns (its fast path). nil for streaming methods.
    public let unaryHandle: UnaryHandler?

    /// Creates a method from a byte-level handler.
    public init(_ descriptor: MethodDescriptor,
                handle: @escaping @Sendable (RPCAsyncSequence<[UInt8]>, RPCWriter<[UInt8]>, ServerContext) async throws -> Void) {
        self.descriptor = descriptor
        self.handle = handle
        self.unaryHandle = nil
    }

    /// Creates a unary method from a byte-level handler of the single request.
    ///
    /// The stream form (`handle`) is derived from it, with the same rule as the protocol's:
    /// exactly one request message, else `INVALID_ARGUMENT`.
    public init(_ descriptor: MethodDescriptor, unary: @escaping UnaryHandler) {
        self.descriptor = descriptor
        self.unaryHandle = unary
        self.handle = { requests, responses, context in
            let request = try await Self.singleMessage(requests, descriptor)
            try await responses.write(unary(request, context))
        }
    }

    static func decode<M: ProtoMessage>(_ bytes: [UInt8], _ method: MethodDescriptor) throws -> M {
        do { return try M(serializedBytes: bytes) } catch {
            throw RPCError(.invalidArgument, "the request is not a valid \(M.protoName): \(error.message)")
        }
    }

    /// The error for a unary or server-streaming call that did not send exactly one request.
    package static func requestCountError(_ method: MethodDescriptor, gotMore: Bool) -> RPCError {
        RPCError(.invalidArgument, "\(method.path) expects one request message, got \(gotMore ? "more" : "none")")
    }

    static func singleMessage(_ requests: RPCAsyncSequence<[UInt8]>, _ method: MethodDescriptor) async throws -> [UInt8] {
        var iterator = requests.makeAsyncIterator()
        guard let first = try await iterator.next() else { throw requestCountError(method, gotMore: false) }
        guard try await iterator.next() == nil else { throw requestCountError(method, gotMore: true) }
        return first
    }

    static func single<M: ProtoMessage>(_ requests: RPCAsyncSequence<[UInt8]>, _ method: MethodDescriptor) async throws -> M {
        try decode(try await singleMessage(requests, method), method)
    }

    /// A unary method.
    public static func unary<Request: ProtoMessage, Response: ProtoMessage>(
        _ descriptor: MethodDescriptor,
        _ body: @escaping @Sendable (Request, ServerContext) async throws -> Response
    ) -> ServerMethod {
        ServerMethod(descriptor, unary: { bytes, context in
            let request: Request = try decode(bytes, descriptor)
            return try await body(request, context).serializedBytes()
        })
    }

    /// A client-streaming method.
    public static func clientStreaming<Request: ProtoMessage, Response: ProtoMessage>(
        _ descriptor: MethodDescriptor,
        _ body: @escaping @Sendable (RPCAsyncSequence<Request>, ServerContext) async throws -> Response
    ) -> ServerMethod {
        ServerMethod(descriptor) { requests, responses, context in
            let typed = requests.mapElements { (bytes: [UInt8]) throws -> Request in try decode(bytes, descriptor) }
            let response = try await body(typed, context)
            try await responses.write(response.serializedBytes())
        }
    }

    /// A server-streaming method.
    public static func serverStreaming<Request: ProtoMessage, Response: ProtoMessage>(
        _ descriptor: MethodDescriptor,
        _ body: @escaping @Sendable (Request, RPCWriter<Response>, ServerContext) async throws -> Void
    ) -> ServerMethod {
        ServerMethod(descriptor) { requests, responses, context in
            let request: Request = try await single(requests, descriptor)
            try await body(request, responses.mapped { try $0.serializedBytes() }, context)
        }
    }
}

/// A service implementation the RPC server can host.
public protocol RegistrableService: Sendable {
    /// The service's descriptor.
    var serviceDescriptor: ServiceDescriptor { get }
    /// Its methods, ready to be routed by path.
    var serverMethods: [ServerMethod] { get }
}
