import KinerjaProto
import Synchronization

/// An in-memory transport for any generated client: records every call (method, metadata,
/// timeout, decoded-later request bytes) and answers with `respond`.
final class FakeTransport: ClientTransport {
    /// One recorded call.
    struct Call: Sendable {
        var method: String
        /// The wire path, e.g. `/kinerja.planning.v1.PlanningService/GetSkp`.
        var path: String
        var metadata: Metadata
        var timeout: Duration?
        var requests: [[UInt8]]

        /// The requests decoded as `M`.
        func decoded<M: ProtoMessage>(_ type: M.Type) throws -> [M] {
            try requests.map { try M(serializedBytes: $0) }
        }
    }

    /// Produces the encoded response for a call, or throws its status.
    typealias Responder = @Sendable (_ method: String, _ requests: [[UInt8]], _ callIndex: Int) throws -> [UInt8]

    /// Produces every encoded response of a call (a server stream), or throws its status.
    typealias StreamResponder = @Sendable (_ method: String, _ requests: [[UInt8]], _ callIndex: Int) throws -> [[UInt8]]

    private let respond: StreamResponder
    private let recorded = Mutex<[Call]>([])
    /// Imitates RPCClient after a server answered before the request stream ended: the call
    /// fails with CANCELLED "the call has ended" after the response was read.
    private let cancelAfterResponse: Bool

    init(cancelAfterResponse: Bool = false, _ respond: @escaping Responder) {
        self.respond = { method, requests, index in [try respond(method, requests, index)] }
        self.cancelAfterResponse = cancelAfterResponse
    }

    /// A transport whose calls may answer with several messages.
    init(streaming respond: @escaping StreamResponder) {
        self.respond = respond
        self.cancelAfterResponse = false
    }

    /// Every call so far, in order.
    var calls: [Call] { recorded.withLock { $0 } }

    func call<Result: Sendable>(
        _ method: MethodDescriptor, options: CallOptions,
        requests: @escaping @Sendable (RPCWriter<[UInt8]>) async throws -> Void,
        onResponse: @escaping @Sendable (RPCAsyncSequence<[UInt8]>) async throws -> Result
    ) async throws -> Result {
        let written = Recorder<[UInt8]>()
        try await requests(RPCWriter { bytes in written.append(bytes) })
        let call = Call(method: method.method, path: method.path, metadata: options.metadata, timeout: options.timeout,
                        requests: written.items)
        let index = recorded.withLock { calls in
            calls.append(call)
            return calls.count - 1
        }
        let responses = try respond(method.method, call.requests, index)
        let stream = AsyncThrowingStream<[UInt8], any Error> { continuation in
            for response in responses { continuation.yield(response) }
            continuation.finish()
        }
        let result = try await onResponse(RPCAsyncSequence(wrapping: stream))
        if cancelAfterResponse { throw RPCError(.cancelled, "the call has ended") }
        return result
    }
}
