import KinerjaTLS
import NIOCore
import NIOEmbedded
import NIOTLS

/// Counts plaintext and notices the handshake event of either implementation.
final class Sink: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    var handshakeDone = false
    var bytes = 0
    var error: (any Error)?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        bytes += unwrapInboundIn(data).readableBytes
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is TLSHandshakeCompleted { handshakeDone = true }
        if case .handshakeCompleted = event as? TLSUserEvent { handshakeDone = true }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.error = error
    }
}

/// A client and a server channel in memory, ciphertext moved between them by hand: measures the
/// TLS handler and library on one core, with no kernel in the way.
struct InMemoryConnection {
    let client = EmbeddedChannel()
    let server = EmbeddedChannel()
    let clientSink = Sink()
    let serverSink = Sink()

    init(_ contestant: any Contestant) throws {
        let (clientHandler, serverHandler) = try contestant.makeHandlers()
        try client.pipeline.syncOperations.addHandler(clientHandler)
        try client.pipeline.syncOperations.addHandler(clientSink)
        try server.pipeline.syncOperations.addHandler(serverHandler)
        try server.pipeline.syncOperations.addHandler(serverSink)
    }

    func handshake() throws {
        let address = try SocketAddress(ipAddress: "127.0.0.1", port: 443)
        try server.connect(to: address).wait()
        try client.connect(to: address).wait()
        try pump()
        guard clientSink.handshakeDone, serverSink.handshakeDone else {
            throw BenchmarkError("handshake did not complete: \(String(describing: clientSink.error ?? serverSink.error))")
        }
    }

    func pump() throws {
        while true {
            var moved = false
            while let chunk = try client.readOutbound(as: ByteBuffer.self) {
                try server.writeInbound(chunk)
                moved = true
            }
            while let chunk = try server.readOutbound(as: ByteBuffer.self) {
                try client.writeInbound(chunk)
                moved = true
            }
            if !moved { return }
        }
    }

    /// Sends `buffer` from client to server and delivers it.
    func send(_ buffer: ByteBuffer) throws {
        client.writeAndFlush(buffer, promise: nil)
        while let chunk = try client.readOutbound(as: ByteBuffer.self) {
            try server.writeInbound(chunk)
        }
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
