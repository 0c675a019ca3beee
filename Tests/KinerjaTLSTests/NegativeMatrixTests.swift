import KinerjaTLS
import NIOCore
import NIOEmbedded
import NIOPosix
import Testing

/// One refusal: what the peer presents or does, what our server reports, and what the peer sees.
struct ServerRefusal: Sendable, CustomTestStringConvertible {
    var name: String
    /// The certificate `openssl s_client` presents (nil: none); see `TestPKI.bad`.
    var certificate: String?
    var extra: [String] = []
    var alpn: String? = "kinerja-rpc/1"
    var serverCode: TLSError.Code
    var serverMessage: String
    /// What s_client prints when refused.
    var peerSees: String

    var testDescription: String { name }
}

@Suite("Negative matrix: every refusal, with the error each side sees")
struct NegativeMatrixTests {
    let pki: TestPKI

    init() throws { pki = try TestPKI.shared() }

    static let serverRefusals: [ServerRefusal] = [
        .init(name: "no client certificate", certificate: nil, serverCode: .peerCertificateRejected,
              serverMessage: "no certificate", peerSees: "alert certificate required"),
        .init(name: "expired client certificate", certificate: "expired", serverCode: .peerCertificateRejected,
              serverMessage: "certificate has expired", peerSees: "alert certificate expired"),
        .init(name: "client certificate not yet valid", certificate: "not-yet-valid", serverCode: .peerCertificateRejected,
              serverMessage: "certificate is not yet valid", peerSees: "alert bad certificate"),
        .init(name: "client certificate from another CA", certificate: "other-ca", serverCode: .peerCertificateRejected,
              serverMessage: "unable to get local issuer certificate", peerSees: "alert unknown ca"),
        .init(name: "CA:TRUE leaf", certificate: "ca-leaf", serverCode: .peerCertificateRejected,
              serverMessage: "is a CA", peerSees: "alert bad certificate"),
        .init(name: "leaf with keyCertSign", certificate: "key-cert-sign", serverCode: .peerCertificateRejected,
              serverMessage: "keyCertSign", peerSees: "alert bad certificate"),
        .init(name: "two URI SANs", certificate: "two-uris", serverCode: .peerCertificateRejected,
              serverMessage: "has 2 URI SANs", peerSees: "alert bad certificate"),
        .init(name: "no URI SAN", certificate: "no-uri", serverCode: .peerCertificateRejected,
              serverMessage: "has 0 URI SANs", peerSees: "alert bad certificate"),
        .init(name: "URI SAN of another trust domain", certificate: "foreign-domain", serverCode: .peerCertificateRejected,
              serverMessage: "not in trust domain", peerSees: "alert bad certificate"),
        .init(name: "TLS 1.1", certificate: "good", extra: ["-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0"],
              serverCode: .handshakeFailed, serverMessage: "unsupported protocol", peerSees: "alert protocol version"),
        .init(name: "TLS 1.2 against the TLS 1.3-only default", certificate: "good", extra: ["-tls1_2"],
              serverCode: .handshakeFailed, serverMessage: "unsupported protocol", peerSees: "alert protocol version"),
        .init(name: "a wrong ALPN protocol", certificate: "good", alpn: "h2",
              serverCode: .noApplicationProtocol, serverMessage: "offered none", peerSees: "alert no application protocol"),
        .init(name: "no ALPN at all", certificate: "good", alpn: nil,
              serverCode: .noApplicationProtocol, serverMessage: "offered none", peerSees: "alert no application protocol"),
    ]

    @Test("our server refuses openssl s_client presenting", arguments: serverRefusals)
    func serverRefuses(_ refusal: ServerRefusal) async throws {
        let server = try await LoopbackServer.start(context: pki.context(pki.service("planning")))
        defer { Task { try? await server.stop() } }
        let certificate = refusal.certificate.map { $0 == "good" ? pki.client("operator") : pki.bad($0) }
        let result = try await Peers.sClient(
            port: server.port, pki: pki, certificate: certificate, alpn: refusal.alpn, extra: refusal.extra
        )
        #expect(result.status != 0, "\(result)")
        #expect(!result.output.contains("hello\nQUIT"), "no application data may cross")
        #expect(result.output.contains(refusal.peerSees), "\(result)")
        try await server.log.wait { $0.closedCount == 1 }
        let error = try #require(server.log.errors.first, "\(server.log.all)")
        #expect(error.code == refusal.serverCode, "\(error)")
        #expect(error.message.contains(refusal.serverMessage) || "\(error)".contains(refusal.serverMessage), "\(error)")
        #expect(server.log.handshakes.isEmpty)
    }

