import KinerjaProto
import NIOCore
import NIOEmbedded
@testable import KinerjaRPC

/// A `ServerConnectionHandler` in an `EmbeddedChannel`: frames in, frames out, time advanced by hand.
/// Only for calls that start no handler task (unknown methods), so everything stays on the test's thread.
struct EmbeddedServer {
    static let unknownMethod = "/kinerja.test.v1.TestService/NoSuchMethod"

    let channel: EmbeddedChannel

    init(limits: RPCLimits = RPCLimits()) throws {
        channel = EmbeddedChannel()
        let handler = ServerConnectionHandler(router: ServerRouter(services: [TestService()], interceptors: []),
                                              limits: limits, eventLoop: channel.embeddedEventLoop)
        try channel.pipeline.syncOperations.addHandler(handler)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 7401)).wait()
    }

    var isOpen: Bool { channel.isActive }

    /// Opens a call for a method the server does not have: it ends at once with UNIMPLEMENTED.
    func openAndEnd(_ id: UInt32) throws {
        try receive(Frame(.headers, flags: .endStream, callID: id,
                          payload: ByteBuffer(bytes: try RPC.CallHeader(method: Self.unknownMethod).serializedBytes())))
    }

    func receive(_ frame: Frame) throws {
        try channel.writeInbound(frame)
        channel.embeddedEventLoop.run()
    }

    func advance(by amount: TimeAmount) {
        channel.embeddedEventLoop.advanceTime(by: amount)
    }

    /// Every frame the server has written since the last call.
    func sent() throws -> [Frame] {
        channel.embeddedEventLoop.run()
        var frames: [Frame] = []
        while var buffer = try channel.readOutbound(as: ByteBuffer.self) {
            while let frame = try FrameDecoder.next(from: &buffer, maxFrameSize: RPCLimits.defaultMaxFrameSize) {
                frames.append(frame)
            }
        }
        return frames
    }

    /// The GOAWAY among `frames`, decoded.
    static func goAway(in frames: [Frame]) throws -> RPC.GoAway? {
        guard let frame = frames.first(where: { $0.type == .goAway }) else { return nil }
        return try frame.payload.withUnsafeReadableBytes { try RPC.GoAway(serializedBytes: $0) }
    }

    /// The STATUS codes among `frames`, by call id.
    static func statuses(in frames: [Frame]) throws -> [UInt32: UInt32] {
        var codes: [UInt32: UInt32] = [:]
        for frame in frames where frame.type == .status {
            codes[frame.callID] = try frame.payload.withUnsafeReadableBytes { try RPC.Status(serializedBytes: $0) }.code
        }
        return codes
    }
}
