import KinerjaProto
import NIOCore

/// One call on a server connection. Confined to the connection's event loop, except the
/// request stream, which the handler's task reads.
final class ServerCall: @unchecked Sendable {
    let id: UInt32
    let method: ServerMethod
    let eventLoop: any EventLoop
    let requests: AsyncThrowingStream<[UInt8], any Error>
    let requestContinuation: AsyncThrowingStream<[UInt8], any Error>.Continuation
    var task: Task<Void, Never>?
    var deadlineTimer: Scheduled<Void>?
    /// Response messages waiting for flow-control credit.
    var pendingWrites: [(bytes: [UInt8], done: CheckedContinuation<Void, any Error>)] = []
    /// Bytes of request messages delivered but not yet read by the handler.
    var bufferedBytes = 0
    var ended = false

    init(id: UInt32, method: ServerMethod, eventLoop: any EventLoop) {
        self.id = id
        self.method = method
        self.eventLoop = eventLoop
        (requests, requestContinuation) = AsyncThrowingStream.makeStream(of: [UInt8].self)
    }

    /// Fails every pending write and the request stream; the call is over.
    func abandon(_ error: any Error) {
        ended = true
        deadlineTimer?.cancel()
        requestContinuation.finish(throwing: error)
        let writes = pendingWrites
        pendingWrites = []
        for write in writes { write.done.resume(throwing: error) }
    }
}

/// The request stream a handler reads; reading a message grants the client more window.
struct ServerRequestSequence: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    let call: ServerCall
    let connection: NIOLoopBound<ServerConnectionHandler>

    func makeAsyncIterator() -> Iterator {
        Iterator(base: call.requests.makeAsyncIterator(), call: call, connection: connection)
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
