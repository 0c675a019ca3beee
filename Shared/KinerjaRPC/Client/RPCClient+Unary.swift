import KinerjaProto
import NIOCore

/// The unary fast path of the client: the call is opened and its single response awaited on the
/// connection's event loop, with no response stream, no type-erased sequence and no future per
/// call. What the stream path decides (the status, whether the call may have started) is decided
/// here from the same frames.
extension RPCClient {
    func unaryAttempt(_ method: MethodDescriptor, options: CallOptions, deadline: ContinuousClock.Instant?,
                      request: [UInt8]) async throws -> [UInt8] {
        let header = try header(method, options, deadline: deadline)
        let connection = try await connection()
        let handler = connection.handler
        let loop = connection.channel.eventLoop
        let nioDeadline = deadline.map { NIODeadline.now() + TimeAmount($0 - .now) }
        // One hop to the connection's event loop for the whole call.
        return try await withTaskExecutorPreference(connection.executor) {
            let call = try await Self.open(header: header, request: request, deadline: nioDeadline, on: loop, via: handler)
            let outcome = await withTaskCancellationHandler {
                await Self.response(of: call)
            } onCancel: {
                loop.execute {
                    handler.value.cancel(call, AttemptFailure(error: RPCError(.cancelled, "the call was cancelled"),
                                                              notStarted: false))
                }
            }
            switch outcome {
            case .response(let bytes):
                return bytes
            case .failed(let failure):
                // Whether the call may have started, as the stream path keeps it.
                let none = call.receivedMessages == 0
                throw AttemptFailure(error: failure.error, notStarted: failure.notStarted && none,
                                     transparent: failure.transparent && none)
            case .noResponse:
                throw RPCError(.internal, "\(method.path): the server sent no response message")
            case .tooMany:
                throw RPCError(.internal, "\(method.path): the server sent more than one response message")
            }
        }
    }

    /// Opens the call on the event loop: at once when the server's limit allows, else in turn.
    private static func open(header: [UInt8], request: [UInt8], deadline: NIODeadline?, on loop: any EventLoop,
                             via handler: NIOLoopBound<ClientConnectionHandler>) async throws -> ClientCall {
        if loop.inEventLoop {
            switch handler.value.openNow(header: header, request: request, deadline: deadline, unary: true) {
            case .opened(let call): return call
            case .refused: throw refused
            case .mustWait: break
            }
        }
        let promise = loop.makePromise(of: ClientCall?.self)
        loop.execute { handler.value.open(header: header, request: request, deadline: deadline, unary: true, promise: promise) }
        guard let call = try await promise.futureResult.get() else { throw refused }
        return call
    }

    private static var refused: AttemptFailure {
        AttemptFailure(error: RPCError(.unavailable, "the connection takes no new calls"), notStarted: true, transparent: true)
    }

    /// The call's outcome; waits only while the call is open.
    private static func response(of call: ClientCall) async -> UnaryResponse.Outcome {
        if call.eventLoop.inEventLoop, let outcome = call.takeResponse() { return outcome }
        return await withCheckedContinuation { waiter in
            if call.eventLoop.inEventLoop {
                call.awaitResponse(waiter)
            } else {
                call.eventLoop.execute { call.awaitResponse(waiter) }
            }
        }
    }
}
