import Foundation
import KinerjaPlanning
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// Planning's handlers over an in-memory directory: no identity process, tokens from a test key.
/// Fast, and the directory can be changed or made unavailable mid-test.
@Suite("Planning handlers over an in-memory directory")
struct InMemoryDirectoryTests {
    func withPlanning(_ body: (ServiceFixture<PlanningDefinition>, InMemoryIdentity, Planning.PlanningService.Client) async throws -> Void) async throws {
        let identity = try InMemoryIdentity()
        let fixture = try await ServiceFixture<PlanningDefinition>.start(inject: identity.inject)
        do {
            try await body(fixture, identity, Planning.PlanningService.Client(transport: try fixture.transport(as: .client("operator"))))
            await fixture.stop()
        } catch {
            await fixture.stop()
            throw error
        }
    }

    /// `persona`'s SKP for this year with one Utama RHK (under `parent` when given).
    func draft(_ client: Planning.PlanningService.Client, _ identity: InMemoryIdentity, _ persona: String, parent: String = "")
        async throws -> (skpID: String, rhkID: String) {
        let options = try identity.signIn(persona)
        let created = try #require(try await client.createSkp(
            Planning.CreateSkpRequest(nip: try identity.nip(persona), year: thisYear, approach: .kuantitatif), options: options).skp)
        let added = try await client.addRhk(Planning.AddRhkRequest(skpID: created.skpID, rhk: Planning.Rhk(
            kind: .utama, text: "Terlayaninya penerbitan KTP-el tepat waktu", parentRhkID: parent, ikis: [ktpIki()], cascadeType: parent.isEmpty ? .unspecified : .nonDirect)), options: options)
        return (created.skpID, try #require(added.rhk?.rhkID))
    }

    @Test("the atasan approves a submitted SKP; the owner, pimpinan and pengelola kinerja may not (while the atasan is there)")
    func approval() async throws {
        try await withPlanning { _, identity, client in
            let boss = try await draft(client, identity, "atasan")
            let mine = try await draft(client, identity, "pegawai", parent: boss.rhkID)
            _ = try await client.submitSkp(Planning.SubmitSkpRequest(skpID: mine.skpID), options: try identity.signIn("pegawai"))
            for persona in ["pegawai", "pimpinan", "pengelola"] {
                #expect(await statusCode { try await client.approveSkp(Planning.ApproveSkpRequest(skpID: mine.skpID),
                                                                       options: try identity.signIn(persona)) } == .permissionDenied)
            }
            let approved = try await client.approveSkp(Planning.ApproveSkpRequest(skpID: mine.skpID), options: try identity.signIn("atasan"))
            #expect(approved.skp?.state == .disetujui)
        }
    }

    @Test("when identity no longer answers, approval is UNAVAILABLE and the SKP stays DIAJUKAN")
    func identityDown() async throws {
        try await withPlanning { _, identity, client in
            let boss = try await draft(client, identity, "atasan")
            let mine = try await draft(client, identity, "pegawai", parent: boss.rhkID)
            _ = try await client.submitSkp(Planning.SubmitSkpRequest(skpID: mine.skpID), options: try identity.signIn("pegawai"))
            identity.directory.setUnavailable(true)
            #expect(await statusCode { try await client.approveSkp(Planning.ApproveSkpRequest(skpID: mine.skpID),
                                                                   options: try identity.signIn("atasan")) } == .unavailable)
            identity.directory.setUnavailable(false)
            let skp = try await client.getSkp(Planning.GetSkpRequest(skpID: mine.skpID), options: try identity.signIn("pegawai")).skp
            #expect(skp?.state == .diajukan)
        }
    }

    @Test("when identity moves the employee to another atasan, the recorded penilai can no longer decide")
    func atasanChanged() async throws {
        try await withPlanning { _, identity, client in
            let boss = try await draft(client, identity, "atasan")
            let mine = try await draft(client, identity, "pegawai", parent: boss.rhkID)
            _ = try await client.submitSkp(Planning.SubmitSkpRequest(skpID: mine.skpID), options: try identity.signIn("pegawai"))
            var moved = try #require(try await identity.directory.employee(try identity.nip("pegawai")))
            moved.atasanNIP = try identity.nip("pimpinan")
            identity.directory.set(moved)
            #expect(await statusCode { try await client.approveSkp(Planning.ApproveSkpRequest(skpID: mine.skpID),
                                                                   options: try identity.signIn("atasan")) } == .permissionDenied)
        }
    }
}
