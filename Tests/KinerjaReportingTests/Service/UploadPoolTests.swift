import Foundation
import KinerjaCrypto
import KinerjaProto
import KinerjaReporting
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// Evidence uploads have a bounded pool of their own (`reporting.upload_slots`, docs/RELIABILITY.md
/// "Overload"): past it an upload is refused RESOURCE_EXHAUSTED before a byte is written.
@Suite("Reporting's upload pool")
struct UploadPoolTests {
    @Test("an upload past reporting.upload_slots is refused RESOURCE_EXHAUSTED, keeps nothing, and the slot comes back")
    func uploadPool() async throws {
        var section = ReportingConfiguration()
        section.uploadSlots = 1
        try await withReporting(section: section) { f in
            let pegawai = try await f.signIn("pegawai")
            let pool = try f.handlers.uploads
            let held = pdf("held open")
            let gate = AsyncStream<Void>.makeStream()
            // The first upload sends its header and holds its slot until the gate opens.
            let first = Task {
                try await f.client.uploadEvidence(options: pegawai) { writer in
                    try await writer.write(Reporting.UploadEvidenceRequest(item: .header(Reporting.EvidenceUploadHeader(
                        sha256: SHA256.hash(held), sizeBytes: UInt64(held.count), fileName: "held.pdf"))))
                    for await _ in gate.stream {}
                    try await writer.write(Reporting.UploadEvidenceRequest(item: .chunk(held)))
                }
            }
            try await waitUntil("the first upload holds the slot") { pool.inUse == 1 }
            let before = try FileManager.default.contentsOfDirectory(atPath: f.evidenceFolder).sorted()
            let second = pdf("refused")
            do {
                _ = try await f.client.upload(second, name: "second.pdf", callOptions: pegawai)
                Issue.record("a second upload was admitted with one slot taken")
            } catch let error as RPCError {
                #expect(error.code == .resourceExhausted)
                #expect(error.message.contains("evidence uploads"))
            }
            #expect(pool.refused == 1)
            #expect(try FileManager.default.contentsOfDirectory(atPath: f.evidenceFolder).sorted() == before, "nothing kept")
            gate.continuation.finish()
            _ = try await first.value
            try await waitUntil("the slot came back") { pool.inUse == 0 }
            let third = try await f.client.upload(pdf("after"), name: "third.pdf", callOptions: pegawai)
            #expect(third.evidence?.sha256 == SHA256.hash(pdf("after")))
        }
    }
}
