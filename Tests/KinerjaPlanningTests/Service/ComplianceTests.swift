import Foundation
import KinerjaASN
import KinerjaPlanning
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// GetSkpCompliance through the real RPC (docs/PLANNING.md, "Compliance").
@Suite("SKP deadline compliance per unit")
struct ComplianceTests {
    static let seksi = InMemoryPlanning.seksi

    @Test("per unit, who has no approved SKP by the deadline and why: no SKP, draft, waiting for the penilai, returned, no valid penilai; approved on time or late")
    func reasons() async throws {
        try await withInMemoryPlanning { p in
            let boss = try await p.draft(nip: try p.nip("atasan"), text: "Meningkatnya kualitas pelayanan administrasi kependudukan")
            let pegawai = try p.nip("pegawai")
            let staff = try await p.identity.directory.members(of: Self.seksi, includeSubunits: false)
                .filter { $0.atasanNIP == (try? p.nip("atasan")) && $0.nip != pegawai }.map(\.nip)
            try #require(staff.count >= 3)
            // The pegawai: approved.
            let mine = try await p.draft(nip: pegawai, parent: boss.rhkID)
            _ = try await p.client.submitSkp(Planning.SubmitSkpRequest(skpID: mine.skp.skpID), options: mine.options)
            _ = try await p.client.approveSkp(Planning.ApproveSkpRequest(skpID: mine.skp.skpID), options: boss.options)
            // One waits for the penilai, one was returned, one lost their penilai after submitting.
            var submitted: [String: String] = [:]
            for nip in staff.prefix(3) {
                let draft = try await p.draft(nip: nip, parent: boss.rhkID)
                _ = try await p.client.submitSkp(Planning.SubmitSkpRequest(skpID: draft.skp.skpID), options: draft.options)
                submitted[nip] = draft.skp.skpID
            }
            let (waiting, returned, orphan) = (staff[0], staff[1], staff[2])
            _ = try await p.client.returnSkp(Planning.ReturnSkpRequest(skpID: try #require(submitted[returned]), note: "Lengkapi indikator"),
                                             options: boss.options)
            try await p.change(orphan) { $0.atasanNIP = "" }
            // Someone moved in from another seksi with a new TMT jabatan: their own deadline, and no SKP yet.
            let newcomer = try #require(try await p.identity.directory.members(of: "KPG.DUKCAPIL.DAFDUK.PINDAH", includeSubunits: false)
                .first { $0.atasanNIP != "" }?.nip)
            try await p.change(newcomer) { $0.unitID = Self.seksi; $0.tmtJabatan = witaDay(6, 1) }

            let hr = try p.signIn("pengelola")
            let late = try await p.client.getSkpCompliance(Planning.GetSkpComplianceRequest(
                unit: Common.UnitScope(unitID: Self.seksi), year: thisYear, asOf: witaDay(12, 31)), options: hr)
            let rows = Dictionary(late.rows.map { ($0.employee?.nip ?? "", $0) }, uniquingKeysWith: { a, _ in a })
            let members = try await p.identity.directory.members(of: Self.seksi, includeSubunits: false)
            #expect(late.rows.count == members.count)
            let today = Wita.today(now: Date())
            #expect(rows[pegawai]?.status == (today <= witaDay(1, 31) ? .approved : .approvedLate))
            #expect(rows[pegawai]?.skpID == mine.skp.skpID)
            #expect(rows[try p.nip("atasan")]?.status == .draft)
            #expect(rows[waiting]?.status == .waitingForPenilai)
            #expect(rows[waiting]?.penilai?.penilai?.nip == (try p.nip("atasan")))
            #expect(rows[returned]?.status == .returned)
            #expect(rows[orphan]?.status == .noValidPenilai)
            #expect(rows[orphan]?.penilai?.kind == Common.PenilaiKind.none)
            #expect(rows[newcomer]?.status == .noSkp && rows[newcomer]?.skpID == "")
            #expect(rows[newcomer]?.deadline == witaDay(7, 1), "30 days after the TMT jabatan, later than 31 January")
            #expect(rows[waiting]?.deadline == witaDay(1, 31))
            let yearEnd = try #require(witaDay(12, 31).daysSinceEpoch), januaryEnd = try #require(witaDay(1, 31).daysSinceEpoch)
            #expect(rows[waiting]?.daysLate == UInt32(yearEnd - januaryEnd))
            // Counts cover the whole unit, one per status that occurs.
            #expect(late.counts.reduce(0) { $0 + $1.count } == UInt32(members.count))
            #expect(late.counts.first { $0.status == .waitingForPenilai }?.count ?? 0 >= 1)

            // Before the deadline nothing is late yet, except an SKP nobody may decide.
            let early = try await p.client.getSkpCompliance(Planning.GetSkpComplianceRequest(
                unit: Common.UnitScope(unitID: Self.seksi), year: thisYear, asOf: witaDay(1, 15)), options: hr)
            let earlyRows = Dictionary(early.rows.map { ($0.employee?.nip ?? "", $0.status) }, uniquingKeysWith: { a, _ in a })
            #expect(earlyRows[waiting] == .notDue && earlyRows[returned] == .notDue && earlyRows[newcomer] == .notDue)
            #expect(earlyRows[orphan] == .noValidPenilai)

            // The statuses filter and paging; the counts stay those of the whole unit.
            let filtered = try await p.client.getSkpCompliance(Planning.GetSkpComplianceRequest(
                unit: Common.UnitScope(unitID: Self.seksi), asOf: witaDay(12, 31), statuses: [.returned, .noValidPenilai],
                page: Common.PageRequest(pageSize: 1)), options: hr)
            #expect(filtered.rows.count == 1 && filtered.page?.nextCursor.isEmpty == false)
            #expect(filtered.counts == late.counts)
            // Year 0 is the current WITA year.
            #expect(filtered.rows.first.map { [.returned, .noValidPenilai].contains($0.status) } == true)
        }
    }

