import Foundation
import KinerjaTLS
import NIOCore
import NIOPosix
import Testing

@Suite("Certificate reload without restart")
struct ReloadTests {
    let pki: TestPKI

    init() throws { pki = try TestPKI.shared() }

    /// Copies planning's certificate and key to files the test may overwrite.
    func servedFiles() throws -> (certificate: String, key: String) {
        let directory = NSTemporaryDirectory() + "kinerja-tls-reload-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let files = ("\(directory)/server.pem", "\(directory)/server.key")
        try FileManager.default.copyItem(atPath: pki.service("planning").certificate, toPath: files.0)
        try FileManager.default.copyItem(atPath: pki.service("planning").key, toPath: files.1)
        return files
    }

    /// Issues a renewed planning certificate (same identity, new serial and key) over `files`.
    func renew(_ files: (certificate: String, key: String)) async throws {
        let script = """
        set -euo pipefail
        cd "$(dirname "$1")"
        openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out renewed.key 2>/dev/null
        openssl req -new -key renewed.key -subj "/CN=service:planning" -out renewed.csr
        printf 'basicConstraints=critical,CA:FALSE\\nkeyUsage=critical,digitalSignature\\nextendedKeyUsage=serverAuth,clientAuth\\nsubjectAltName=URI:spiffe://kinerja.kupangkota.go.id/service/planning\\n' > renewed.ext
        openssl x509 -req -in renewed.csr -CA "$2/ca.pem" -CAkey "$2/ca.key" -set_serial "0x$(openssl rand -hex 16)" \
            -days 90 -extfile renewed.ext -out renewed.pem 2>/dev/null
        mv renewed.pem "$1"
        mv renewed.key "$3"
        """
        let result = try await run("/bin/bash", ["-c", script, "renew", files.certificate, pki.directory, files.key])
        #expect(result.status == 0, "\(result)")
    }

    func sha256(ofCertificate path: String) async throws -> [UInt8] {
        let result = try await run(Peers.openssl, ["x509", "-in", path, "-noout", "-fingerprint", "-sha256"])
        let hex = result.stdout.split(separator: "=").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        return hex.split(separator: ":").compactMap { UInt8($0, radix: 16) }
    }

    @Test("after reload() the next connection gets the renewed certificate while one opened before keeps working")
    func reloadServesNewCertificateToNewConnections() async throws {
        let files = try servedFiles()
        let serverContext = try TLSContext(configuration: pki.configuration(files))
        let server = try await LoopbackServer.start(context: serverContext)
        defer { Task { try? await server.stop() } }
        let clientContext = try pki.context(pki.client("hr-portal"))
        let planning = try PeerIdentity(kind: .service, name: "planning")

        let before = try await LoopbackClient.connect(port: server.port, context: clientContext, expecting: planning)
        let first = try await before.handler.handshake.futureResult.get()
        #expect(first.peerCertificateSHA256 == (try await sha256(ofCertificate: pki.service("planning").certificate)))
        #expect(try await before.echo("sebelum") == "sebelum")

        try await renew(files)
        try serverContext.reload()

        let after = try await LoopbackClient.connect(port: server.port, context: clientContext, expecting: planning)
        let second = try await after.handler.handshake.futureResult.get()
        #expect(second.peerCertificateSHA256 == (try await sha256(ofCertificate: files.certificate)))
        #expect(second.peerCertificateSHA256 != first.peerCertificateSHA256)
        #expect(second.peer == planning)
        #expect(try await after.echo("sesudah") == "sesudah")
        #expect(try await before.echo("masih hidup") == "masih hidup", "the connection opened before the reload continues")
        try await before.close()
        try await after.close()
    }

    @Test("a reload that fails (unreadable key) throws configurationInvalid and keeps serving the current certificate")
    func failedReloadKeepsCurrent() async throws {
        let files = try servedFiles()
        let serverContext = try TLSContext(configuration: pki.configuration(files))
        try Data("not a key".utf8).write(to: URL(fileURLWithPath: files.key))
        #expect(throws: TLSError.self) { try serverContext.reload() }
        do {
            try serverContext.reload()
        } catch {
            #expect(error.code == .configurationInvalid)
        }
        let server = try await LoopbackServer.start(context: serverContext)
        defer { Task { try? await server.stop() } }
        let client = try await LoopbackClient.connect(
            port: server.port, context: pki.context(pki.client("hr-portal")), expecting: PeerIdentity(kind: .service, name: "planning")
        )
        #expect(try await client.echo("tetap") == "tetap")
        try await client.close()
    }

    @Test("reload(configuration:) swaps the trust roots: clients of our CA are refused once only another CA is trusted")
    func reloadSwapsTrustRoots() throws {
        let serverContext = try pki.context(pki.service("planning"))
        var changed = serverContext.configuration
        changed.trustRootsFile = pki.otherCAFile
        try serverContext.reload(configuration: changed)
        let pair = try InMemoryPair(
            client: pki.context(pki.client("hr-portal")), server: serverContext,
            expecting: PeerIdentity(kind: .service, name: "planning")
        )
        defer { pair.finish() }
        // The client itself still trusts our CA, so only the server's check can refuse.
        try pair.handshake()
        #expect(pair.serverRecorder.handshake == nil)
        #expect(pair.serverRecorder.tlsErrors.first?.code == .peerCertificateRejected)
        #expect(pair.clientRecorder.tlsErrors.first?.code == .alertReceived)
    }
}
