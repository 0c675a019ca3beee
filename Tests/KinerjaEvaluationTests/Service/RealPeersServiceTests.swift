import Foundation
import KinerjaASN
@testable import KinerjaEvaluation
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

@Suite("With the real planning, reporting and feedback services: proposals from verified reports, reporting's lock, planning's refusal", .serialized)
struct RealPeersServiceTests {
    /// The latest weekday within reporting's backdate window (3 days).
    var reportDay: Common.Date {
        var day = witaToday
        for _ in 0..<3 where (day.weekday == .saturday || day.weekday == .sunday) { day = day.adding(days: -1) ?? day }
        return day
    }

    @Test("a verified daily report reaches the proposal as the IKI's realisation against planning's period target; finalising locks the period in reporting")
    func reportToLock() async throws {
        try await withEvaluation(peers: .real) { fixture in
            let reporting = try #require(fixture.reportingClient)
            let planning = try #require(fixture.planningClient)
            // Someone of the seksi with an approved demo SKP (the population of the period below).
            let opened = try await fixture.open("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            let pegawai = try #require(try await fixture.evaluations(opened.periodID).first { !$0.unitLeader }?.employee?.nip)
            let asPegawai = try await fixture.signIn(nip: pegawai)
            let skp = try #require(try await planning.getCurrentSkp(Planning.GetCurrentSkpRequest(nip: pegawai, year: witaToday.year), options: asPegawai).skp)
            let pairs: [(Planning.Rhk, Planning.Iki)] = skp.rhks.flatMap { rhk in rhk.ikis.filter { ($0.annualTarget?.value ?? 0) > 0 }.map { (rhk, $0) } }
            let (rhk, iki) = try #require(pairs.first)
            let draft = Reporting.DailyReportDraft(reportDate: reportDay, rhkID: rhk.rhkID, ikiID: iki.ikiID, realisationValue: 12,
                                                   description: "Pelayanan perekaman KTP-el di loket", durationMinutes: 120)
            let report = try #require(try await reporting.submitDailyReport(Reporting.SubmitDailyReportRequest(report: draft), options: asPegawai).report)
            _ = try await reporting.verifyDailyReport(Reporting.VerifyDailyReportRequest(reportID: report.reportID),
                                                      options: try await fixture.penilaiOptions(of: pegawai))

            let period = opened
            #expect(period.population >= 2, "the seksi's employees with an approved demo SKP")
            _ = try await fixture.client.proposeEvaluations(Evaluation.ProposeEvaluationsRequest(periodID: period.periodID),
                                                            options: try await fixture.signIn("pengelola"))
            let mine = try #require(try await fixture.evaluations(period.periodID).first { $0.employee?.nip == pegawai })
            let input = try #require(mine.proposal?.inputs.first { $0.ikiID == iki.ikiID })
            #expect(input.realisationValue?.value == 12 && input.evidencePresent && input.basis == .capaian)
            #expect((input.targetValue?.value ?? 0) > 0, "planning's target for the triwulan")
            let penilai = try await fixture.penilai(of: [pegawai])[pegawai]?.penilai?.nip
            #expect(mine.skpID == skp.skpID && mine.evaluator?.nip == penilai)

            try await fixture.decide(period, .baik)
            try await fixture.rateCompliantBaik(try await fixture.evaluations(period.periodID))
            let pimpinan = try await fixture.pimpinanAbove(period.unit?.unitID ?? "")
            _ = try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: pimpinan.options)
            try await fixture.settleDeliveries()
            let locks = try await reporting.listPeriodLocks(Reporting.ListPeriodLocksRequest(nip: pegawai), options: asPegawai)
            let lock = try #require(locks.locks.first { $0.lockID == period.periodID })
            #expect(lock.period == currentTriwulan && lock.locked?.principal.hasSuffix("/service/evaluation") == true)
            // Reporting now refuses a report dated in the finalised triwulan.
            let refused = await statusCode {
                try await reporting.submitDailyReport(Reporting.SubmitDailyReportRequest(report: draft), options: asPegawai)
            }
            #expect(refused == .failedPrecondition)
        }
    }

    @Test("after the annual finalisation planning refuses to revise the year's SKPs, and allows it again once the period is reopened")
    func revisionsLocked() async throws {
        try await withEvaluation(peers: .real) { fixture in
            let planning = try #require(fixture.planningClient)
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK.IDENTITAS", period: Common.Period(year: witaToday.year, kind: .annual))
            let pegawai = try #require(try await fixture.evaluations(period.periodID).first { !$0.unitLeader }?.employee?.nip)
            let asPegawai = try await fixture.signIn(nip: pegawai)
            try await fixture.decide(period, .baik)
            try await fixture.rateCompliantBaik(try await fixture.evaluations(period.periodID))
            let pimpinan = try await fixture.pimpinanAbove(period.unit?.unitID ?? "")
            _ = try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: pimpinan.options)
            try await fixture.settleDeliveries()
            let skp = try #require(try await planning.getCurrentSkp(Planning.GetCurrentSkpRequest(nip: pegawai, year: witaToday.year), options: asPegawai).skp)
            do {
                _ = try await planning.reviseSkp(Planning.ReviseSkpRequest(skpID: skp.skpID, reason: "Perubahan tugas setelah mutasi"), options: asPegawai)
                Issue.record("planning revised an SKP whose year is finalised")
            } catch let error as RPCError {
                #expect(error.code == .failedPrecondition && error.reason == "SKP_EVALUATION_FINALISED", "\(error)")
            }
            _ = try await fixture.client.reopenPeriod(Evaluation.ReopenPeriodRequest(
                periodID: period.periodID, reason: "Koreksi atas keberatan pegawai yang diterima tim penilai kinerja"), options: pimpinan.options)
            try await fixture.settleDeliveries()
            let revised = try await planning.reviseSkp(Planning.ReviseSkpRequest(skpID: skp.skpID, reason: "Perubahan tugas setelah mutasi"), options: asPegawai)
            #expect(revised.skp?.state == .draft)
        }
    }
}
