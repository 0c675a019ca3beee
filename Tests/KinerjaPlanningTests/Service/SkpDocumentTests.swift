import KinerjaASN
import KinerjaCrypto
import Foundation
import GRDB
import KinerjaDemo
import KinerjaPlanning
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// The SKP document through the real RPCs: the Lampiran and the approval stamp
/// (docs/PLANNING.md, "The SKP document").
@Suite("The SKP document: Lampiran and approval stamp")
struct SkpDocumentTests {
    static let lampiran = Planning.SkpLampiran(
        dukunganSumberDaya: ["Anggaran DPA Dinas Kependudukan dan Pencatatan Sipil", "Dua unit perangkat perekaman KTP-el"],
        skemaPertanggungjawaban: ["Laporan bulanan kepada Kepala Seksi Identitas Penduduk"],
        konsekuensi: ["Capaian di bawah target dibahas dalam dialog kinerja triwulanan"])

    @Test("UpdateSkp with mask lampiran stores the Lampiran; GetSkp returns it; a revision carries it; an empty one clears it")
    func lampiranStored() async throws {
        try await withInMemoryPlanning { p in
            let (_, mine) = try await p.pegawaiDraft()
            let updated = try await p.client.updateSkp(Planning.UpdateSkpRequest(
                skpID: mine.skp.skpID, updateMask: Common.FieldMask(paths: ["lampiran"]), expectedSkpRevision: mine.skp.revision,
                lampiran: Self.lampiran), options: mine.options)
            #expect(updated.skp?.lampiran == Self.lampiran)
            #expect(updated.skp?.revision == mine.skp.revision + 1)
            let read = try await p.client.getSkp(Planning.GetSkpRequest(skpID: mine.skp.skpID), options: mine.options)
            #expect(read.skp?.lampiran == Self.lampiran)
            // Submitted, approved, revised: the new version carries it.
            _ = try await p.client.submitSkp(Planning.SubmitSkpRequest(skpID: mine.skp.skpID), options: mine.options)
            _ = try await p.client.approveSkp(Planning.ApproveSkpRequest(skpID: mine.skp.skpID), options: try p.signIn("atasan"))
            let revised = try await p.client.reviseSkp(Planning.ReviseSkpRequest(skpID: mine.skp.skpID, reason: "menambah sumber daya"),
                                                       options: mine.options)
            #expect(revised.skp?.lampiran == Self.lampiran)
            let cleared = try await p.client.updateSkp(Planning.UpdateSkpRequest(
                skpID: mine.skp.skpID, updateMask: Common.FieldMask(paths: ["lampiran"]), lampiran: Planning.SkpLampiran()), options: mine.options)
            #expect(cleared.skp?.lampiran == nil)
        }
    }

