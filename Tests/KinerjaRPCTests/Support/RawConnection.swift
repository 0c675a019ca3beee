import KinerjaProto
import KinerjaRPC
import KinerjaTLS
import NIOCore
import NIOPosix

/// A mutual-TLS connection that speaks frames by hand: for protocol and hostile-input tests.
final class RawConnection: Sendable {
    let channel: any Channel
    let frames: AsyncStream<Frame>

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = Frame
        let continuation: AsyncStream<Frame>.Continuation
        init(_ continuation: AsyncStream<Frame>.Continuation) { self.continuation = continuation }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) { continuation.yield(unwrapInboundIn(data)) }
        func channelInactive(context: ChannelHandlerContext) { continuation.finish() }
        func errorCaught(context: ChannelHandlerContext, error: any Error) { context.close(promise: nil) }
    }

    private init(channel: any Channel, frames: AsyncStream<Frame>) {
        self.channel = channel
        self.frames = frames
    }

    static func open(port: Int, client: String = "hr-portal") async throws -> RawConnection {
        let tls = try RPCTestPKI.context(client: client)
        let (frames, continuation) = AsyncStream.makeStream(of: Frame.self)
        let identity = try PeerIdentity(kind: .service, name: "planning")
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        TLSHandler.client(context: tls, expecting: identity),
                        ByteToMessageHandler(FrameDecoder(maxFrameSize: 64 << 20)),
                        Collector(continuation),
                    ])
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return RawConnection(channel: channel, frames: frames)
    }

    func send(raw bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(ByteBuffer(bytes: bytes))
    }

    func send(_ type: FrameType, flags: FrameFlags = [], callID: UInt32, bytes: [UInt8] = []) async throws {
        var buffer = ByteBuffer()
        buffer.writeFrame(type, flags: flags, callID: callID, bytes: bytes)
        try await channel.writeAndFlush(buffer)
    }

    func send<M: ProtoMessage>(_ type: FrameType, flags: FrameFlags = [], callID: UInt32, message: M) async throws {
        try await send(type, flags: flags, callID: callID, bytes: try message.serializedBytes())
    }

    /// The next frame of the given type (others are skipped); nil when the connection ends first.
    func next(_ type: FrameType) async -> Frame? {
        for await frame in frames where frame.type == type { return frame }
        return nil
    }

    func nextStatus() async throws -> (callID: UInt32, status: RPC.Status) {
        guard let frame = await next(.status) else { throw RPCTestError("the connection closed before a STATUS") }
        return (frame.callID, try frame.payload.withUnsafeReadableBytes { try RPC.Status(serializedBytes: $0) })
    }

    /// Waits until the server closes the connection; returns the GOAWAY it sent, if any.
    func closedByServer() async -> RPC.GoAway? {
        var goAway: RPC.GoAway?
        for await frame in frames where frame.type == .goAway {
            goAway = try? frame.payload.withUnsafeReadableBytes { try RPC.GoAway(serializedBytes: $0) }
        }
        return goAway
    }

    func close() async {
        try? await channel.close()
    }
}
