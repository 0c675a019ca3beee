import KinerjaProto
import NIOCore

/// The unary fast path, in the call's task: the handler gets the single request and returns the
/// single response, with no request stream, writer or type-erased sequence in between. Deadlines,
/// cancellation, interceptors, flow control and drain are the connection's, as for streams.
extension ServerConnectionHandler {
    /// Runs a unary handler behind the interceptors; returns the encoded status to send.
    static func executeUnary(_ handler: @escaping ServerMethod.UnaryHandler, call: ServerCall,
                             via connection: NIOLoopBound<ServerConnectionHandler>, context: ServerContext,
                             interceptors: [any ServerInterceptor]) async -> [UInt8] {
        do {
            // Downstream calls made by the handler inherit what remains of this call's deadline.
            if let deadline = context.deadline {
                try await CallDeadline.$current.withValue(deadline) {
                    try await intercept(handler, call: call, via: connection, context: context, interceptors: interceptors)
                }
            } else {
                try await intercept(handler, call: call, via: connection, context: context, interceptors: interceptors)
            }
            return RPCError.okStatus
        } catch {
            return RPCError.from(error, requestID: context.requestID).encodedStatus
        }
    }

    private static func intercept(_ handler: @escaping ServerMethod.UnaryHandler, call: ServerCall,
                                  via connection: NIOLoopBound<ServerConnectionHandler>, context: ServerContext,
                                  interceptors: [any ServerInterceptor]) async throws {
        if interceptors.isEmpty {
            return try await serveUnary(handler, call: call, via: connection, context: context)
        }
        try await run(interceptors[...], context: context) { context in
            try await serveUnary(handler, call: call, via: connection, context: context)
        }
    }

    /// The handler itself: request in, response out (sent with the STATUS when the window allows).
    private static func serveUnary(_ handler: ServerMethod.UnaryHandler, call: ServerCall,
                                   via connection: NIOLoopBound<ServerConnectionHandler>, context: ServerContext) async throws {
        let request = try await request(of: call, via: connection)
        let response = try await handler(request, context)
        if call.eventLoop.inEventLoop, try connection.value.reserveResponse(response, on: call) { return }
        try await send(response, on: call, via: connection)
    }

    /// The call's single request; waits only when its frames have not all arrived yet.
    private static func request(of call: ServerCall, via connection: NIOLoopBound<ServerConnectionHandler>) async throws -> [UInt8] {
        if call.eventLoop.inEventLoop, !call.ended, let result = connection.value.takeRequest(call) {
            return try result.get()
        }
        return try await withCheckedThrowingContinuation { waiter in
            if call.eventLoop.inEventLoop {
                connection.value.awaitRequest(call, waiter)
            } else {
                call.eventLoop.execute { connection.value.awaitRequest(call, waiter) }
            }
        }
    }
}