    @Test("a bad Lampiran is INVALID_ARGUMENT naming each item, on a submitted SKP FAILED_PRECONDITION, for another's SKP PERMISSION_DENIED; nothing changes")
    func lampiranRefused() async throws {
        try await withInMemoryPlanning { p in
            let (_, mine) = try await p.pegawaiDraft()
            let before = try await p.snapshot()
            var bad = Self.lampiran
            bad.konsekuensi = ["", String(repeating: "k", count: 1001)]
            bad.dukunganSumberDaya = Array(repeating: "anggaran", count: 21)
            let refused = try #require(await rpcError { try await p.client.updateSkp(Planning.UpdateSkpRequest(
                skpID: mine.skp.skpID, updateMask: Common.FieldMask(paths: ["lampiran"]), lampiran: bad), options: mine.options) })
            #expect(refused.code == .invalidArgument)
            for field in ["lampiran.dukungan_sumber_daya", "lampiran.konsekuensi[0]", "lampiran.konsekuensi[1]"] {
                #expect(refused.message.contains(field), "\(field) in \(refused.message)")
            }
            #expect(await statusCode { try await p.client.updateSkp(Planning.UpdateSkpRequest(
                skpID: mine.skp.skpID, updateMask: Common.FieldMask(paths: ["lampiran"]), lampiran: Self.lampiran),
                options: try p.signIn("atasan")) } == .permissionDenied)
            #expect(await statusCode { try await p.client.updateSkp(Planning.UpdateSkpRequest(
                skpID: mine.skp.skpID, updateMask: Common.FieldMask(paths: ["lampiran", "state"]), lampiran: Self.lampiran),
                options: mine.options) } == .invalidArgument)
            #expect(try await p.snapshot() == before)
            _ = try await p.client.submitSkp(Planning.SubmitSkpRequest(skpID: mine.skp.skpID), options: mine.options)
            let submitted = try await p.snapshot()
            #expect(await statusCode { try await p.client.updateSkp(Planning.UpdateSkpRequest(
                skpID: mine.skp.skpID, updateMask: Common.FieldMask(paths: ["lampiran"]), lampiran: Self.lampiran), options: mine.options) }
                == .failedPrecondition)
            #expect(try await p.snapshot() == submitted)
        }
    }

    @Test("ApproveSkp stamps the version: the deciding penilai, when, which version, and the SHA-256 of the body GetSkp returns")
    func approvalStamp() async throws {
        try await withInMemoryPlanning { p in
            let approved = try await p.approvedPegawai()
            let stamp = try #require(approved.skp.approval)
            #expect(stamp.penilai?.penilai?.nip == (try p.nip("atasan")))
            #expect(stamp.penilai?.kind == .atasanLangsung && stamp.penilai?.isAsn == true)
            #expect(stamp.version == 1)
            #expect(stamp.at == approved.skp.decided?.at)
            let read = try #require(try await p.client.getSkp(Planning.GetSkpRequest(skpID: approved.skp.skpID), options: approved.options).skp)
            #expect(stamp.bodySha256 == (try SkpDocumentHash.sha256(of: read)))
            #expect(stamp.bodySha256.count == 64 && stamp.bodySha256 == stamp.bodySha256.lowercased())
            #expect(SkpDocumentHash.verify(read) == .verified)
            // A changed body no longer verifies.
            var forged = read
            forged.rhks[0].ikis[0].annualTarget?.value = 1500
            #expect(SkpDocumentHash.verify(forged) == .mismatch)

            // A revision is stamped anew when approved; the superseded version keeps its own stamp.
            _ = try await p.client.reviseSkp(Planning.ReviseSkpRequest(skpID: approved.skp.skpID, reason: "menyesuaikan target"), options: approved.options)
            let draft = try #require(try await p.client.getSkp(Planning.GetSkpRequest(skpID: approved.skp.skpID), options: approved.options).skp)
            #expect(draft.approval == nil && draft.version == 2)
            _ = try await p.client.submitSkp(Planning.SubmitSkpRequest(skpID: approved.skp.skpID), options: approved.options)
            let second = try #require(try await p.client.approveSkp(Planning.ApproveSkpRequest(skpID: approved.skp.skpID, version: 2),
                                                                    options: approved.atasan).skp)
            #expect(second.approval?.version == 2)
            let v1 = try #require(try await p.client.getSkp(Planning.GetSkpRequest(skpID: approved.skp.skpID, version: 1), options: approved.options).skp)
            #expect(v1.state == .diganti && v1.approval == stamp)
            #expect(SkpDocumentHash.verify(v1) == .verified)
            let v2 = try #require(try await p.client.getSkp(Planning.GetSkpRequest(skpID: approved.skp.skpID, version: 2), options: approved.options).skp)
            #expect(SkpDocumentHash.verify(v2) == .verified)
        }
    }

    @Test("the demo's approved SKPs carry stamps that verify: the Sekda's by the non-ASN Wali Kota (EXTERNAL), the vacant YANKES bidang's staff by the Plt")
    func demoStamps() async throws {
        try await withPlanning(demoSeed: IdentityFixture.seed) { f in
            let skps = try await f.runtime.store.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT body FROM skp_version WHERE state = ?", arguments: [Planning.SkpState.disetujui.rawValue])
                    .map { try Planning.Skp(serializedBytes: Array($0["body"] as Data)) }
            }
            #expect(skps.count > 100)
            for skp in skps {
                let verification = SkpDocumentHash.verify(skp)
                #expect(verification == .verified || { if case .verifiedBeforeClosure = verification { true } else { false } }(),
                        "\(skp.skpID) of \(skp.nip): \(verification)")
                #expect(skp.approval?.penilai?.penilai?.nip == skp.decided?.principal && skp.approval?.penilai == skp.penilai)
            }
            let organisation = f.identity.organisation
            let sekda = try #require(organisation.unit(code: KupangDemo.sekretariatDaerahCode)?.headNIP)
            let sekdaSkp = try #require(skps.first { $0.nip == sekda })
            #expect(sekdaSkp.approval?.penilai?.kind == .external)
            #expect(sekdaSkp.approval?.penilai?.penilai?.nip == KupangDemo.waliKotaID && sekdaSkp.approval?.penilai?.isAsn == false)
            // GetSkp answers the same body the stamp names.
            let waliKota = try await f.signIn("walikota")
            let read = try #require(try await f.client.getSkp(Planning.GetSkpRequest(skpID: sekdaSkp.skpID), options: waliKota).skp)
            #expect(SkpDocumentHash.verify(read) == .verified)

            // The bidang's own staff are rated by the Plt acting in its vacant head position.
            let plt = try f.identity.nip("plt")
            let bidangStaff = Set(organisation.employees.filter { $0.unitCode == KupangDemo.pltBidangCode }.map(\.employee.nip))
            let ratedByPlt = skps.filter { $0.approval?.penilai?.kind == .plt }
            #expect(!ratedByPlt.isEmpty)
            for skp in ratedByPlt {
                #expect(skp.approval?.penilai?.penilai?.nip == plt && skp.approval?.penilai?.decreeNumber.isEmpty == false, "\(skp.nip)")
            }
            for skp in skps where bidangStaff.contains(skp.nip) {
                #expect(skp.approval?.penilai?.kind == .plt, "\(skp.nip) is rated by the Plt")
            }
        }
    }
}
