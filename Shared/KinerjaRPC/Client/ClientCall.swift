import KinerjaProto
import NIOCore

/// Why an attempt failed, and whether the server can have started the call.
struct AttemptFailure: Error {
    var error: RPCError
    /// True when the server certainly did not start the call (refused by GOAWAY, never sent).
    var notStarted: Bool
    /// True when the server itself turned the call away during a graceful drain: retried
    /// without spending the retry budget (the server asked for it), like gRPC's transparent retries.
    var transparent = false
}

/// One call on a client connection. Confined to the connection's event loop, except the
/// response stream, which the caller's task reads.
final class ClientCall: @unchecked Sendable {
    /// How response messages reach the caller.
    enum Responses {
        /// Streaming calls: an async stream the caller iterates.
        case stream(AsyncThrowingStream<[UInt8], any Error>, AsyncThrowingStream<[UInt8], any Error>.Continuation)
        /// Unary calls (the fast path): the single response, taken once.
        case unary
    }

    let id: UInt32
    let eventLoop: any EventLoop
    let responses: Responses
    /// Unary calls: the response as its frames arrive, and the caller waiting for it.
    private var unaryResponse = UnaryResponse()
    private var responseWaiter: CheckedContinuation<UnaryResponse.Outcome, Never>?
    /// Request messages waiting for window (nil bytes: the END_STREAM marker).
    var pendingWrites: [(bytes: [UInt8]?, done: CheckedContinuation<Void, any Error>)] = []
    var deadlineTimer: Scheduled<Void>?
    /// Set once the call ended; later frames and writes are ignored.
    var outcome: AttemptFailure?
    var ended = false
    var receivedMessages = 0

    init(id: UInt32, eventLoop: any EventLoop, unary: Bool) {
        self.id = id
        self.eventLoop = eventLoop
        if unary {
            responses = .unary
        } else {
            let (stream, continuation) = AsyncThrowingStream.makeStream(of: [UInt8].self)
            responses = .stream(stream, continuation)
        }
    }

    /// Hands a response message to the caller.
    func deliver(_ bytes: [UInt8]) {
        receivedMessages += 1
        switch responses {
        case .stream(_, let continuation): continuation.yield(bytes)
        case .unary: if unaryResponse.receive(bytes) { resumeWaiter() }
        }
    }

    /// The unary outcome, once known (nil while the call is open); taken once.
    func takeResponse() -> UnaryResponse.Outcome? {
        unaryResponse.take()
    }

    /// The caller waits for the unary outcome.
    func awaitResponse(_ waiter: CheckedContinuation<UnaryResponse.Outcome, Never>) {
        if let outcome = unaryResponse.take() { return waiter.resume(returning: outcome) }
        responseWaiter = waiter
    }

    private func resumeWaiter() {
        guard let waiter = responseWaiter, let outcome = unaryResponse.take() else { return }
        responseWaiter = nil
        waiter.resume(returning: outcome)
    }

    /// Ends the call: the response stream finishes (OK) or throws; waiting writers fail.
    func end(_ failure: AttemptFailure?) {
        guard !ended else { return }
        ended = true
        outcome = failure
        deadlineTimer?.cancel()
        switch responses {
        case .stream(_, let continuation):
            if let failure { continuation.finish(throwing: failure) } else { continuation.finish() }
        case .unary:
            if unaryResponse.end(failure) { resumeWaiter() }
        }
        let writes = pendingWrites
        pendingWrites = []
        let writeError = failure ?? AttemptFailure(error: RPCError(.cancelled, "the call has ended"), notStarted: false)
        for write in writes { write.done.resume(throwing: writeError) }
    }
}

/// The response stream a caller reads; reading a message grants the server more window.
struct ClientResponseSequence: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    let stream: AsyncThrowingStream<[UInt8], any Error>
    let call: ClientCall
    let connection: NIOLoopBound<ClientConnectionHandler>

    func makeAsyncIterator() -> Iterator {
        Iterator(base: stream.makeAsyncIterator(), call: call, connection: connection)
    }

    struct Iterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<[UInt8], any Error>.Iterator
        let call: ClientCall
        let connection: NIOLoopBound<ClientConnectionHandler>

        mutating func next() async throws -> [UInt8]? {
            do {
                guard let message = try await base.next() else {
                    // The stream also ends when the reading task is cancelled: that is not a clean end.
                    if Task.isCancelled { throw RPCError(.cancelled, "the call was cancelled") }
                    return nil
                }
                let call = self.call, connection = self.connection
                if call.eventLoop.inEventLoop {
                    connection.value.consumed(call)
                } else {
                    call.eventLoop.execute { connection.value.consumed(call) }
                }
                return message
            } catch let failure as AttemptFailure {
                throw failure.error
            }
        }
    }
}
