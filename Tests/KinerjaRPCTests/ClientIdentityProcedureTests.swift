import Foundation
import KinerjaProto
import KinerjaRPC
import KinerjaTLS
import Testing

/// docs/PROTOCOL.md, section 1.1: the operator procedure that gives a new system a client identity.
@Suite("A new system's client certificate", .serialized)
struct ClientIdentityProcedureTests {
    /// The shell block of section 1.1, as the document shows it.
    static func procedure() throws -> String {
        let document = try String(contentsOfFile: RPCTestPKI.root + "/docs/PROTOCOL.md", encoding: .utf8)
        let lines = document.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.contains("# issue-client-certificate") }),
              let end = lines[start...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "```" }) else {
            throw RPCTestError("PROTOCOL.md has no issue-client-certificate block")
        }
        return lines[start..<end].map { $0.hasPrefix("   ") ? String($0.dropFirst(3)) : String($0) }.joined(separator: "\n")
    }

    @Test("a certificate made by the procedure of PROTOCOL.md 1.1 with the deployment CA is accepted, and the server knows the caller as client/<name>")
    func procedureGivesAnIdentity() async throws {
        let pki = try RPCTestPKI.directory()
        let directory = NSTemporaryDirectory() + "kinerja-client-identity-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for file in ["ca.pem", "ca.key"] {
            try FileManager.default.copyItem(atPath: "\(pki)/\(file)", toPath: "\(directory)/\(file)")
        }
        let issued = try await runProgram("/bin/bash", ["-e", "-c", "cd \"$1\" && \(try Self.procedure())", "issue", directory],
                                          timeout: .seconds(60))
        #expect(issued.status == 0, "\(issued)")
        #expect(issued.out.contains("bkd-ntt.pem: OK"), "\(issued)")

        let fixture = try await RPCFixture.start()
        let client = RPCClient(configuration: ClientConfiguration(
            host: "127.0.0.1", port: fixture.port, serverIdentity: try PeerIdentity(kind: .service, name: "planning"),
            tls: try TLSContext(configuration: TLSConfiguration(
                certificateChainFile: "\(directory)/bkd-ntt.pem", privateKeyFile: "\(directory)/bkd-ntt.key",
                trustRootsFile: "\(directory)/ca.pem"))))
        let answer: Message = try await client.unary(TestService.whoAmI, Message(), options: .defaults)
        #expect(answer.key == "spiffe://kinerja.kupangkota.go.id/client/bkd-ntt")
        await client.close()
        await fixture.server.shutdown()
    }
}
