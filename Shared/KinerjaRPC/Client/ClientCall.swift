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
    let id: UInt32
    let eventLoop: any EventLoop
    let responses: AsyncThrowingStream<[UInt8], any Error>
    let responseContinuation: AsyncThrowingStream<[UInt8], any Error>.Continuation
    /// Request messages waiting for window (nil bytes: the END_STREAM marker).
    var pendingWrites: [(bytes: [UInt8]?, done: CheckedContinuation<Void, any Error>)] = []
    var deadlineTimer: Scheduled<Void>?
    /// Set once the call ended; later frames and writes are ignored.
    var outcome: AttemptFailure?
    var ended = false
    var receivedMessages = 0

    init(id: UInt32, eventLoop: any EventLoop) {
        self.id = id
        self.eventLoop = eventLoop
        (responses, responseContinuation) = AsyncThrowingStream.makeStream(of: [UInt8].self)
    }

    /// Ends the call: the response stream finishes (OK) or throws; waiting writers fail.
    func end(_ failure: AttemptFailure?) {
        guard !ended else { return }
        ended = true
        outcome = failure
        deadlineTimer?.cancel()
        if let failure {
            responseContinuation.finish(throwing: failure)
        } else {
            responseContinuation.finish()
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
    let call: ClientCall
    let connection: NIOLoopBound<ClientConnectionHandler>

    func makeAsyncIterator() -> Iterator {
        Iterator(base: call.responses.makeAsyncIterator(), call: call, connection: connection)
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
