import KinerjaTLS
import NIOCore
import NIOPosix
import NIOTLS
import Synchronization

/// Counts plaintext bytes arriving at the server, from any event loop.
final class ByteCounter: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    let bytes = Atomic<Int>(0)

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        bytes.add(unwrapInboundIn(data).readableBytes, ordering: .relaxed)
    }
}

/// Completes a promise when either implementation reports its handshake done.
final class HandshakeWaiter: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let promise: EventLoopPromise<Void>

    init(promise: EventLoopPromise<Void>) { self.promise = promise }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is TLSHandshakeCompleted { promise.succeed() }
        if case .handshakeCompleted = event as? TLSUserEvent { promise.succeed() }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise.fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(ChannelError.eof)
    }
}

/// The same workloads over real loopback sockets, client and server on a 2-thread event loop group.
struct LoopbackBenchmark {
    let contestant: any Contestant
    let group: MultiThreadedEventLoopGroup

    func startServer(counter: ByteCounter) async throws -> any Channel {
        let contestant = contestant
        return try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(contestant.makeHandlers().server)
                    try channel.pipeline.syncOperations.addHandler(counter)
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
    }

    func connect(port: Int) async throws -> any Channel {
        let contestant = contestant
        let loop = group.next()
        let handshake = loop.makePromise(of: Void.self)
        let channel = try await ClientBootstrap(group: loop)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(contestant.makeHandlers().client)
                    try channel.pipeline.syncOperations.addHandler(HandshakeWaiter(promise: handshake))
                }
            }
            .connect(host: "127.0.0.1", port: port)
            .get()
        try await handshake.futureResult.get()
        return channel
    }

    func handshakesPerSecond(seconds: Double) async throws -> Double {
        let server = try await startServer(counter: ByteCounter())
        defer { server.close(promise: nil) }
        let port = server.localAddress?.port ?? 0
        let clock = ContinuousClock()
        let start = clock.now
        var count = 0
        while clock.now - start < .seconds(seconds) {
            let channel = try await connect(port: port)
            try await channel.close()
            count += 1
        }
        return Double(count) / elapsedSeconds(clock.now - start)
    }

    func bulkMegabytesPerSecond(seconds: Double, writeSize: Int) async throws -> Double {
        let counter = ByteCounter()
        let server = try await startServer(counter: counter)
        defer { server.close(promise: nil) }
        let channel = try await connect(port: server.localAddress?.port ?? 0)
        let payload = ByteBuffer(repeating: 0x4b, count: writeSize)
        let clock = ContinuousClock()
        let start = clock.now
        let before = counter.bytes.load(ordering: .relaxed)
        while clock.now - start < .seconds(seconds) {
            for _ in 0..<7 { channel.write(payload, promise: nil) }
            try await channel.writeAndFlush(payload)
        }
        let received = counter.bytes.load(ordering: .relaxed) - before
        let elapsed = elapsedSeconds(clock.now - start)
        try await channel.close()
        return Double(received) / elapsed / 1_000_000
    }

    private func elapsedSeconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
