import KinerjaASN
import KinerjaCrypto
import Foundation
import KinerjaPlanning
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// Amendments of the ekspektasi khusus after approval, through the real RPCs
/// (docs/PLANNING.md, "Amendments").
@Suite("Ekspektasi khusus amended after approval")
struct AmendmentTests {
    static func expectation(_ text: String, _ value: Common.BerakhlakValue = .berorientasiPelayanan, rhk: String = "") -> Planning.BehaviourExpectation {
        Planning.BehaviourExpectation(value: value, ekspektasiKhusus: text, rhkID: rhk)
    }

    @Test("the penilai amends an approved SKP: the version, its revision and its stamp stay; each amendment is kept; the owner sees the new ones once, at their next read")
    func amendAndNotify() async throws {
        try await withInMemoryPlanning { p in
            let approved = try await p.approvedPegawai()
            let first = try await p.client.amendBehaviourExpectations(Planning.AmendBehaviourExpectationsRequest(
                skpID: approved.skp.skpID, expectations: [Self.expectation("Merespons pengaduan warga dalam 1×24 jam")],
                reason: "menegaskan waktu respons"), options: approved.atasan)
            let amendment = try #require(first.amendment)
            #expect(amendment.version == 1 && !amendment.amendmentID.isEmpty && amendment.seenByOwner == nil)
            #expect(amendment.amended?.principal == (try p.nip("atasan")))
            #expect(amendment.expectations.first?.setBy?.principal == (try p.nip("atasan")))
            _ = try await p.client.amendBehaviourExpectations(Planning.AmendBehaviourExpectationsRequest(
                skpID: approved.skp.skpID, expectations: [Self.expectation("Merespons pengaduan warga dalam 1×12 jam"),
                                                          Self.expectation("Menyelesaikan perekaman tanpa antrean", .kompeten, rhk: approved.rhkID)],
                reason: "target respons dipercepat"), options: approved.atasan)

            // Others' reads do not mark them read.
            let bossRead = try await p.client.getSkp(Planning.GetSkpRequest(skpID: approved.skp.skpID), options: approved.atasan)
            #expect(bossRead.newAmendments.isEmpty)
            #expect(bossRead.skp?.amendments.count == 2 && bossRead.skp?.amendments.allSatisfy { $0.seenByOwner == nil } == true)

            // The owner's next read is the notification.
            let read = try await p.client.getSkp(Planning.GetSkpRequest(skpID: approved.skp.skpID), options: approved.options)
            #expect(read.newAmendments.map(\.reason) == ["menegaskan waktu respons", "target respons dipercepat"])
            #expect(read.newAmendments.allSatisfy { $0.seenByOwner != nil })
            let skp = try #require(read.skp)
            #expect(skp.version == 1 && skp.state == .disetujui && skp.revision == approved.skp.revision)
            #expect(skp.behaviourExpectations == approved.skp.behaviourExpectations, "the approved version is not edited")
            #expect(SkpDocumentHash.verify(skp) == .verified)
            #expect(skp.amendments.count == 2)
            let again = try await p.client.getSkp(Planning.GetSkpRequest(skpID: approved.skp.skpID), options: approved.options)
            #expect(again.newAmendments.isEmpty)
            #expect(again.skp?.amendments.allSatisfy { $0.seenByOwner != nil } == true)

            // The expectations in force are the latest amendment's (GetRhk), and a revision starts from them.
            let rhk = try await p.client.getRhk(Planning.GetRhkRequest(rhkID: approved.rhkID), options: approved.options)
            #expect(Set(rhk.behaviourExpectations.map(\.ekspektasiKhusus))
                == ["Merespons pengaduan warga dalam 1×12 jam", "Menyelesaikan perekaman tanpa antrean"])
            let revised = try #require(try await p.client.reviseSkp(Planning.ReviseSkpRequest(skpID: approved.skp.skpID, reason: "perubahan target"),
                                                                    options: approved.options).skp)
            #expect(revised.behaviourExpectations.map(\.ekspektasiKhusus)
                == ["Merespons pengaduan warga dalam 1×12 jam", "Menyelesaikan perekaman tanpa antrean"])
            #expect(revised.amendments.isEmpty)
            // While the revision is drafted, the approved version stays amendable.
            _ = try await p.client.amendBehaviourExpectations(Planning.AmendBehaviourExpectationsRequest(
                skpID: approved.skp.skpID, expectations: [Self.expectation("Merespons pengaduan warga dalam 1×6 jam")],
                reason: "target respons dipercepat lagi"), options: approved.atasan)
            let v1 = try await p.client.getSkp(Planning.GetSkpRequest(skpID: approved.skp.skpID, version: 1), options: approved.atasan)
            #expect(v1.skp?.amendments.count == 3)
        }
    }

    @Test("bad amendments get a clear status and change nothing: not approved, no reason, unknown RHK, duplicates, not the penilai, unknown SKP")
    func refusals() async throws {
        try await withInMemoryPlanning { p in
            let (boss, mine) = try await p.pegawaiDraft()
            _ = boss
            let atasan = try p.signIn("atasan")
            let before = try await p.snapshot()
            let draft = await rpcError { try await p.client.amendBehaviourExpectations(Planning.AmendBehaviourExpectationsRequest(
                skpID: mine.skp.skpID, expectations: [Self.expectation("x")], reason: "y"), options: atasan) }
            #expect(draft?.code == .failedPrecondition)
            #expect(draft?.message.contains("none is approved") == true)
            #expect(try await p.snapshot() == before)

            _ = try await p.client.submitSkp(Planning.SubmitSkpRequest(skpID: mine.skp.skpID), options: mine.options)
            _ = try await p.client.approveSkp(Planning.ApproveSkpRequest(skpID: mine.skp.skpID), options: atasan)
            let approved = try await p.snapshot()
            func amend(_ expectations: [Planning.BehaviourExpectation], reason: String = "karena",
                       skpID: String? = nil, as options: CallOptions? = nil) async -> RPCError? {
                await rpcError { try await p.client.amendBehaviourExpectations(Planning.AmendBehaviourExpectationsRequest(
                    skpID: skpID ?? mine.skp.skpID, expectations: expectations, reason: reason), options: options ?? atasan) }
            }
            let noReason = await amend([Self.expectation("x")], reason: " ")
            #expect(noReason?.code == .invalidArgument && noReason?.message.contains("reason") == true)
            #expect(await amend([Self.expectation("x")], reason: String(repeating: "r", count: 1001))?.code == .invalidArgument)
            #expect(await amend([Self.expectation("x", rhk: "01JNOSUCHRHK0000000000000")])?.code == .notFound)
            #expect(await amend([Self.expectation("x"), Self.expectation("y")])?.code == .invalidArgument)
            #expect(await amend([Self.expectation("")])?.code == .invalidArgument)
            #expect(await amend([Planning.BehaviourExpectation(value: .unspecified, ekspektasiKhusus: "x")])?.code == .invalidArgument)
            #expect(await amend([Self.expectation("x")], as: mine.options)?.code == .permissionDenied)
            #expect(await amend([Self.expectation("x")], as: try p.signIn("pengelola"))?.code == .permissionDenied)
            #expect(await amend([Self.expectation("x")], skpID: "01JNOSUCHSKP000000000000000")?.code == .notFound)
            #expect(await amend([Self.expectation("x")], skpID: "")?.code == .invalidArgument)
            #expect(try await p.snapshot() == approved)
        }
    }
}