    @Test("bad compliance requests get a clear status: no unit, unknown unit, bad year, day or status; a pegawai is refused")
    func refusals() async throws {
        try await withInMemoryPlanning { p in
            let hr = try p.signIn("pengelola")
            let unit = Common.UnitScope(unitID: Self.seksi)
            let before = try await p.snapshot()
            #expect(await statusCode { try await p.client.getSkpCompliance(Planning.GetSkpComplianceRequest(), options: hr) } == .invalidArgument)
            #expect(await statusCode { try await p.client.getSkpCompliance(Planning.GetSkpComplianceRequest(
                unit: Common.UnitScope(unitID: "KPG.NOSUCH")), options: hr) } == .notFound)
            #expect(await statusCode { try await p.client.getSkpCompliance(Planning.GetSkpComplianceRequest(unit: unit, year: 1999), options: hr) }
                == .invalidArgument)
            #expect(await statusCode { try await p.client.getSkpCompliance(Planning.GetSkpComplianceRequest(
                unit: unit, asOf: Common.Date(year: thisYear, month: 2, day: 30)), options: hr) } == .invalidArgument)
            #expect(await statusCode { try await p.client.getSkpCompliance(Planning.GetSkpComplianceRequest(
                unit: unit, statuses: [.unspecified]), options: hr) } == .invalidArgument)
            #expect(await statusCode { try await p.client.getSkpCompliance(Planning.GetSkpComplianceRequest(
                unit: unit, page: Common.PageRequest(pageSize: 100_000)), options: hr) } == .invalidArgument)
            #expect(await statusCode { try await p.client.getSkpCompliance(Planning.GetSkpComplianceRequest(unit: unit),
                                                                          options: try p.signIn("pegawai")) } == .permissionDenied)
            #expect(try await p.snapshot() == before)
        }
    }
}
