import Foundation
import KinerjaTLS
import NIOCore
import NIOPosix
import Synchronization

/// What one side of a loopback connection observed, collected across event-loop threads.
final class EventLog: Sendable {
    enum Event: Sendable {
        case handshake(TLSHandshakeCompleted)
        case error(TLSError)
        case otherError(String)
        case closed
    }

    private let events = Mutex<[Event]>([])

    func append(_ event: Event) { events.withLock { $0.append(event) } }
    var all: [Event] { events.withLock { $0 } }

    var handshakes: [TLSHandshakeCompleted] {
        all.compactMap { if case .handshake(let h) = $0 { h } else { nil } }
    }

    var errors: [TLSError] {
        all.compactMap { if case .error(let e) = $0 { e } else { nil } }
    }

    var closedCount: Int { all.filter { if case .closed = $0 { true } else { false } }.count }

    /// Waits until `predicate` holds, or fails after `timeout`.
    func wait(timeout: Duration = .seconds(10), until predicate: (EventLog) -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !predicate(self) {
            guard ContinuousClock.now < deadline else { throw CommandError("timed out; events: \(all)") }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}

/// Server side of the loopback tests: echoes what it reads and closes (with close_notify) after a line "QUIT".
final class EchoServerHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    let log: EventLog
    private var seen = ""

    init(log: EventLog) { self.log = log }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        seen += String(buffer: bytes)
        context.write(wrapOutboundOut(bytes), promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
        if seen.contains("QUIT\n") { context.close(promise: nil) }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSHandshakeCompleted { log.append(.handshake(event)) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? TLSError { log.append(.error(error)) } else { log.append(.otherError("\(error)")) }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        log.append(.closed)
    }
}

/// A `TLSHandler` echo server on 127.0.0.1 with an ephemeral port.
struct LoopbackServer: Sendable {
    let channel: any Channel
    let log: EventLog
    var port: Int { channel.localAddress?.port ?? 0 }

    static func start(context: TLSContext, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> LoopbackServer {
        let log = EventLog()
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(TLSHandler.server(context: context))
                    try channel.pipeline.syncOperations.addHandler(EchoServerHandler(log: log))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return LoopbackServer(channel: channel, log: log)
    }

    func stop() async throws {
        try await channel.close()
    }
}

/// Client side of the loopback tests: sends, and waits for the echo.
final class EchoClientHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    private struct State {
        var received = ByteBuffer()
        var waiting: (count: Int, promise: EventLoopPromise<ByteBuffer>)?
        var failure: (any Error)?
    }

    private let state = Mutex(State())
    let log = EventLog()
    let handshake: EventLoopPromise<TLSHandshakeCompleted>

    init(eventLoop: any EventLoop) {
        handshake = eventLoop.makePromise()
    }

    /// Completes `promise` once `count` bytes have arrived.
    func expect(_ count: Int, promise: EventLoopPromise<ByteBuffer>) {
        state.withLock { state in
            if let failure = state.failure {
                promise.fail(failure)
            } else {
                state.waiting = (count, promise)
            }
        }
        deliver()
    }

    private func deliver() {
        let ready: (EventLoopPromise<ByteBuffer>, ByteBuffer)? = state.withLock { state in
            guard let waiting = state.waiting, state.received.readableBytes >= waiting.count,
                  let slice = state.received.readSlice(length: waiting.count) else { return nil }
            state.waiting = nil
            return (waiting.promise, slice)
        }
        if let (promise, bytes) = ready { promise.succeed(bytes) }
    }

    private func failAll(_ error: any Error) {
        let waiting = state.withLock { state in
            if state.failure == nil { state.failure = error }
            defer { state.waiting = nil }
            return state.waiting
        }
        waiting?.promise.fail(error)
        handshake.fail(error)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        state.withLock { $0.received.writeBuffer(&bytes) }
        deliver()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSHandshakeCompleted {
            log.append(.handshake(event))
            handshake.succeed(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? TLSError { log.append(.error(error)) } else { log.append(.otherError("\(error)")) }
        failAll(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        log.append(.closed)
        failAll(ChannelError.eof)
    }
}

/// One of our TLS clients connected over loopback.
struct LoopbackClient: Sendable {
    let channel: any Channel
    let handler: EchoClientHandler

    static func connect(
        port: Int, context: TLSContext, expecting: PeerIdentity,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> LoopbackClient {
        let eventLoop = group.next()
        let handler = EchoClientHandler(eventLoop: eventLoop)
        let channel = try await ClientBootstrap(group: eventLoop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(TLSHandler.client(context: context, expecting: expecting))
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
            .connect(host: "127.0.0.1", port: port)
            .get()
        return LoopbackClient(channel: channel, handler: handler)
    }

    /// Sends `bytes` and returns the same number of bytes read back.
    func echo(_ bytes: ByteBuffer) async throws -> ByteBuffer {
        let promise = channel.eventLoop.makePromise(of: ByteBuffer.self)
        handler.expect(bytes.readableBytes, promise: promise)
        channel.writeAndFlush(bytes, promise: nil)
        return try await promise.futureResult.get()
    }

    func echo(_ text: String) async throws -> String {
        String(buffer: try await echo(ByteBuffer(string: text)))
    }

    func close() async throws {
        try await channel.close()
    }
}

/// Counts this process's open file descriptors.
func openFileDescriptorCount() throws -> Int {
    try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
}

/// Bytes appended from an event loop and read from a test.
final class EventLogBytes: Sendable {
    private let bytes = Mutex<[UInt8]>([])
    func append(_ more: some Sequence<UInt8>) { bytes.withLock { $0.append(contentsOf: more) } }
    var all: [UInt8] { bytes.withLock { $0 } }
}
