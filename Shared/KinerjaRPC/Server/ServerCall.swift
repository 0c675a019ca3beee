import KinerjaProto
import NIOCore

/// One call on a server connection. Confined to the connection's event loop, except the
/// request stream, which the handler's task reads.
final class ServerCall: @unchecked Sendable {
    /// How request messages reach the handler.
    enum Requests {
        /// Streaming methods: an async stream the handler iterates.
        case stream(AsyncThrowingStream<[UInt8], any Error>, AsyncThrowingStream<[UInt8], any Error>.Continuation)
        /// Unary methods (the fast path): the single request, taken once, goes to this handler.
        case unary(ServerMethod.UnaryHandler)
    }

    let id: UInt32
    let method: ServerMethod
    let eventLoop: any EventLoop
    let requests: Requests
    var task: Task<Void, Never>?
    var deadlineTimer: Scheduled<Void>?
    /// Response messages waiting for flow-control credit.
    var pendingWrites: [(bytes: [UInt8], done: CheckedContinuation<Void, any Error>)] = []
    /// Bytes of request messages delivered but not yet read by the handler.
    var bufferedBytes = 0
    var ended = false
    /// Why the call ended, for a handler that asks for its request afterwards.
    var endError: (any Error)?
    /// Unary calls: the request as its frames arrive, and the handler waiting for it.
    var unaryRequest: UnaryRequest
    var requestWaiter: CheckedContinuation<[UInt8], any Error>?
    /// Unary calls: the response, already given its flow-control credit, sent with the STATUS.
    var unaryResponse: [UInt8]?

    init(id: UInt32, method: ServerMethod, eventLoop: any EventLoop) {
        self.id = id
        self.method = method
        self.eventLoop = eventLoop
        self.unaryRequest = UnaryRequest(method: method.descriptor)
        if let handler = method.unaryHandle {
            requests = .unary(handler)
        } else {
            let (stream, continuation) = AsyncThrowingStream.makeStream(of: [UInt8].self)
            requests = .stream(stream, continuation)
        }
    }

    /// Hands a request message to the handler (`end`: the last one).
    func deliver(_ bytes: [UInt8], end: Bool) -> Bool {
        switch requests {
        case .stream(_, let continuation):
            continuation.yield(bytes)
            if end { continuation.finish() }
            return false
        case .unary:
            return unaryRequest.receive(bytes, end: end)
        }
    }

    /// The client ended the request stream. True when a unary request became complete.
    func endRequests() -> Bool {
        switch requests {
        case .stream(_, let continuation):
            continuation.finish()
            return false
        case .unary:
            return unaryRequest.endOfRequests()
        }
    }

    /// Fails every pending write and the request stream; the call is over.
    func abandon(_ error: any Error) {
        ended = true
        endError = error
        deadlineTimer?.cancel()
        unaryResponse = nil
        switch requests {
        case .stream(_, let continuation): continuation.finish(throwing: error)
        case .unary:
            let waiter = requestWaiter
            requestWaiter = nil
            waiter?.resume(throwing: error)
        }
        let writes = pendingWrites
        pendingWrites = []
        for write in writes { write.done.resume(throwing: error) }
    }
}

/// The request stream a handler reads; reading a message grants the client more window.
struct ServerRequestSequence: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    let stream: AsyncThrowingStream<[UInt8], any Error>
    let call: ServerCall
    let connection: NIOLoopBound<ServerConnectionHandler>

    func makeAsyncIterator() -> Iterator {
        Iterator(base: stream.makeAsyncIterator(), call: call, connection: connection)
    }

    struct Iterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<[UInt8], any Error>.Iterator
        let call: ServerCall
        let connection: NIOLoopBound<ServerConnectionHandler>

        mutating func next() async throws -> [UInt8]? {
            guard let message = try await base.next() else { return nil }
            let call = self.call, connection = self.connection, size = message.count
            if call.eventLoop.inEventLoop {
                connection.value.consumed(call, bytes: size)
            } else {
                call.eventLoop.execute { connection.value.consumed(call, bytes: size) }
            }
            return message
        }
    }
}
