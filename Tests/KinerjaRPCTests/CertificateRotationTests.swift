import Foundation
import KinerjaProto
import KinerjaRPC
import KinerjaTLS
import Synchronization
import Testing

/// Issue 18, certificates: health reports when the server's certificate expires, and a rotation
/// (a renewed certificate, the context reloaded as SIGHUP does) under load loses no call.
@Suite("Certificate expiry in health, rotation under load", .serialized)
struct CertificateRotationTests {
    /// The notAfter of the certificate in `path`, as openssl prints it, in seconds since the epoch.
    static func notAfter(_ path: String) async throws -> Int64 {
        let result = try await runProgram("/bin/bash", ["-c", "date -u -d \"$(openssl x509 -enddate -noout -in \"$1\" | cut -d= -f2)\" +%s", "-", path])
        return try #require(Int64(result.out.trimmingCharacters(in: .whitespacesAndNewlines)), "\(result)")
    }

    /// Copies planning's certificate and key where the test may overwrite them.
    static func servedFiles() throws -> (certificate: String, key: String) {
        let dir = try RPCTestPKI.directory()
        let folder = NSTemporaryDirectory() + "kinerja-rpc-rotation-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let files = ("\(folder)/planning.pem", "\(folder)/planning.key")
        try FileManager.default.copyItem(atPath: "\(dir)/service/planning.pem", toPath: files.0)
        try FileManager.default.copyItem(atPath: "\(dir)/service/planning.key", toPath: files.1)
        return files
    }

    /// Issues a renewed planning certificate (new key and serial, `days` of validity) over `files`.
    static func renew(_ files: (certificate: String, key: String), days: Int) async throws {
        let script = """
        set -euo pipefail
        cd "$(dirname "$1")"
        openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out renewed.key 2>/dev/null
        openssl req -new -key renewed.key -subj "/CN=service:planning" -out renewed.csr
        printf 'basicConstraints=critical,CA:FALSE\\nkeyUsage=critical,digitalSignature\\nextendedKeyUsage=serverAuth,clientAuth\\nsubjectAltName=URI:spiffe://kinerja.kupangkota.go.id/service/planning\\n' > renewed.ext
        openssl x509 -req -in renewed.csr -CA "$2/ca.pem" -CAkey "$2/ca.key" -set_serial "0x$(openssl rand -hex 16)" \\
            -days "$4" -extfile renewed.ext -out renewed.pem 2>/dev/null
        mv renewed.key "$3"
        mv renewed.pem "$1"
        """
        let result = try await runProgram("/bin/bash", ["-c", script, "renew", files.certificate, try RPCTestPKI.directory(), files.key, "\(days)"])
        #expect(result.status == 0, "\(result)")
    }

    @Test("health answers with the notAfter of the certificate the server presents")
    func healthReportsExpiry() async throws {
        let fixture = try await RPCFixture.start()
        let client = try fixture.client()
        let health = RPC.HealthService.Client(transport: client)
        let answer = try await health.check(RPC.CheckRequest(service: ""))
        let expected = try await Self.notAfter(try RPCTestPKI.directory() + "/service/planning.pem")
        #expect(answer.certificateNotAfter?.seconds == expected)
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("rotating the certificate five times under load loses no call; health then reports the new notAfter")
    func rotationUnderLoad() async throws {
        let files = try Self.servedFiles()
        let tls = try TLSContext(configuration: TLSConfiguration(certificateChainFile: files.certificate, privateKeyFile: files.key,
                                                                 trustRootsFile: try RPCTestPKI.directory() + "/ca.pem"))
        let server = RPCServer(configuration: .init(port: 0, tls: tls), services: [TestService()])
        let port = try await server.start()
        let fixture = RPCFixture(server: server, port: port, service: TestService())
        let counts = Counts()
        final class Flag: Sendable { let raised = Atomic<Bool>(false) }
        let stop = Flag()
        // Eight callers, each opening a new connection every ten calls, so that connections opened
        // before, during and after each rotation all carry calls.
        let load = Task {
            await withTaskGroup(of: Void.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        while !stop.raised.load(ordering: .relaxed) {
                            guard let client = try? fixture.client() else { counts.failures.add(1, ordering: .relaxed); return }
                            for i in 0..<10 {
                                do {
                                    let _: Message = try await client.unary(TestService.echo, Message(key: "\(worker)", value: "\(i)"), options: .defaults)
                                    counts.successes.add(1, ordering: .relaxed)
                                } catch {
                                    counts.failures.add(1, ordering: .relaxed)
                                    counts.record(error)
                                }
                            }
                            await client.close()
                        }
                    }
                }
            }
        }
        for round in 0..<5 {
            try await Task.sleep(for: .milliseconds(150))
            try await Self.renew(files, days: 10 + round)
            try tls.reload()
        }
        try await Task.sleep(for: .milliseconds(150))
        stop.raised.store(true, ordering: .relaxed)
        await load.value
        #expect(counts.failures.load(ordering: .relaxed) == 0, "\(counts.errors.prefix(5))")
        #expect(counts.successes.load(ordering: .relaxed) > 80)

        let client = try fixture.client()
        let answer = try await RPC.HealthService.Client(transport: client).check(RPC.CheckRequest(service: ""))
        let renewed = try await Self.notAfter(files.certificate)
        #expect(answer.certificateNotAfter?.seconds == renewed)
        #expect(tls.certificateNotAfter == renewed)
        await client.close()
        await server.shutdown()
    }
}
