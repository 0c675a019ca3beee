import Foundation
import KinerjaPlanning
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// DeleteSkp, GetRhk of an older version, year 0 and list ordering through the real RPCs
/// (docs/PLANNING.md, "Deletion", "Year 0").
@Suite("Deleting drafts, reading old RHKs, year 0 and list order")
struct DeletionAndReadTests {
    @Test("a draft never submitted is deleted by its owner: reads say it was deleted, a repeat answers the same, bawahan links are flagged")
    func deleteDraft() async throws {
        try await withInMemoryPlanning { p in
            let (boss, mine) = try await p.pegawaiDraft()
            _ = try await p.client.deleteSkp(Planning.DeleteSkpRequest(skpID: boss.skp.skpID, reason: "salah tahun"), options: boss.options)
            let gone = await rpcError { try await p.client.getSkp(Planning.GetSkpRequest(skpID: boss.skp.skpID), options: boss.options) }
            #expect(gone?.code == .notFound && gone?.message.contains("was deleted") == true)
            let added = await rpcError { try await p.client.addRhk(Planning.AddRhkRequest(skpID: boss.skp.skpID, rhk: Planning.Rhk(
                kind: .tambahan, text: "x", ikis: [ktpIki()])), options: boss.options) }
            #expect(added?.code == .notFound && added?.message.contains("was deleted") == true)
            let after = try await p.snapshot()
            _ = try await p.client.deleteSkp(Planning.DeleteSkpRequest(skpID: boss.skp.skpID, reason: "salah tahun"), options: boss.options)
            #expect(try await p.snapshot() == after, "deleting again changes nothing")
            let listed = try await p.client.listSkps(Planning.ListSkpsRequest(nip: try p.nip("atasan")), options: boss.options)
            #expect(listed.skps.isEmpty)
            // The pegawai's RHK pointed at the deleted SKP's RHK: flagged, its parent gone.
            let review = try await p.client.listRhksNeedingReview(Planning.ListRhksNeedingReviewRequest(), options: mine.options)
            #expect(review.items.first?.rhk?.rhkID == mine.rhkID && review.items.first?.rhk?.reviewFlag?.parentRemoved == true)
            // The audit log names who, what and why.
            let audit = try await p.fixture.store.pool.read { db in
                try String.fetchAll(db, sql: "SELECT detail FROM audit_log WHERE target = ? AND action LIKE '%DeleteSkp'",
                                    arguments: ["skp/\(boss.skp.skpID)"])
            }
            #expect(audit.contains { $0.contains("never submitted") && $0.contains("salah tahun") })
            // Pengelola kinerja in scope may delete a mistaken draft too (e.g. one they created).
            _ = try await p.client.deleteSkp(Planning.DeleteSkpRequest(skpID: mine.skp.skpID, reason: "dibuat ganda"), options: try p.signIn("pengelola"))
        }
    }

