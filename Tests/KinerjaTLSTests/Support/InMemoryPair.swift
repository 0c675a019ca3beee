import KinerjaTLS
import NIOCore
import NIOEmbedded

/// A client and a server `TLSHandler`, each in its own `EmbeddedChannel`, with the bytes between
/// them moved by hand so that every test controls exactly what each side sees.
final class InMemoryPair {
    let client: EmbeddedChannel
    let server: EmbeddedChannel
    let clientRecorder = Recorder()
    let serverRecorder = Recorder()
    let clientHandler: TLSHandler
    let serverHandler: TLSHandler

    init(client clientContext: TLSContext, server serverContext: TLSContext, expecting: PeerIdentity) throws {
        clientHandler = TLSHandler.client(context: clientContext, expecting: expecting)
        serverHandler = TLSHandler.server(context: serverContext)
        client = EmbeddedChannel()
        server = EmbeddedChannel()
        try client.pipeline.syncOperations.addHandlers([clientHandler, clientRecorder])
        try server.pipeline.syncOperations.addHandlers([serverHandler, serverRecorder])
    }

    /// The development pair: our planning service and our HR portal client.
    static func standard(
        _ pki: TestPKI,
        client clientFiles: (certificate: String, key: String)? = nil,
        server serverFiles: (certificate: String, key: String)? = nil,
        expecting: PeerIdentity? = nil,
        adjustClient: (inout TLSConfiguration) -> Void = { _ in },
        adjustServer: (inout TLSConfiguration) -> Void = { _ in }
    ) throws -> InMemoryPair {
        try InMemoryPair(
            client: pki.context(clientFiles ?? pki.client("hr-portal"), adjustClient),
            server: pki.context(serverFiles ?? pki.service("planning"), adjustServer),
            expecting: expecting ?? PeerIdentity(kind: .service, name: "planning")
        )
    }

    /// Makes both channels active; the client sends its ClientHello.
    func connect() throws {
        let address = try SocketAddress(ipAddress: "127.0.0.1", port: 7443)
        try server.connect(to: address).wait()
        try client.connect(to: address).wait()
    }

    /// Moves bytes both ways until neither side has anything more to send. Returns the bytes moved.
    @discardableResult
    func pump(maxRounds: Int = 10_000) throws -> Int {
        var total = 0
        for _ in 0..<maxRounds {
            let moved = try move(from: client, to: server) + move(from: server, to: client)
            total += moved
            if moved == 0 { return total }
        }
        throw CommandError("the pair never went quiet")
    }

    /// Moves what `from` wrote into `to`, in the chunks it was written, unless `to` is closed.
    func move(from: EmbeddedChannel, to: EmbeddedChannel) throws -> Int {
        var moved = 0
        while let chunk = try from.readOutbound(as: ByteBuffer.self) {
            moved += chunk.readableBytes
            if to.isActive {
                try to.writeInbound(chunk)
            }
        }
        return moved
    }

    func handshake() throws {
        try connect()
        try pump()
    }

    /// What `channel` wrote, for tests that tamper with the bytes.
    func drainOutbound(_ channel: EmbeddedChannel) throws -> [ByteBuffer] {
        var chunks: [ByteBuffer] = []
        while let chunk = try channel.readOutbound(as: ByteBuffer.self) { chunks.append(chunk) }
        return chunks
    }

    /// Closes both sides (close_notify, then the shutdown timers if a peer never answers) and
    /// releases the channels. `EmbeddedChannel.finish` alone would wait forever for a close that
    /// needs the peer's close_notify.
    func finish() {
        client.close(promise: nil)
        server.close(promise: nil)
        _ = try? pump()
        client.embeddedEventLoop.advanceTime(by: .seconds(60))
        server.embeddedEventLoop.advanceTime(by: .seconds(60))
        _ = try? client.finish(acceptAlreadyClosed: true)
        _ = try? server.finish(acceptAlreadyClosed: true)
    }
}
