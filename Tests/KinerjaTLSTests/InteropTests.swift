import KinerjaTLS
import NIOCore
import NIOPosix
import Testing

@Suite("Interop with independent TLS peers over loopback sockets")
struct InteropTests {
    let pki: TestPKI

    init() throws { pki = try TestPKI.shared() }

    func startServer(_ adjust: (inout TLSConfiguration) -> Void = { _ in }) async throws -> LoopbackServer {
        try await LoopbackServer.start(context: pki.context(pki.service("planning"), adjust))
    }

    @Test("openssl s_client with a client certificate and kinerja-rpc/1 gets TLS 1.3 and its echo")
    func sClientWithCertificate() async throws {
        let server = try await startServer()
        defer { Task { try? await server.stop() } }
        let result = try await Peers.sClient(port: server.port, pki: pki, certificate: pki.client("operator"), extra: ["-brief"])
        #expect(result.status == 0, "\(result)")
        #expect(result.output.contains("Protocol version: TLSv1.3"), "\(result)")
        #expect(result.output.contains("hello\nQUIT"), "\(result)")
        try await server.log.wait { $0.handshakes.count == 1 }
        #expect(server.log.handshakes.first?.peer.uri == "spiffe://kinerja.kupangkota.go.id/client/operator")
        #expect(server.log.errors.isEmpty, "\(server.log.errors)")
    }

    @Test("openssl s_client -tls1_2 succeeds when TLS 1.2 is allowed, with an ECDHE AEAD suite")
    func sClientTLS12WhenAllowed() async throws {
        let server = try await startServer { $0.minimumVersion = .tls12 }
        defer { Task { try? await server.stop() } }
        let result = try await Peers.sClient(
            port: server.port, pki: pki, certificate: pki.client("operator"), extra: ["-tls1_2", "-brief"]
        )
        #expect(result.status == 0, "\(result)")
        #expect(result.output.contains("Protocol version: TLSv1.2"), "\(result)")
        #expect(result.output.contains("Ciphersuite: ECDHE-ECDSA-AES"), "\(result)")
        #expect(result.output.contains("hello\nQUIT"), "\(result)")
    }

    @Test("Python's ssl module with a client certificate gets TLS 1.3, kinerja-rpc/1 and its echo")
    func pythonClient() async throws {
        let server = try await startServer()
        defer { Task { try? await server.stop() } }
        let result = try await Peers.python(port: server.port, pki: pki, certificate: pki.client("citizen-kiosk"))
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("version TLSv1.3 alpn kinerja-rpc/1"), "\(result)")
        #expect(result.stdout.contains("echo hello from python|QUIT|"), "\(result)")
        try await server.log.wait { $0.handshakes.count == 1 }
        #expect(server.log.handshakes.first?.peer.name == "citizen-kiosk")
    }

    @Test("our client against openssl s_server verifies it as service/planning and reads its answer")
    func ourClientAgainstSServer() async throws {
        try await Peers.withSServer(pki: pki, certificate: pki.service("planning")) { sServer, port in
            let client = try await LoopbackClient.connect(
                port: port, context: pki.context(pki.client("hr-portal")), expecting: PeerIdentity(kind: .service, name: "planning")
            )
            let handshake = try await client.handler.handshake.futureResult.get()
            #expect(handshake.peer.name == "planning")
            #expect(handshake.applicationProtocol == "kinerja-rpc/1")
            #expect(handshake.protocolVersion == "TLSv1.3")
            // s_server -rev answers each line reversed.
            let answer = try await client.echo("kinerja\n")
            #expect(answer.hasPrefix("ajrenik"))
            try await client.close()
            let result = await sServer.finish(timeout: .seconds(5))
            #expect(!result.timedOut, "\(result)")
        }
    }
}