    @Test("an SKP that was ever submitted is never deleted (FAILED_PRECONDITION saying why); bad requests get a clear status; nothing changes")
    func deleteRefused() async throws {
        try await withInMemoryPlanning { p in
            let (boss, mine) = try await p.pegawaiDraft()
            _ = try await p.client.submitSkp(Planning.SubmitSkpRequest(skpID: mine.skp.skpID), options: mine.options)
            var before = try await p.snapshot()
            let submitted = await rpcError { try await p.client.deleteSkp(Planning.DeleteSkpRequest(skpID: mine.skp.skpID, reason: "x"), options: mine.options) }
            #expect(submitted?.code == .failedPrecondition)
            #expect(submitted?.message.contains("never submitted") == true && submitted?.message.contains("DIAJUKAN") == true)
            // Withdrawn back to a draft: the penilai has seen it, so it stays.
            _ = try await p.client.withdrawSkp(Planning.WithdrawSkpRequest(skpID: mine.skp.skpID, reason: "salah"), options: mine.options)
            before = try await p.snapshot()
            let withdrawn = await rpcError { try await p.client.deleteSkp(Planning.DeleteSkpRequest(skpID: mine.skp.skpID, reason: "x"), options: mine.options) }
            #expect(withdrawn?.code == .failedPrecondition && withdrawn?.message.contains("submitted (and withdrawn) before") == true)
            #expect(await statusCode { try await p.client.deleteSkp(Planning.DeleteSkpRequest(skpID: boss.skp.skpID, reason: ""), options: boss.options) }
                == .invalidArgument)
            #expect(await statusCode { try await p.client.deleteSkp(Planning.DeleteSkpRequest(
                skpID: boss.skp.skpID, reason: String(repeating: "r", count: 501)), options: boss.options) } == .invalidArgument)
            #expect(await statusCode { try await p.client.deleteSkp(Planning.DeleteSkpRequest(skpID: "", reason: "x"), options: boss.options) }
                == .invalidArgument)
            #expect(await statusCode { try await p.client.deleteSkp(Planning.DeleteSkpRequest(skpID: "01JNOSUCHSKP000000000000000", reason: "x"),
                                                                   options: boss.options) } == .notFound)
            // Someone else's draft: the atasan is not its owner.
            #expect(await statusCode { try await p.client.deleteSkp(Planning.DeleteSkpRequest(skpID: boss.skp.skpID, reason: "x"),
                                                                   options: mine.options) } == .permissionDenied)
            #expect(try await p.snapshot() == before)
        }
    }

    @Test("GetRhk answers for an RHK only an older version holds, and NOT_FOUND for a version without it")
    func getRhkFromOlderVersion() async throws {
        try await withInMemoryPlanning { p in
            let approved = try await p.approvedPegawai()
            let extra = try #require(try await p.client.reviseSkp(Planning.ReviseSkpRequest(skpID: approved.skp.skpID, reason: "menyusun ulang"),
                                                                  options: approved.options).skp)
            #expect(extra.version == 2)
            // A second Utama RHK in v2, then the first removed from v2: only v1 holds it.
            _ = try await p.client.addRhk(Planning.AddRhkRequest(skpID: approved.skp.skpID, rhk: Planning.Rhk(
                kind: .utama, text: "Terverifikasinya berkas KTP-el", parentRhkID: approved.parentRhkID, ikis: [ktpIki()], cascadeType: .nonDirect)),
                options: approved.options)
            _ = try await p.client.removeRhk(Planning.RemoveRhkRequest(rhkID: approved.rhkID), options: approved.options)
            let old = try await p.client.getRhk(Planning.GetRhkRequest(rhkID: approved.rhkID), options: approved.options)
            #expect(old.skpVersion == 1 && old.skpState == .disetujui && old.rhk?.rhkID == approved.rhkID)
            #expect(old.owner?.nip == (try p.nip("pegawai")))
            let v1 = try await p.client.getRhk(Planning.GetRhkRequest(rhkID: approved.rhkID, skpVersion: 1), options: approved.options)
            #expect(v1.rhk == old.rhk)
            let missing = await rpcError { try await p.client.getRhk(Planning.GetRhkRequest(rhkID: approved.rhkID, skpVersion: 2), options: approved.options) }
            #expect(missing?.code == .notFound && missing?.message.contains("version 2") == true)
            #expect(await statusCode { try await p.client.getRhk(Planning.GetRhkRequest(rhkID: approved.rhkID, skpVersion: 9), options: approved.options) }
                == .notFound)
            #expect(await statusCode { try await p.client.getRhk(Planning.GetRhkRequest(rhkID: "01JNOSUCHRHK000000000000000"), options: approved.options) }
                == .notFound)
            // Readers are those of the SKP: a colleague elsewhere is not one.
            #expect(await statusCode { try await p.client.getRhk(Planning.GetRhkRequest(rhkID: approved.rhkID),
                                                                options: try p.signIn("admin")) } == nil)
        }
    }

    @Test("year 0 is the current WITA year everywhere: CreateSkp, GetCurrentSkp, ListSkps; ListSkps is sorted by owner name")
    func yearZeroAndOrder() async throws {
        try await withInMemoryPlanning { p in
            let pegawai = try p.nip("pegawai")
            let options = try p.signIn("pegawai")
            let created = try #require(try await p.client.createSkp(Planning.CreateSkpRequest(nip: pegawai, approach: .kuantitatif), options: options).skp)
            #expect(created.year == thisYear)
            _ = try await p.client.createSkp(Planning.CreateSkpRequest(nip: pegawai, year: thisYear - 1, approach: .kuantitatif), options: options)
            let current = try await p.client.getCurrentSkp(Planning.GetCurrentSkpRequest(nip: pegawai), options: options)
            #expect(current.skp?.skpID == created.skpID)
            let listed = try await p.client.listSkps(Planning.ListSkpsRequest(nip: pegawai), options: options)
            #expect(listed.skps.map(\.skpID) == [created.skpID], "year 0 lists the current year, not every year")
            let lastYear = try await p.client.listSkps(Planning.ListSkpsRequest(nip: pegawai, year: thisYear - 1), options: options)
            #expect(lastYear.skps.count == 1 && lastYear.skps.first?.year == thisYear - 1)

            // Several owners: by name, then NIP.
            let members = try await p.identity.directory.members(of: InMemoryPlanning.seksi, includeSubunits: false)
            for member in members where member.nip != pegawai {
                _ = try await p.client.createSkp(Planning.CreateSkpRequest(nip: member.nip, approach: .kuantitatif), options: try p.signIn(nip: member.nip))
            }
            let unit = try await p.client.listSkps(Planning.ListSkpsRequest(unit: Common.UnitScope(unitID: InMemoryPlanning.seksi)),
                                                   options: try p.signIn("pengelola"))
            let names = unit.skps.map { [$0.employee?.displayName ?? "", $0.employee?.nip ?? ""] }
            #expect(names.count == members.count)
            #expect(names == names.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) })
        }
    }
}
