import Foundation
import KinerjaASN
@testable import KinerjaEvaluation
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// docs/EVALUATION.md §8.5 end to end: an employee transferred inside the triwulan is evaluated over
/// both SKPs, with the real planning and reporting services.
@Suite("With the real planning and reporting services: several SKPs in one period", .serialized)
struct SeveralSkpsServiceTests {
    @Test("an employee transferred mid-triwulan gets one proposal from the IKIs of both SKPs, each SKP weighted by its covered days; one SKP weighs 1 as before",
          .enabled(if: SkpTransfer.possibleToday, "needs two days of the triwulan before today"))
    func transferPooled() async throws {
        try await withEvaluation(peers: .real) { fixture in
            let reporting = try #require(fixture.reportingClient)
            let planning = try #require(fixture.planningClient)
            // Someone of the bidang (with its seksi) with an approved demo SKP: the period's population.
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK", subunits: true)
            let nip = try #require(try await fixture.evaluations(period.periodID).first { !$0.unitLeader }?.employee?.nip)
            let owner = try await fixture.signIn(nip: nip)
            let penilai = try await fixture.penilaiOptions(of: nip)
            let first = try #require(try await planning.getCurrentSkp(Planning.GetCurrentSkpRequest(nip: nip, year: witaToday.year), options: owner).skp)
            #expect(first.state == .disetujui)
            let transfer = try await SkpTransfer.make(planning: planning, nip: nip, first: first, owner: owner, penilai: penilai)
            #expect(transfer.triwulan == currentTriwulan)
            // A verified report against each SKP: 7 on the first one's IKI the day before the transfer, 5 on the second's from its first day.
            let ikiA = try #require(transfer.first.measurableIkis.first)
            let ikiB = try #require(transfer.second.measurableIkis.first)
            for (pair, date, value) in [(ikiA, transfer.dayBefore, 7.0), (ikiB, transfer.day, 5.0)] {
                let draft = Reporting.DailyReportDraft(reportDate: date, rhkID: pair.rhk.rhkID, ikiID: pair.iki.ikiID, realisationValue: value,
                                                       description: "Pelayanan perekaman KTP-el di loket", durationMinutes: 90)
                let report = try #require(try await reporting.submitDailyReport(Reporting.SubmitDailyReportRequest(report: draft), options: owner).report)
                _ = try await reporting.verifyDailyReport(Reporting.VerifyDailyReportRequest(reportID: report.reportID), options: penilai)
            }

            _ = try await fixture.client.proposeEvaluations(Evaluation.ProposeEvaluationsRequest(periodID: period.periodID),
                                                            options: try await fixture.signIn("pengelola"))
            let evaluations = try await fixture.evaluations(period.periodID)
            let mine = try #require(evaluations.first { $0.employee?.nip == nip })
            let inputs = try #require(mine.proposal?.inputs)
            let covered = transfer.coveredDays
            let total = covered.first + covered.second
            let weight = [transfer.first.skpID: Double(covered.first) / Double(total), transfer.second.skpID: Double(covered.second) / Double(total)]
            let days = [transfer.first.skpID: covered.first, transfer.second.skpID: covered.second]

            // The IKIs of both SKPs, each SKP's as many as it has, in period order.
            let ikiCount = { (skp: Planning.Skp) in skp.rhks.reduce(0) { $0 + $1.ikis.count } }
            #expect(inputs.map(\.skpID) == Array(repeating: transfer.first.skpID, count: ikiCount(transfer.first))
                + Array(repeating: transfer.second.skpID, count: ikiCount(transfer.second)))
            // Each Utama IKI weighs its SKP's share of the triwulan's days (e.g. 61/91 and 30/91), and its reason says so.
            for input in inputs where input.rhkKind != .tambahan {
                let expected = try #require(weight[input.skpID])
                #expect(abs(input.weight - expected) < 1e-9, "\(input.ikiID): \(input.weight) against \(expected)")
                #expect(input.reason.hasPrefix("SKP \(input.skpID), \(days[input.skpID] ?? 0)/\(total) days (weight "), "\(input.reason)")
            }
            // Realisations stay with their own SKP's IKI, against that SKP's own triwulan target.
            let a = try #require(inputs.first { $0.ikiID == ikiA.iki.ikiID })
            let b = try #require(inputs.first { $0.ikiID == ikiB.iki.ikiID })
            #expect(a.skpID == transfer.first.skpID && a.realisationValue?.value == 7 && a.basis == .capaian)
            #expect(b.skpID == transfer.second.skpID && b.realisationValue?.value == 5 && b.basis == .capaian)
            #expect((a.targetValue?.value ?? 0) > 0 && (b.targetValue?.value ?? 0) > 0)
            #expect(mine.proposal?.explanation.contains("IKIs of 2 SKPs pooled") == true, "\(mine.proposal?.explanation ?? "")")
            #expect(Set(mine.skpIDs) == [transfer.first.skpID, transfer.second.skpID])
            // The evidence shown with the evaluation lists both SKPs' progress.
            let shown = try await fixture.client.getEvaluation(Evaluation.GetEvaluationRequest(key: .evaluationID(mine.evaluationID), includeEvidence: true),
                                                               options: owner)
            #expect(shown.skpProgress.map(\.skpID) == [transfer.first.skpID, transfer.second.skpID])
            #expect(shown.progress?.skpID == (covered.first > covered.second ? transfer.first.skpID : transfer.second.skpID))

            // Everyone else has one SKP: weights as before (Utama 1), no SKP shares in the reasons.
            let others = evaluations.filter { $0.employee?.nip != nip && !$0.unitLeader && !($0.proposal?.inputs.isEmpty ?? true) }
            #expect(!others.isEmpty)
            for other in others {
                let own = other.proposal?.inputs ?? []
                #expect(Set(own.map(\.skpID)).count == 1 && other.skpIDs.count == 1)
                #expect(own.filter { $0.rhkKind != .tambahan }.allSatisfy { $0.weight == 1 && !$0.reason.hasPrefix("SKP ") })
                #expect(other.proposal?.explanation.contains("pooled") == false)
            }
        }
    }
}