    @Test("with a CRL configured, a revoked client certificate is refused and an unrevoked one accepted")
    func revokedClient() throws {
        let refused = try InMemoryPair.standard(
            pki, client: pki.bad("revoked"), adjustServer: { $0.revocationListFile = pki.revocationListFile }
        )
        defer { refused.finish() }
        try refused.handshake()
        #expect(refused.serverRecorder.handshake == nil)
        #expect(refused.serverRecorder.tlsErrors.first?.message.contains("certificate revoked") == true, "\(refused.serverRecorder.errors)")
        #expect(refused.clientRecorder.tlsErrors.first?.message.contains("certificate_revoked") == true, "\(refused.clientRecorder.errors)")

        let accepted = try InMemoryPair.standard(pki, adjustServer: { $0.revocationListFile = pki.revocationListFile })
        defer { accepted.finish() }
        try accepted.handshake()
        #expect(accepted.serverRecorder.handshake?.peer.name == "hr-portal")
    }

    @Test("Python's ssl client without a certificate is refused with certificate_required")
    func pythonWithoutCertificate() async throws {
        let server = try await LoopbackServer.start(context: pki.context(pki.service("planning")))
        defer { Task { try? await server.stop() } }
        let result = try await Peers.python(port: server.port, pki: pki, certificate: nil)
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains("CERTIFICATE_REQUIRED"), "\(result)")
        try await server.log.wait { $0.closedCount == 1 }
        #expect(server.log.errors.first?.code == .peerCertificateRejected)
    }

    @Test("garbage instead of a ClientHello is refused and the connection closed")
    func garbage() async throws {
        let server = try await LoopbackServer.start(context: pki.context(pki.service("planning")))
        defer { Task { try? await server.stop() } }
        let raw = try await RawClient.connect(port: server.port)
        raw.send("GET / HTTP/1.1\r\nHost: kinerja\r\n\r\n")
        let received = try await raw.closed()
        // Either nothing or a plaintext alert record (content type 21) comes back; never a ServerHello.
        #expect(received.first.map { $0 == 21 } ?? true, "\(received)")
        try await server.log.wait { $0.closedCount == 1 }
        let error = try #require(server.log.errors.first)
        #expect(error.code == .handshakeFailed, "\(error)")
        #expect(error.message.contains("http request") || error.message.contains("wrong version number"), "\(error)")
    }

    @Test("a peer that stops mid-handshake is closed at the handshake timeout")
    func stalledPeer() async throws {
        let server = try await LoopbackServer.start(context: pki.context(pki.service("planning")) {
            $0.handshakeTimeout = .milliseconds(300)
        })
        defer { Task { try? await server.stop() } }
        let start = ContinuousClock.now
        let raw = try await RawClient.connect(port: server.port)
        // The first bytes of a TLS record header and a ClientHello, then nothing.
        raw.send(bytes: [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01])
        _ = try await raw.closed()
        let elapsed = ContinuousClock.now - start
        // Closed by the handshake timeout (300 ms here), not before it. No upper bound: a loaded
        // machine may run the timer late, and timing is for benchmarks, not tests.
        #expect(elapsed >= .milliseconds(250), "\(elapsed)")
        try await server.log.wait { $0.closedCount == 1 }
        #expect(server.log.errors.first?.code == .handshakeTimeout)
    }

    @Test("a stalled handshake times out at the default 10 s on the event loop's clock")
    func defaultHandshakeTimeout() throws {
        let pair = try InMemoryPair.standard(pki)
        defer { pair.finish() }
        try pair.connect()
        _ = try pair.drainOutbound(pair.client)  // the ClientHello never arrives
        pair.server.embeddedEventLoop.advanceTime(by: .seconds(9))
        #expect(pair.server.isActive)
        pair.server.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!pair.server.isActive)
        #expect(pair.serverRecorder.tlsErrors.map(\.code) == [.handshakeTimeout])
    }

    /// One refusal by our client of the server it reached.
    struct ClientRefusal: Sendable, CustomTestStringConvertible {
        var name: String
        var serverCertificate: String
        var alpn: String? = "kinerja-rpc/1"
        var clientCode: TLSError.Code
        var clientMessage: String
        var serverSees: String
        var testDescription: String { name }
    }

    static let clientRefusals: [ClientRefusal] = [
        .init(name: "the wrong service (reporting instead of planning)", serverCertificate: "reporting",
              clientCode: .peerIdentityMismatch, clientMessage: "expected spiffe://kinerja.kupangkota.go.id/service/planning",
              serverSees: "alert bad certificate"),
        .init(name: "an expired server certificate", serverCertificate: "expired",
              clientCode: .peerCertificateRejected, clientMessage: "certificate has expired", serverSees: "alert certificate expired"),
        .init(name: "a server certificate from another CA", serverCertificate: "other-ca",
              clientCode: .peerCertificateRejected, clientMessage: "unable to get local issuer", serverSees: "alert unknown ca"),
        .init(name: "a server with two URI SANs", serverCertificate: "two-uris",
              clientCode: .peerCertificateRejected, clientMessage: "2 URI SANs", serverSees: "alert bad certificate"),
        .init(name: "a server that selects no ALPN protocol", serverCertificate: "planning", alpn: nil,
              clientCode: .noApplicationProtocol, clientMessage: "selected none",
              // The TLS 1.3 handshake is complete on the server's side; it sees the connection close with no data.
              serverSees: "1 server accepts that finished"),
    ]

    @Test("our client refuses openssl s_server presenting", arguments: clientRefusals)
    func clientRefuses(_ refusal: ClientRefusal) async throws {
        let files = ["planning", "reporting"].contains(refusal.serverCertificate)
            ? pki.service(refusal.serverCertificate) : pki.bad(refusal.serverCertificate)
        try await Peers.withSServer(pki: pki, certificate: files, alpn: refusal.alpn) { sServer, port in
            let client = try await LoopbackClient.connect(
                port: port, context: pki.context(pki.client("hr-portal")), expecting: PeerIdentity(kind: .service, name: "planning")
            )
            await #expect(throws: TLSError.self) { _ = try await client.handler.handshake.futureResult.get() }
            try await client.handler.log.wait { $0.closedCount == 1 }
            let error = try #require(client.handler.log.errors.first)
            #expect(error.code == refusal.clientCode, "\(error)")
            #expect(error.message.contains(refusal.clientMessage), "\(error)")
            let result = await sServer.finish(timeout: .seconds(5))
            #expect(result.output.contains(refusal.serverSees), "\(result)")
        }
    }
}

/// A plain TCP client that sends raw bytes and collects whatever comes back until the server closes.
final class RawClient: Sendable {
    final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let bytes = EventLogBytes()
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            bytes.append(unwrapInboundIn(data).readableBytesView)
        }
    }

    let channel: any Channel
    let collector: Collector

    private init(channel: any Channel, collector: Collector) {
        self.channel = channel
        self.collector = collector
    }

    static func connect(port: Int) async throws -> RawClient {
        let collector = Collector()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(collector) }
            }
            .connect(host: "127.0.0.1", port: port)
            .get()
        return RawClient(channel: channel, collector: collector)
    }

    func send(_ text: String) { channel.writeAndFlush(ByteBuffer(string: text), promise: nil) }
    func send(bytes: [UInt8]) { channel.writeAndFlush(ByteBuffer(bytes: bytes), promise: nil) }

    /// Waits for the server to close (at most 10 s) and returns what it sent.
    func closed() async throws -> [UInt8] {
        let timeout = channel.eventLoop.scheduleTask(in: .seconds(10)) { [channel] in channel.close(promise: nil) }
        try await channel.closeFuture.get()
        timeout.cancel()
        return collector.bytes.all
    }
}
