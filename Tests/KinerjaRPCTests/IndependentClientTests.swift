import Foundation
import Testing

/// Peers that are not our code: a Python client written from docs/PROTOCOL.md alone, against
/// the server running as its own process.
@Suite("Independent clients", .serialized)
struct IndependentClientTests {
    @Test("the Python client from PROTOCOL.md passes its selftest against a live server process, which then stops cleanly on SIGTERM")
    func pythonClient() async throws {
        let pki = try RPCTestPKI.directory()
        try await withServerProcess(pki: pki) { server in
            let script = RPCTestPKI.root + "/tools/kinerja_client.py"
            let result = try await runProgram("/usr/bin/python3", [
                script, "--ca", "\(pki)/ca.pem", "--cert", "\(pki)/client/hr-portal.pem", "--key", "\(pki)/client/hr-portal.key",
                "--port", String(server.port), "--server-identity", "spiffe://kinerja.kupangkota.go.id/service/planning",
                "selftest", "--also", "/kinerja.test.v1.EchoService/Echo", "--json", #"{"key":"nip","value":"198703122010011004"}"#,
            ])
            print(result.out)
            #expect(result.status == 0, "selftest failed: \(result)")
            #expect(result.out.contains("198703122010011004"))
            #expect(result.out.contains("0 failed"))

            let stream = try await runProgram("/usr/bin/python3", [
                script, "--ca", "\(pki)/ca.pem", "--cert", "\(pki)/client/hr-portal.pem", "--key", "\(pki)/client/hr-portal.key",
                "--port", String(server.port), "--server-identity", "spiffe://kinerja.kupangkota.go.id/service/planning",
                "call", "/kinerja.test.v1.EchoService/Repeat", "--json", #"{"key":"n","value":"500"}"#,
            ])
            #expect(stream.status == 0, "\(stream.err)")
            #expect(stream.out.split(separator: "\n").count == 500, "a 500-message stream needs WINDOW_UPDATE from the client")
            let stopped = await server.stop()
            #expect(stopped.status == 0 && !stopped.timedOut, "\(stopped)")
        }
    }

    @Test("a client that expects another service's identity refuses the server")
    func wrongIdentity() async throws {
        let pki = try RPCTestPKI.directory()
        try await withServerProcess(pki: pki) { server in
            let result = try await runProgram("/usr/bin/python3", [
                RPCTestPKI.root + "/tools/kinerja_client.py", "--ca", "\(pki)/ca.pem", "--cert", "\(pki)/client/hr-portal.pem",
                "--key", "\(pki)/client/hr-portal.key", "--port", String(server.port),
                "--server-identity", "spiffe://kinerja.kupangkota.go.id/service/identity",
                "call", "/kinerja.rpc.v1.HealthService/Check", "--json", "{}",
            ])
            #expect(result.status == 2)
        }
    }
}
