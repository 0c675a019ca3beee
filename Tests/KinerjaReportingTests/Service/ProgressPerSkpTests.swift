import Foundation
import KinerjaASN
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// Progress per SKP (`per_skp`): an employee transferred inside the period answers one entry per
/// SKP, each with its own targets, reports and covered days; everyone else answers as before.
@Suite("Reporting: progress per SKP after a transfer", .serialized)
struct ProgressPerSkpTests {
    /// The unit stream's rows of a period, as the evaluation service reads them.
    func stream(_ f: ReportingFixture, unit: String, period: Common.Period, perSkp: Bool) async throws -> [Reporting.EmployeeProgress] {
        try await f.client(.service("evaluation")).streamUnitProgress(Reporting.StreamUnitProgressRequest(
            unit: Common.UnitScope(unitID: unit), period: period, perSkp: perSkp)) { responses in
            var rows: [Reporting.EmployeeProgress] = []
            for try await response in responses { if let progress = response.progress { rows.append(progress) } }
            return rows
        }
    }

    /// A row without the instant it was computed (two reads differ only there).
    func timeless(_ row: Reporting.EmployeeProgress?) -> Reporting.EmployeeProgress? {
        row.map { var copy = $0; copy.computedAt = nil; return copy }
    }

    @Test("a transfer inside the triwulan: one entry per SKP in period order, each with its own reports and covered days; one SKP answers as before",
          .enabled(if: SkpTransfer.possibleToday, "needs two days of the triwulan before today"))
    func transferredMidTriwulan() async throws {
        try await withReporting { f in
            let seksi = try await f.unit("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            // Someone of the seksi whose demo SKP is approved, and their penilai.
            let before = try await stream(f, unit: seksi, period: Common.Period(year: witaToday.year, kind: .annual), perSkp: false)
            let chosen = try #require(before.first { $0.targetsAvailability == .approved && !$0.atasanNIP.isEmpty })
            let nip = try #require(chosen.employee?.nip)
            let pegawai = try await f.identity.signIn(nip: nip)
            let atasan = try await f.identity.signIn(nip: chosen.atasanNIP)
            let first = try #require(try await f.planning.client.getSkp(Planning.GetSkpRequest(skpID: chosen.skpID), options: pegawai).skp)
            let transfer = try await SkpTransfer.make(planning: f.planning.client, nip: nip, first: first, owner: pegawai, penilai: atasan)
            let ikiA = try #require(transfer.first.measurableIkis.first)
            let ikiB = try #require(transfer.second.measurableIkis.first)
            #expect(ikiA.iki.ikiID != ikiB.iki.ikiID, "the copied IKI has its own id")
            for (pair, date, value) in [(ikiA, transfer.dayBefore, 7.0), (ikiB, transfer.day, 5.0)] {
                let report = try await f.submit(Reporting.DailyReportDraft(reportDate: date, rhkID: pair.rhk.rhkID, ikiID: pair.iki.ikiID, realisationValue: value,
                                                                           description: "Pelayanan perekaman KTP-el", durationMinutes: 60), pegawai)
                _ = try await f.client.verifyDailyReport(Reporting.VerifyDailyReportRequest(reportID: report.reportID), options: atasan)
            }
            let (start, end) = transfer.triwulanDays
            let covered = transfer.coveredDays

            let perSkp = try await stream(f, unit: seksi, period: transfer.triwulan, perSkp: true)
            let mine = perSkp.filter { $0.employee?.nip == nip }
            #expect(mine.map(\.skpID) == [transfer.first.skpID, transfer.second.skpID], "one row per SKP, in period order")
            #expect(mine.first?.skpDays == Common.DateRange(startDate: start, endDate: transfer.dayBefore))
            #expect(mine.last?.skpDays == Common.DateRange(startDate: transfer.day, endDate: end))
            #expect(mine.map(\.skpDayCount) == [UInt32(covered.first), UInt32(covered.second)])
            // Realisations stay with their own SKP's IKIs.
            #expect(mine.first?.ikis.first { $0.ikiID == ikiA.iki.ikiID }?.realisationVerified == 7)
            #expect(mine.last?.ikis.first { $0.ikiID == ikiB.iki.ikiID }?.realisationVerified == 5)
            #expect(mine.first?.ikis.contains { $0.ikiID == ikiB.iki.ikiID } == false && mine.last?.ikis.contains { $0.ikiID == ikiA.iki.ikiID } == false)
            #expect(mine.allSatisfy { $0.targetsAvailability == .approved && $0.approach == transfer.first.approach })

            // Without per_skp: one row per employee, of the SKP covering most of the triwulan (the later on a tie), as old clients read it.
            let single = try await stream(f, unit: seksi, period: transfer.triwulan, perSkp: false)
            #expect(single.filter { $0.employee?.nip == nip }.map(\.skpID) == [covered.first > covered.second ? transfer.first.skpID : transfer.second.skpID])
            #expect(Set(single.compactMap { $0.employee?.nip }).count == single.count)

            // GetProgress: `progress` as before, `skps` per SKP.
            let got = try await f.client.getProgress(Reporting.GetProgressRequest(nip: nip, period: transfer.triwulan, perSkp: true), options: pegawai)
            #expect(got.skps.map(\.skpID) == mine.map(\.skpID))
            #expect(got.progress?.skpID == single.first { $0.employee?.nip == nip }?.skpID)
            let plain = try await f.client.getProgress(Reporting.GetProgressRequest(nip: nip, period: transfer.triwulan), options: pegawai)
            #expect(plain.skps.isEmpty && plain.progress?.skpID == got.progress?.skpID)

            // Everyone else of the seksi has one SKP: the same single row either way, covering the whole triwulan.
            let others = Set(perSkp.compactMap { $0.employee?.nip }).subtracting([nip])
            #expect(!others.isEmpty)
            for other in others {
                let a = perSkp.filter { $0.employee?.nip == other }
                let b = single.filter { $0.employee?.nip == other }
                #expect(a.count == 1 && timeless(a.first) == timeless(b.first), "\(other) answers as before")
                if let row = a.first, !row.skpID.isEmpty {
                    #expect(row.skpDays == Common.DateRange(startDate: start, endDate: end) && row.skpDayCount == UInt32(SkpTransfer.days(from: start, to: end)))
                }
            }
            // Bad input with per_skp is refused as without it, and changes nothing.
            let snapshot = try await f.snapshot()
            #expect(await failure { try await f.client.getProgress(Reporting.GetProgressRequest(
                nip: nip, period: Common.Period(year: transfer.triwulan.year, kind: .quarterly), perSkp: true), options: pegawai) }?.code == .invalidArgument)
            #expect(try await f.snapshot() == snapshot)
        }
    }
}
