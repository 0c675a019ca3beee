import KinerjaTLS
import NIOCore
import NIOEmbedded
import Testing

@Suite("In-memory handshakes between our client and our server")
struct InMemoryHandshakeTests {
    let pki: TestPKI

    init() throws { pki = try TestPKI.shared() }

    @Test("a mutual TLS 1.3 handshake completes and each side learns the other's identity and kinerja-rpc/1")
    func handshakeSucceeds() throws {
        let pair = try InMemoryPair.standard(pki)
        defer { pair.finish() }
        try pair.handshake()

        let client = try #require(pair.clientRecorder.handshake)
        let server = try #require(pair.serverRecorder.handshake)
        #expect(client.peer == (try PeerIdentity(kind: .service, name: "planning")))
        #expect(server.peer == (try PeerIdentity(kind: .client, name: "hr-portal")))
        #expect(server.peer.kind == .client && server.peer.name == "hr-portal")
        #expect(client.applicationProtocol == "kinerja-rpc/1")
        #expect(server.applicationProtocol == "kinerja-rpc/1")
        #expect(client.protocolVersion == "TLSv1.3")
        #expect(client.peerCertificateSHA256.count == 32)
        #expect(pair.clientRecorder.errors.isEmpty && pair.serverRecorder.errors.isEmpty)
    }

    @Test("data crosses both ways intact in writes of 1 byte, 1 KiB, 16 KiB + 1 and 1 MiB", arguments: [1, 1024, 16_385, 1 << 20])
    func dataBothWays(chunkSize: Int) throws {
        let pair = try InMemoryPair.standard(pki)
        defer { pair.finish() }
        try pair.handshake()

        let total = max(chunkSize * 3, 4096)
        let payload = (0..<total).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        for (sender, receiver) in [(pair.client, pair.serverRecorder), (pair.server, pair.clientRecorder)] {
            var offset = 0
            while offset < payload.count {
                let end = min(offset + chunkSize, payload.count)
                sender.write(ByteBuffer(bytes: payload[offset..<end]), promise: nil)
                if (offset / chunkSize) % 7 == 0 { sender.flush() }
                offset = end
            }
            sender.flush()
            try pair.pump()
            #expect(receiver.received.readableBytes == payload.count)
            #expect(receiver.received.getBytes(at: receiver.received.readerIndex, length: payload.count) == payload)
        }
        #expect(pair.clientRecorder.errors.isEmpty && pair.serverRecorder.errors.isEmpty)
    }

    @Test("data arriving one ciphertext byte at a time is reassembled")
    func ciphertextOneByteAtATime() throws {
        let pair = try InMemoryPair.standard(pki)
        defer { pair.finish() }
        try pair.connect()
        // The whole handshake, then a record, each fed to the peer byte by byte.
        for _ in 0..<10 {
            for (from, to) in [(pair.client, pair.server), (pair.server, pair.client)] {
                for chunk in try pair.drainOutbound(from) {
                    for byte in chunk.readableBytesView where to.isActive {
                        try to.writeInbound(ByteBuffer(bytes: [byte]))
                    }
                }
            }
        }
        #expect(pair.clientRecorder.handshake != nil && pair.serverRecorder.handshake != nil)
        pair.client.writeAndFlush(ByteBuffer(string: "sedikit demi sedikit"), promise: nil)
        for chunk in try pair.drainOutbound(pair.client) {
            for byte in chunk.readableBytesView { try pair.server.writeInbound(ByteBuffer(bytes: [byte])) }
        }
        #expect(String(buffer: pair.serverRecorder.received) == "sedikit demi sedikit")
    }

    @Test("writes queued before the handshake completes are delivered after it, in order, and their promises succeed")
    func writesBeforeHandshake() throws {
        let pair = try InMemoryPair.standard(pki)
        defer { pair.finish() }
        let first = pair.client.eventLoop.makePromise(of: Void.self)
        let second = pair.client.eventLoop.makePromise(of: Void.self)
        pair.client.write(ByteBuffer(string: "satu "), promise: first)
        pair.client.writeAndFlush(ByteBuffer(string: "dua "), promise: second)
        try pair.connect()
        pair.client.writeAndFlush(ByteBuffer(string: "tiga"), promise: nil)
        pair.server.writeAndFlush(ByteBuffer(string: "server first"), promise: nil)
        try pair.pump()

        #expect(String(buffer: pair.serverRecorder.received) == "satu dua tiga")
        #expect(String(buffer: pair.clientRecorder.received) == "server first")
        #expect(completedResult(of: first.futureResult)?.isSuccess == true)
        #expect(completedResult(of: second.futureResult)?.isSuccess == true)
    }

    @Test("a write that was never flushed stays queued and fails when the connection closes")
    func unflushedWriteFailsOnClose() throws {
        let pair = try InMemoryPair.standard(pki)
        defer { pair.finish() }
        try pair.handshake()
        let promise = pair.client.eventLoop.makePromise(of: Void.self)
        pair.client.write(ByteBuffer(string: "never flushed"), promise: promise)
        pair.client.close(promise: nil)
        try pair.pump()
        let failure = completedResult(of: promise.futureResult)?.failure
        #expect((failure as? TLSError)?.code == .closed)
        #expect(pair.serverRecorder.received.readableBytes == 0)
    }

