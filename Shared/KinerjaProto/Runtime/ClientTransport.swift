/// What generated client stubs call: one streaming primitive over encoded messages.
///
/// The RPC runtime (`KinerjaRPC`) implements it over TLS; tests may implement it
/// in memory. Unary and one-sided streaming calls are special cases provided below.
public protocol ClientTransport: Sendable {
    /// Runs one call: `requests` writes the encoded request messages (the call's
    /// request stream ends when it returns); `onResponse` reads the encoded
    /// responses. Throws ``RPCError`` with the call's status when it is not OK.
    func call<Result: Sendable>(
        _ method: MethodDescriptor,
        options: CallOptions,
        requests: @escaping @Sendable (RPCWriter<[UInt8]>) async throws -> Void,
        onResponse: @escaping @Sendable (RPCAsyncSequence<[UInt8]>) async throws -> Result
    ) async throws -> Result

    /// Runs one call with exactly one request message (unary and server streaming).
    /// Transports may implement it as a faster path; by default it calls the general form.
    func call<Result: Sendable>(
        _ method: MethodDescriptor,
        options: CallOptions,
        request: [UInt8],
        onResponse: @escaping @Sendable (RPCAsyncSequence<[UInt8]>) async throws -> Result
    ) async throws -> Result

    /// Runs one unary call: one encoded request, one encoded response.
    /// Transports may implement it as a faster path; by default it calls the general form.
    func unary(_ method: MethodDescriptor, request: [UInt8], options: CallOptions) async throws -> [UInt8]
}

extension ClientTransport {
    public func call<Result: Sendable>(
        _ method: MethodDescriptor, options: CallOptions, request: [UInt8],
        onResponse: @escaping @Sendable (RPCAsyncSequence<[UInt8]>) async throws -> Result
    ) async throws -> Result {
        try await call(method, options: options, requests: { try await $0.write(request) }, onResponse: onResponse)
    }

    public func unary(_ method: MethodDescriptor, request: [UInt8], options: CallOptions) async throws -> [UInt8] {
        try await call(method, options: options, request: request, onResponse: { try await Self.singleMessage($0, method) })
    }

    private static func decode<M: ProtoMessage>(_ bytes: [UInt8], _ method: MethodDescriptor) throws -> M {
        do { return try M(serializedBytes: bytes) } catch {
            throw RPCError(.internal, "\(method.path): the server's response could not be decoded: \(error.message)")
        }
    }

    private static func singleMessage(_ responses: RPCAsyncSequence<[UInt8]>, _ method: MethodDescriptor) async throws -> [UInt8] {
        var iterator = responses.makeAsyncIterator()
        guard let first = try await iterator.next() else {
            throw RPCError(.internal, "\(method.path): the server sent no response message")
        }
        guard try await iterator.next() == nil else {
            throw RPCError(.internal, "\(method.path): the server sent more than one response message")
        }
        return first
    }

    private static func single<M: ProtoMessage>(_ responses: RPCAsyncSequence<[UInt8]>, _ method: MethodDescriptor) async throws -> M {
        try decode(try await singleMessage(responses, method), method)
    }

    /// One request, one response.
    public func unary<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: MethodDescriptor, _ request: Request, options: CallOptions
    ) async throws -> Response {
        let bytes = try request.serializedBytes()
        return try Self.decode(try await unary(method, request: bytes, options: options), method)
    }

    /// A stream of requests written by `requests`, one response.
    public func clientStreaming<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: MethodDescriptor, options: CallOptions,
        requests: @escaping @Sendable (RPCWriter<Request>) async throws -> Void
    ) async throws -> Response {
        try await call(method, options: options,
                       requests: { writer in try await requests(writer.mapped { try $0.serializedBytes() }) },
                       onResponse: { try await Self.single($0, method) })
    }

    /// One request, a stream of responses read inside `onResponse`.
    public func serverStreaming<Request: ProtoMessage, Response: ProtoMessage, Result: Sendable>(
        _ method: MethodDescriptor, _ request: Request, options: CallOptions,
        onResponse: @escaping @Sendable (RPCAsyncSequence<Response>) async throws -> Result
    ) async throws -> Result {
        let bytes = try request.serializedBytes()
        return try await call(method, options: options, request: bytes,
                              onResponse: { responses in
                                  try await onResponse(responses.mapElements { try Self.decode($0, method) })
                              })
    }
}
