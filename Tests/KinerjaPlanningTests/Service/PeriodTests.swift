import KinerjaASN
import KinerjaCrypto
import Foundation
import KinerjaPlanning
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// Periods and transfers through the real RPCs (docs/PLANNING.md, "Periods and transfers").
@Suite("SKP periods and transfers over the RPC")
struct PeriodTests {
    @Test("an SKP starts at the TMT jabatan identity holds (1 January when it lies before the year), or on the day given, and ends on 31 December")
    func startsAtTmtJabatan() async throws {
        try await withInMemoryPlanning { p in
            let pegawai = try p.nip("pegawai")
            try await p.change(pegawai) { $0.tmtJabatan = witaDay(3, 15) }
            let created = try #require(try await p.client.createSkp(Planning.CreateSkpRequest(nip: pegawai, year: thisYear, approach: .kuantitatif),
                                                                    options: try p.signIn("pegawai")).skp)
            #expect(created.periodStart == witaDay(3, 15) && created.periodEnd == witaDay(12, 31))

            let atasan = try p.nip("atasan")
            try await p.change(atasan) { $0.tmtJabatan = Common.Date(year: thisYear - 3, month: 2, day: 1) }
            let older = try #require(try await p.client.createSkp(Planning.CreateSkpRequest(nip: atasan, year: thisYear, approach: .kuantitatif),
                                                                  options: try p.signIn("atasan")).skp)
            #expect(older.periodStart == witaDay(1, 1) && older.periodEnd == witaDay(12, 31))

            // A TMT jabatan after the year leaves no default first day: the caller must give one.
            let refused = await rpcError { try await p.client.createSkp(Planning.CreateSkpRequest(nip: pegawai, year: thisYear - 1, approach: .kuantitatif),
                                                                          options: try p.signIn("pegawai")) }
            #expect(refused?.code == .failedPrecondition)
            #expect(refused?.message.contains("give period_start") == true)
            let given = try #require(try await p.client.createSkp(Planning.CreateSkpRequest(
                nip: pegawai, year: thisYear - 1, approach: .kuantitatif, periodStart: Common.Date(year: thisYear - 1, month: 10, day: 1)),
                options: try p.signIn("pegawai")).skp)
            #expect(given.periodStart == Common.Date(year: thisYear - 1, month: 10, day: 1))
        }
    }

    @Test("a transfer closes the approved SKP the day before and opens the new one: two SKPs that never overlap, listed together, each answering for its own days")
    func transfer() async throws {
        try await withInMemoryPlanning { p in
            let first = try await p.approvedPegawai()
            let pegawai = try p.nip("pegawai")
            #expect(first.skp.periodStart == witaDay(1, 1) && first.skp.periodEnd == witaDay(12, 31))
            // Identity records the new position from 1 July (its TMT jabatan).
            try await p.change(pegawai) { $0.tmtJabatan = witaDay(7, 1) }
            let second = try #require(try await p.client.createSkp(Planning.CreateSkpRequest(
                nip: pegawai, year: thisYear, approach: .kuantitatif, transfer: true), options: first.options).skp)
            #expect(second.periodStart == witaDay(7, 1) && second.periodEnd == witaDay(12, 31))
            #expect(second.state == .draft && second.version == 1)

            let closed = try #require(try await p.client.getSkp(Planning.GetSkpRequest(skpID: first.skp.skpID), options: first.options).skp)
            #expect(closed.periodEnd == witaDay(6, 30))
            #expect(closed.version == 1 && closed.state == .disetujui, "closed in place, not revised")
            #expect(closed.revision == first.skp.revision + 1)
            // The stamp still names the body the penilai approved, closed early by the transfer.
            #expect(SkpDocumentHash.verify(closed) == .verifiedBeforeClosure(approvedPeriodEnd: witaDay(12, 31)))

            // Listed together, in period order; never overlapping.
            let listed = try await p.client.listSkps(Planning.ListSkpsRequest(nip: pegawai), options: first.options).skps
            #expect(listed.map(\.skpID) == [first.skp.skpID, second.skpID])
            // The SKP for a day, and the targets for a period, come from the SKP covering it.
            let march = try await p.client.getCurrentSkp(Planning.GetCurrentSkpRequest(nip: pegawai, year: thisYear, onDate: witaDay(3, 1)),
                                                         options: first.options)
            #expect(march.skp?.skpID == first.skp.skpID)
            let august = try await p.client.getCurrentSkp(Planning.GetCurrentSkpRequest(nip: pegawai, year: thisYear, onDate: witaDay(8, 1)),
                                                          options: first.options)
            #expect(august.skp?.skpID == second.skpID)
            let q1 = try await p.client.getTargets(Planning.GetTargetsRequest(
                nip: pegawai, period: Common.Period(year: thisYear, kind: .quarterly, triwulan: .i), allowProvisional: true), options: first.options)
            #expect(q1.targets?.skpID == first.skp.skpID && q1.targets?.availability == .approved)
            let q4 = try await p.client.getTargets(Planning.GetTargetsRequest(
                nip: pegawai, period: Common.Period(year: thisYear, kind: .quarterly, triwulan: .iv), allowProvisional: true), options: first.options)
            #expect(q4.targets?.skpID == second.skpID && q4.targets?.availability == .provisional)

            // The closure is audited on the closed SKP.
            let audit = try await p.fixture.store.pool.read { db in
                try String.fetchAll(db, sql: "SELECT detail FROM audit_log WHERE target = ?", arguments: ["skp/\(first.skp.skpID)"])
            }
            #expect(audit.contains { $0.contains("closed by a transfer") && $0.contains(second.skpID) })
        }
    }

    @Test("StreamTargets per SKP: a triwulan cut by a transfer answers both SKPs in period order with their covered days and pro rata targets; without per_skp one row, as before")
    func targetsPerSkp() async throws {
        try await withInMemoryPlanning { p in
            let first = try await p.approvedPegawai()
            let pegawai = try p.nip("pegawai")
            // A transfer on 1 August: triwulan III is July of the first SKP (31 days) and August–September of the second (61).
            let second = try #require(try await p.client.createSkp(Planning.CreateSkpRequest(
                nip: pegawai, year: thisYear, approach: .kuantitatif, periodStart: witaDay(8, 1), copyFromSkpID: first.skp.skpID, transfer: true),
                options: first.options).skp)
            let reporting = Planning.PlanningService.Client(transport: try p.fixture.transport(as: .service("reporting")))
            func rows(_ period: Common.Period, perSkp: Bool, allowProvisional: Bool = true) async throws -> [Planning.EmployeeTargets] {
                try await reporting.streamTargets(Planning.StreamTargetsRequest(
                    population: .nips(Common.NipList(nips: [pegawai])), period: period, allowProvisional: allowProvisional, perSkp: perSkp)) { responses in
                    var rows: [Planning.EmployeeTargets] = []
                    for try await response in responses { if let targets = response.targets { rows.append(targets) } }
                    return rows
                }
            }
            let q3 = Common.Period(year: thisYear, kind: .quarterly, triwulan: .iii)
            let both = try await rows(q3, perSkp: true)
            #expect(both.map(\.skpID) == [first.skp.skpID, second.skpID])
            #expect(both.map(\.availability) == [.approved, .provisional])
            #expect(both.map(\.periodStart) == [witaDay(1, 1), witaDay(8, 1)] && both.map(\.periodEnd) == [witaDay(7, 31), witaDay(12, 31)])
            // The copied IKI keeps its annual target; each SKP's triwulan target is its own share.
            let annual = try #require(first.skp.rhks.first?.ikis.first?.annualTarget?.value)
            let targets = both.compactMap { $0.targets.first?.periodTarget?.value }
            #expect(targets.count == 2 && targets.allSatisfy { $0 > 0 && $0 < annual }, "\(targets) of \(annual)")
            #expect(Set(both[0].targets.map(\.ikiID)).isDisjoint(with: both[1].targets.map(\.ikiID)), "copied IKIs get new ids")

            // Without per_skp: one row, the SKP covering most of the triwulan (the second), as old clients read it.
            let one = try await rows(q3, perSkp: false)
            #expect(one.map(\.skpID) == [second.skpID])
            // A period only one SKP touches: one row either way; without approved targets the provisional SKP is left out.
            #expect(try await rows(Common.Period(year: thisYear, kind: .quarterly, triwulan: .i), perSkp: true).map(\.skpID) == [first.skp.skpID])
            let approvedOnly = try await rows(q3, perSkp: true, allowProvisional: false)
            #expect(approvedOnly.map(\.skpID) == [first.skp.skpID])
            let q4 = try await rows(Common.Period(year: thisYear, kind: .quarterly, triwulan: .iv), perSkp: true, allowProvisional: false)
            #expect(q4.count == 1 && q4.first?.availability == .noSkp, "nothing approved covers triwulan IV")
        }
    }

    @Test("bad periods get a clear status and change nothing: an overlap, a transfer with nothing to close or on the first day, reversed or foreign days")
    func badPeriods() async throws {
        try await withInMemoryPlanning { p in
            let pegawai = try p.nip("pegawai")
            let options = try p.signIn("pegawai")
            let first = try #require(try await p.client.createSkp(Planning.CreateSkpRequest(
                nip: pegawai, year: thisYear, approach: .kuantitatif, periodStart: witaDay(1, 1), periodEnd: witaDay(6, 30)), options: options).skp)
            let second = try #require(try await p.client.createSkp(Planning.CreateSkpRequest(
                nip: pegawai, year: thisYear, approach: .kuantitatif, periodStart: witaDay(7, 1)), options: options).skp)
            #expect(second.periodEnd == witaDay(12, 31))
            let before = try await p.snapshot()

            let overlap = await rpcError { try await p.client.createSkp(Planning.CreateSkpRequest(
                nip: pegawai, year: thisYear, approach: .kuantitatif, periodStart: witaDay(6, 1), periodEnd: witaDay(6, 15)), options: options) }
            #expect(overlap?.code == .alreadyExists)
            #expect(overlap?.message.contains(first.skpID) == true)
            let onFirstDay = await rpcError { try await p.client.createSkp(Planning.CreateSkpRequest(
                nip: pegawai, year: thisYear, approach: .kuantitatif, periodStart: witaDay(7, 1), transfer: true), options: options) }
            #expect(onFirstDay?.code == .failedPrecondition)
            #expect(onFirstDay?.message.contains("must start after the first day") == true)
            let nothing = await rpcError { try await p.client.createSkp(Planning.CreateSkpRequest(
                nip: try p.nip("atasan"), year: thisYear, approach: .kuantitatif, periodStart: witaDay(7, 1), transfer: true),
                options: try p.signIn("atasan")) }
            #expect(nothing?.code == .failedPrecondition)
            #expect(nothing?.message.contains("there is none") == true)
            let noStart = await rpcError { try await p.client.createSkp(Planning.CreateSkpRequest(
                nip: pegawai, year: thisYear, approach: .kuantitatif, transfer: true), options: options) }
            #expect(noStart?.code == .failedPrecondition)
            #expect(noStart?.message.contains("give period_start") == true)
            #expect(await statusCode { try await p.client.createSkp(Planning.CreateSkpRequest(
                nip: pegawai, year: thisYear, approach: .kuantitatif, periodStart: witaDay(9, 1), periodEnd: witaDay(8, 1), transfer: true),
                options: options) } == .invalidArgument)
            #expect(await statusCode { try await p.client.createSkp(Planning.CreateSkpRequest(
                nip: pegawai, year: thisYear, approach: .kuantitatif, periodStart: Common.Date(year: thisYear - 1, month: 12, day: 1), transfer: true),
                options: options) } == .invalidArgument)
            #expect(await statusCode { try await p.client.createSkp(Planning.CreateSkpRequest(
                nip: pegawai, year: thisYear, approach: .kuantitatif, periodStart: Common.Date(year: thisYear, month: 2, day: 30), transfer: true),
                options: options) } == .invalidArgument)
            // Moving a draft's days into another SKP of the year.
            #expect(await statusCode { try await p.client.updateSkp(Planning.UpdateSkpRequest(
                skpID: first.skpID, periodEnd: witaDay(7, 15), updateMask: Common.FieldMask(paths: ["period_end"])), options: options) } == .alreadyExists)
            #expect(try await p.snapshot() == before)
        }
    }

    @Test("deleting the draft a mistaken transfer opened gives the closed SKP its days back, and its stamp verifies as approved again")
    func mistakenTransfer() async throws {
        try await withInMemoryPlanning { p in
            let first = try await p.approvedPegawai()
            let transfer = try #require(try await p.client.createSkp(Planning.CreateSkpRequest(
                nip: try p.nip("pegawai"), year: thisYear, approach: .kuantitatif, periodStart: witaDay(9, 1), transfer: true), options: first.options).skp)
            _ = try await p.client.deleteSkp(Planning.DeleteSkpRequest(skpID: transfer.skpID, reason: "mutasi dibatalkan"), options: first.options)
            let reopened = try #require(try await p.client.getSkp(Planning.GetSkpRequest(skpID: first.skp.skpID), options: first.options).skp)
            #expect(reopened.periodEnd == witaDay(12, 31))
            #expect(SkpDocumentHash.verify(reopened) == .verified)
        }
    }
}
