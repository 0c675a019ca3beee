import Foundation
import KinerjaPlanning
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// Cascade type and peran on RHK links, through the real RPCs (docs/PLANNING.md, "Cascade types").
@Suite("Cascade types and peran")
struct CascadeTypeTests {
    static let parentText = "Meningkatnya kualitas pelayanan administrasi kependudukan"

    @Test("a direct RHK carries its parent's text and keeps it when the parent changes; a non-direct one keeps its own words")
    func directKeepsParentText() async throws {
        try await withInMemoryPlanning { p in
            let boss = try await p.draft(nip: try p.nip("atasan"), text: Self.parentText)
            let pegawai = try p.nip("pegawai")
            let options = try p.signIn("pegawai")
            let created = try #require(try await p.client.createSkp(Planning.CreateSkpRequest(nip: pegawai, year: thisYear, approach: .kuantitatif),
                                                                    options: options).skp)
            // A direct RHK may come without text: it takes the parent's.
            let direct = try #require(try await p.client.addRhk(Planning.AddRhkRequest(skpID: created.skpID, rhk: Planning.Rhk(
                kind: .utama, parentRhkID: boss.rhkID, ikis: [ktpIki()], cascadeType: .direct, peran: "Pelaksana perekaman")), options: options).rhk)
            #expect(direct.text == Self.parentText && direct.parentRhkText == Self.parentText)
            #expect(direct.cascadeType == .direct && direct.peran == "Pelaksana perekaman")
            let narrower = try #require(try await p.client.addRhk(Planning.AddRhkRequest(skpID: created.skpID, rhk: Planning.Rhk(
                kind: .utama, text: "Terverifikasinya berkas permohonan KTP-el", parentRhkID: boss.rhkID, ikis: [ktpIki()],
                cascadeType: .nonDirect, peran: "Verifikator berkas")), options: options).rhk)

            // The direct RHK's own text cannot be written.
            let refused = await rpcError { try await p.client.updateRhk(Planning.UpdateRhkRequest(
                rhk: Planning.Rhk(rhkID: direct.rhkID, text: "Teks sendiri"), updateMask: Common.FieldMask(paths: ["text"])), options: options) }
            #expect(refused?.code == .invalidArgument && refused?.message.contains("direct") == true)

            // The parent's text changes: the direct draft RHK follows at once, the non-direct one is only flagged.
            let changed = "Meningkatnya kecepatan pelayanan administrasi kependudukan"
            _ = try await p.client.updateRhk(Planning.UpdateRhkRequest(rhk: Planning.Rhk(rhkID: boss.rhkID, text: changed),
                                                                       updateMask: Common.FieldMask(paths: ["text"])), options: boss.options)
            let skp = try #require(try await p.client.getSkp(Planning.GetSkpRequest(skpID: created.skpID), options: options).skp)
            #expect(skp.rhks.first { $0.rhkID == direct.rhkID }?.text == changed)
            #expect(skp.rhks.first { $0.rhkID == narrower.rhkID }?.text == "Terverifikasinya berkas permohonan KTP-el")
            #expect(skp.rhks.allSatisfy { $0.reviewFlag != nil })

            // Made non-direct, it may be written; made direct again, it takes the parent's text.
            _ = try await p.client.updateRhk(Planning.UpdateRhkRequest(
                rhk: Planning.Rhk(rhkID: direct.rhkID, text: "Terekamnya data KTP-el", cascadeType: .nonDirect),
                updateMask: Common.FieldMask(paths: ["cascade_type", "text"])), options: options)
            let again = try #require(try await p.client.updateRhk(Planning.UpdateRhkRequest(
                rhk: Planning.Rhk(rhkID: direct.rhkID, cascadeType: .direct), updateMask: Common.FieldMask(paths: ["cascade_type"])),
                options: options).rhk)
            #expect(again.text == changed)
        }
    }

    @Test("GetCascade answers the role matrix by pair: one row per atasan → bawahan pair, with each link's cascade type and peran")
    func peranRows() async throws {
        try await withInMemoryPlanning { p in
            let boss = try await p.draft(nip: try p.nip("atasan"), text: Self.parentText)
            let mine = try await p.draft(nip: try p.nip("pegawai"), parent: boss.rhkID)
            _ = try await p.client.updateRhk(Planning.UpdateRhkRequest(rhk: Planning.Rhk(rhkID: mine.rhkID, peran: "Operator perekaman"),
                                                                       updateMask: Common.FieldMask(paths: ["peran"])), options: mine.options)
            _ = try await p.client.addRhk(Planning.AddRhkRequest(skpID: mine.skp.skpID, rhk: Planning.Rhk(
                kind: .utama, parentRhkID: boss.rhkID, ikis: [ktpIki()], cascadeType: .direct, peran: "Penanggung jawab loket")),
                options: mine.options)
            let cascade = try await p.client.getCascade(Planning.GetCascadeRequest(unit: Common.UnitScope(unitID: InMemoryPlanning.seksi)),
                                                        options: mine.options)
            #expect(cascade.year == thisYear, "year 0 is the current WITA year")
            let pairs = cascade.peran.filter { $0.atasan?.nip == (try? p.nip("atasan")) && $0.bawahan?.nip == (try? p.nip("pegawai")) }
            #expect(pairs.count == 1)
            let links = try #require(pairs.first?.links)
            #expect(links.map(\.cascadeType) == [.nonDirect, .direct])
            #expect(links.map(\.peran) == ["Operator perekaman", "Penanggung jawab loket"])
            #expect(links.allSatisfy { $0.parentRhkID == boss.rhkID && $0.parentRhkText == Self.parentText })
            #expect(Set(cascade.peran.map { "\($0.atasan?.nip ?? "")>\($0.bawahan?.nip ?? "")" }).count == cascade.peran.count)
        }
    }

    @Test("bad cascade fields are INVALID_ARGUMENT and change nothing; at submission a linked RHK must say direct or non-direct")
    func refusals() async throws {
        try await withInMemoryPlanning { p in
            let boss = try await p.draft(nip: try p.nip("atasan"), text: Self.parentText)
            let mine = try await p.draft(nip: try p.nip("pegawai"), parent: boss.rhkID)
            let before = try await p.snapshot()
            func add(_ rhk: Planning.Rhk) async -> RPCError.Code? {
                await statusCode { try await p.client.addRhk(Planning.AddRhkRequest(skpID: mine.skp.skpID, rhk: rhk), options: mine.options) }
            }
            #expect(await add(Planning.Rhk(kind: .tambahan, text: "x", ikis: [ktpIki()], cascadeType: .direct)) == .invalidArgument)
            #expect(await add(Planning.Rhk(kind: .tambahan, text: "x", ikis: [ktpIki()], peran: "peran tanpa induk")) == .invalidArgument)
            #expect(await add(Planning.Rhk(kind: .utama, text: "x", parentRhkID: boss.rhkID, ikis: [ktpIki()], cascadeType: .nonDirect,
                                           peran: String(repeating: "p", count: 201))) == .invalidArgument)
            #expect(await add(Planning.Rhk(kind: .utama, text: "x", parentRhkID: boss.rhkID, ikis: [ktpIki()], cascadeType: .unrecognized(9)))
                == .invalidArgument)
            #expect(try await p.snapshot() == before)
            // Unspecified with a parent is fine while drafting, not at submission.
            _ = try await p.client.updateRhk(Planning.UpdateRhkRequest(rhk: Planning.Rhk(rhkID: mine.rhkID, cascadeType: .unspecified),
                                                                       updateMask: Common.FieldMask(paths: ["cascade_type"])), options: mine.options)
            let submit = await rpcError { try await p.client.submitSkp(Planning.SubmitSkpRequest(skpID: mine.skp.skpID), options: mine.options) }
            #expect(submit?.code == .failedPrecondition && submit?.message.contains("cascade_type") == true)
        }
    }
}
