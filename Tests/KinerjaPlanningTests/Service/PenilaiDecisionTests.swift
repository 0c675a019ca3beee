import Foundation
import GRDB
import KinerjaASN
import KinerjaDemo
import KinerjaPlanning
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// Who decides on an SKP (issue 11), with a real identity: the pejabat penilai of the day —
/// atasan langsung, a Plt within their decree's range, the non-ASN Wali Kota — and never
/// pengelola kinerja.
@Suite("Pejabat penilai decisions with a real identity", .serialized)
struct PenilaiDecisionTests {
    /// A YANKES staff member (their head position is vacant; the demo Plt acts in it).
    func yankesStaff(_ f: PlanningFixture) throws -> String {
        let headed = Set(f.identity.organisation.units.compactMap(\.headNIP))
        guard let staff = f.identity.organisation.employees.first(where: {
            $0.unitCode == KupangDemo.pltBidangCode && $0.employee.status == .aktif && $0.employee.asnType == .pns && !headed.contains($0.employee.nip)
        }) else { throw TestFailure("no staff in \(KupangDemo.pltBidangCode)") }
        return staff.employee.nip
    }

    /// `nip`'s SKP with one Utama RHK under `parent` (JPT owners carry a Perspektif), submitted
    /// unless `submit` is false; returns its ids.
    func skp(_ f: PlanningFixture, nip: String, jpt: Bool = false, parent: String = "", submit: Bool = true) async throws
        -> (skpID: String, rhkID: String, options: CallOptions) {
        let options = try await f.identity.signIn(nip: nip)
        let created = try #require(try await f.client.createSkp(Planning.CreateSkpRequest(nip: nip, year: thisYear, approach: .kuantitatif),
                                                                options: options).skp)
        let added = try await f.client.addRhk(Planning.AddRhkRequest(skpID: created.skpID, rhk: Planning.Rhk(
            kind: .utama, text: "Terlaksananya pelayanan kesehatan rujukan tepat waktu", parentRhkID: parent,
            perspektif: jpt ? .penerimaLayanan : .unspecified, ikis: [ktpIki()], cascadeType: parent.isEmpty ? .unspecified : .nonDirect)),
            options: options)
        if submit { _ = try await f.client.submitSkp(Planning.SubmitSkpRequest(skpID: created.skpID), options: options) }
        return (created.skpID, try #require(added.rhk?.rhkID), options)
    }

    /// A YANKES staff member's submitted SKP, cascading from their recorded atasan's (the Kepala Dinas, the bidang being vacant).
    func submitted(_ f: PlanningFixture, nip: String) async throws -> (skpID: String, options: CallOptions) {
        let atasan = try #require(f.identity.organisation.employee(nip: nip)?.atasanNIP)
        let parent = try await skp(f, nip: atasan, jpt: true, submit: false)
        let mine = try await skp(f, nip: nip, parent: parent.rhkID)
        return (mine.skpID, mine.options)
    }

    @Test("the Plt approves during the decree's range and not after it; the SKP records them as PLT")
    func pltWithinRange() async throws {
        try await withPlanning(identityCacheSeconds: 1) { f in
            let staff = try yankesStaff(f)
            let plt = try await f.signIn("plt")
            let skp = try await submitted(f, nip: staff)
            let submittedSkp = try #require(try await f.client.getSkp(Planning.GetSkpRequest(skpID: skp.skpID), options: skp.options).skp)
            let pltNIP = try f.identity.nip("plt")
            #expect(submittedSkp.penilai?.kind == .plt && submittedSkp.penilai?.penilai?.nip == pltNIP)
            // The Plt's inbox holds it.
            let inbox = try await f.client.listSkps(Planning.ListSkpsRequest(atasanNIP: try f.identity.nip("plt"), states: [.diajukan]), options: plt)
            #expect(inbox.skps.contains { $0.skpID == skp.skpID })
            let approved = try await f.client.approveSkp(Planning.ApproveSkpRequest(skpID: skp.skpID), options: plt)
            #expect(approved.skp?.state == .disetujui && approved.skp?.penilai?.kind == .plt)

            // The decree ends yesterday: the same official may no longer decide for the position.
            let hr = try await f.signIn("pengelola")
            let assignment = try #require(try await f.identity.client.listActingAssignments(
                Identity.ListActingAssignmentsRequest(actingNIP: try f.identity.nip("plt")), options: hr).assignments.first)
            let today = Wita.today(now: Date())
            let yesterday = try #require(today.adding(days: -1))
            _ = try await f.identity.client.endActingAssignment(Identity.EndActingAssignmentRequest(
                assignmentID: assignment.assignmentID, lastDay: yesterday, reason: "kepala bidang definitif dilantik"), options: hr)
            try await Task.sleep(for: .milliseconds(1300))
            // (The demo's staff already has an approved SKP above; a revision stands in for a new decision.)
            let revised = try #require(try await f.client.reviseSkp(Planning.ReviseSkpRequest(skpID: skp.skpID, reason: "menambah indikator"),
                                                                    options: skp.options).skp)
            _ = try await f.client.submitSkp(Planning.SubmitSkpRequest(skpID: revised.skpID), options: skp.options)
            let denied = await statusCode { try await f.client.approveSkp(Planning.ApproveSkpRequest(skpID: skp.skpID), options: plt) }
            #expect(denied == .permissionDenied)
        }
    }

    @Test("pengelola kinerja get PERMISSION_DENIED on approve and return, audited, even when nobody else may decide")
    func hrNeverDecides() async throws {
        try await withPlanning { f in
            let boss = try await f.draft("atasan", text: "Meningkatnya kualitas pelayanan administrasi kependudukan")
            let mine = try await f.draft("pegawai", parent: boss.rhkID)
            _ = try await f.client.submitSkp(Planning.SubmitSkpRequest(skpID: mine.skp.skpID), options: mine.options)
            let hr = try await f.signIn("pengelola")
            #expect(await statusCode { try await f.client.approveSkp(Planning.ApproveSkpRequest(skpID: mine.skp.skpID), options: hr) } == .permissionDenied)
            #expect(await statusCode { try await f.client.returnSkp(Planning.ReturnSkpRequest(skpID: mine.skp.skpID, note: "x"), options: hr) } == .permissionDenied)
            let denials = try await f.runtime.store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE outcome = ? AND principal = ? AND action LIKE '%Skp'",
                                 arguments: [Common.AuditOutcome.denied.rawValue, try f.identity.nip("pengelola")]) ?? 0
            }
            #expect(denials >= 2)
        }
    }

    @Test("the Wali Kota, a non-ASN penilai, reads and approves the Sekretaris Daerah's SKP")
    func waliKotaApprovesSekda() async throws {
        try await withPlanning { f in
            let sekda = try #require(f.identity.organisation.unit(code: KupangDemo.sekretariatDaerahCode)?.headNIP)
            let skp = try await skp(f, nip: sekda, jpt: true)
            let waliKota = try await f.signIn("walikota")
            let read = try await f.client.getSkp(Planning.GetSkpRequest(skpID: skp.skpID), options: waliKota)
            #expect(read.skp?.penilai?.kind == .external && read.skp?.penilai?.isAsn == false)
            let approved = try await f.client.approveSkp(Planning.ApproveSkpRequest(skpID: skp.skpID, note: "Disetujui"), options: waliKota)
            #expect(approved.skp?.state == .disetujui)
            #expect(approved.skp?.decided?.principal == KupangDemo.waliKotaID)
        }
    }
}