    @Test("close_notify from either side is answered by the other and both channels close cleanly", arguments: ["client", "server"])
    func closeNotify(initiator: String) throws {
        let pair = try InMemoryPair.standard(pki)
        defer { pair.finish() }
        try pair.handshake()
        let (closer, other) = initiator == "client" ? (pair.client, pair.server) : (pair.server, pair.client)
        closer.writeAndFlush(ByteBuffer(string: "terakhir"), promise: nil)
        let closed = closer.close()
        #expect(closer.isActive, "the closer waits for the peer's close_notify")
        try pair.pump()

        #expect(!closer.isActive && !other.isActive)
        #expect(completedResult(of: closed)?.isSuccess == true)
        let otherRecorder = initiator == "client" ? pair.serverRecorder : pair.clientRecorder
        #expect(String(buffer: otherRecorder.received) == "terakhir")
        #expect(pair.clientRecorder.errors.isEmpty, "\(pair.clientRecorder.errors)")
        #expect(pair.serverRecorder.errors.isEmpty, "\(pair.serverRecorder.errors)")
    }

    @Test("a peer that never answers close_notify is cut off at the shutdown timeout")
    func shutdownTimeout() throws {
        let pair = try InMemoryPair.standard(pki, adjustClient: { $0.shutdownTimeout = .milliseconds(200) })
        defer { pair.finish() }
        try pair.handshake()
        let closed = pair.client.close()
        _ = try pair.drainOutbound(pair.client)  // the close_notify is lost
        #expect(pair.client.isActive)
        pair.client.embeddedEventLoop.advanceTime(by: .milliseconds(250))
        #expect(completedResult(of: closed)?.isSuccess == true)
        #expect(!pair.client.isActive)
    }

    @Test("a transport that ends without close_notify is reported as an unclean shutdown (truncation)")
    func truncationDetected() throws {
        let pair = try InMemoryPair.standard(pki)
        defer { pair.finish() }
        try pair.handshake()
        pair.server.writeAndFlush(ByteBuffer(string: "potongan"), promise: nil)
        try pair.pump()
        // The server's TCP connection goes away without a close_notify.
        pair.client.pipeline.fireChannelInactive()
        #expect(pair.clientRecorder.tlsErrors.map(\.code) == [.uncleanShutdown])
        #expect(String(buffer: pair.clientRecorder.received) == "potongan")
    }

    @Test("with half-closure allowed, a FIN without close_notify is also reported as truncation")
    func halfClosureTruncation() throws {
        let pair = try InMemoryPair.standard(pki)
        defer { pair.finish() }
        try pair.handshake()
        pair.client.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        #expect(pair.clientRecorder.tlsErrors.map(\.code) == [.uncleanShutdown])
        #expect(!pair.client.isActive)
    }

    @Test("a transport that ends during the handshake fails the handshake and the queued writes")
    func closedDuringHandshake() throws {
        let pair = try InMemoryPair.standard(pki)
        defer { pair.finish() }
        let promise = pair.client.eventLoop.makePromise(of: Void.self)
        pair.client.writeAndFlush(ByteBuffer(string: "menunggu"), promise: promise)
        try pair.connect()
        pair.client.pipeline.fireChannelInactive()
        #expect(completedResult(of: promise.futureResult)?.failure is TLSError)
        #expect(pair.clientRecorder.tlsErrors.map(\.code) == [.handshakeFailed])
    }

    @Test("closing during the handshake closes the transport without SSL_shutdown")
    func closeDuringHandshake() throws {
        let pair = try InMemoryPair.standard(pki)
        defer { pair.finish() }
        try pair.connect()
        _ = try pair.drainOutbound(pair.client)  // the ClientHello
        try pair.client.close().wait()
        #expect(try pair.drainOutbound(pair.client).isEmpty, "no close_notify or alert is sent")
        #expect(!pair.client.isActive)
    }

    @Test("a flipped bit in an application record is refused and the connection closed")
    func tamperedRecord() throws {
        let pair = try InMemoryPair.standard(pki)
        defer { pair.finish() }
        try pair.handshake()
        pair.client.writeAndFlush(ByteBuffer(string: "nilai kinerja: 95"), promise: nil)
        var record = try #require(try pair.drainOutbound(pair.client).first)
        let last = record.writerIndex - 1
        record.setInteger(record.getInteger(at: last, as: UInt8.self).map { $0 ^ 0x01 } ?? 0, at: last)
        try pair.server.writeInbound(record)
        #expect(pair.serverRecorder.tlsErrors.map(\.code) == [.protocolFailure])
        #expect(pair.serverRecorder.received.readableBytes == 0)
        #expect(!pair.server.isActive)
        let alert = try pair.drainOutbound(pair.server)
        #expect(!alert.isEmpty, "the bad_record_mac alert goes out before the close")
    }
}
