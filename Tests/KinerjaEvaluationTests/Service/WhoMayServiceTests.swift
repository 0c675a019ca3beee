import Foundation
import KinerjaASN
@testable import KinerjaEvaluation
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

@Suite("Who may do what: only the penilai of the day rates, only the pimpinan above decides the unit, HR runs and reads, the HR portal reads", .serialized)
struct WhoMayServiceTests {
    @Test("a Plt rates those they are penilai of within the decree's range, and not once the acting assignment has ended")
    func plt() async throws {
        try await withEvaluation(identityCacheSeconds: 1) { fixture in
            let plt = try fixture.nip("plt")
            let period = try await fixture.open("KPG.DINKES.YANKES", subunits: true)
            try await fixture.decide(period, .baik)
            let evaluations = try await fixture.evaluations(period.periodID)
            let penilai = try await fixture.penilai(of: evaluations.compactMap { $0.employee?.nip })
            // Those the Plt rates as Plt (not their own seksi, where they are the definitive atasan).
            let rated = evaluations.filter { penilai[$0.employee?.nip ?? ""]?.penilai?.nip == plt && penilai[$0.employee?.nip ?? ""]?.kind == .plt }
            #expect(rated.count >= 2, "the Plt is penilai of the bidang's staff and seksi heads")
            #expect(rated.allSatisfy { !(penilai[$0.employee?.nip ?? ""]?.decreeNumber.isEmpty ?? true) }, "by decree")
            let asPlt = try await fixture.signIn("plt")
            let first = try #require(rated.first)
            let response = try await fixture.client.setHasilKerjaRating(Evaluation.SetHasilKerjaRatingRequest(
                evaluationID: first.evaluationID, rating: .sesuaiEkspektasi, reason: "Target triwulan tercapai"), options: asPlt)
            #expect(response.evaluation?.hasilKerja?.decided?.principal == plt && response.evaluation?.evaluator?.nip == plt)

            // The acting assignment ends yesterday: the Plt rates nobody today.
            let hr = try await fixture.signIn("pengelola")
            let acting = try await fixture.identity.client.listActingAssignments(Identity.ListActingAssignmentsRequest(actingNIP: plt), options: hr)
            let assignment = try #require(acting.assignments.first)
            _ = try await fixture.identity.client.endActingAssignment(Identity.EndActingAssignmentRequest(
                assignmentID: assignment.assignmentID, lastDay: witaToday.adding(days: -1), reason: "Kepala Bidang definitif dilantik"), options: hr)
            try await Task.sleep(for: .seconds(2))  // evaluation's cache of identity's answers (1 s here)
            let second = try #require(rated.dropFirst().first)
            try await fixture.refused(.permissionDenied, reason: "RELATION_NOT_HELD", "the Plt after the acting assignment ended") {
                try await fixture.client.setHasilKerjaRating(Evaluation.SetHasilKerjaRatingRequest(
                    evaluationID: second.evaluationID, rating: .sesuaiEkspektasi, reason: "Target triwulan tercapai"), options: asPlt)
            }
        }
    }

    @Test("pengelola kinerja never rate, decide the organisation rating or finalise (refused and audited); they may recommend")
    func hrRefused() async throws {
        try await withEvaluation { fixture in
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            let evaluation = try #require(try await fixture.evaluations(period.periodID).first)
            let hr = try await fixture.signIn("pengelola")
            let pengelola = try fixture.nip("pengelola")
            try await fixture.refused(.permissionDenied, "pengelola kinerja setting the unit's organisation rating") {
                try await fixture.client.setOrganisationRating(Evaluation.SetOrganisationRatingRequest(
                    periodID: period.periodID, rating: .baik, reason: "Hasil evaluasi SAKIP"), options: hr)
            }
            let recommended = try await fixture.client.recommendOrganisationRating(Evaluation.RecommendOrganisationRatingRequest(
                periodID: period.periodID, rating: .baik, reason: "Hasil evaluasi SAKIP oleh Bagian Organisasi"), options: hr)
            #expect(recommended.period?.recommendations.first?.rating == .baik && recommended.period?.state == .persiapan)
            try await fixture.decide(period, .baik)
            try await fixture.refused(.permissionDenied, "pengelola kinerja rating") {
                try await fixture.client.setHasilKerjaRating(Evaluation.SetHasilKerjaRatingRequest(
                    evaluationID: evaluation.evaluationID, rating: .sesuaiEkspektasi, reason: "Dinilai oleh BKPSDM"), options: hr)
            }
            try await fixture.refused(.permissionDenied, "pengelola kinerja finalising") {
                try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: hr)
            }
            let denials = try await fixture.auditEvents().filter { $0.outcome == .denied && $0.principal == pengelola }
            #expect(Set(denials.map(\.action)) == ["/kinerja.evaluation.v1.EvaluationService/SetOrganisationRating",
                                                     "/kinerja.evaluation.v1.EvaluationService/SetHasilKerjaRating",
                                                     "/kinerja.evaluation.v1.EvaluationService/FinalisePeriod"])
        }
    }

    @Test("someone who is not the employee's penilai of the day cannot rate: another atasan, the employee, the pimpinan above")
    func notThePenilai() async throws {
        try await withEvaluation { fixture in
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            try await fixture.decide(period, .baik)
            let evaluation = try #require(try await fixture.evaluations(period.periodID).first { !$0.unitLeader })
            let nip = try #require(evaluation.employee?.nip)
            let request = Evaluation.SetPerilakuRatingRequest(evaluationID: evaluation.evaluationID, rating: .sesuaiEkspektasi)
            try await fixture.refused(.permissionDenied, reason: "RELATION_NOT_HELD", "the employee rating themselves") {
                try await fixture.client.setPerilakuRating(request, options: try await fixture.signIn(nip: nip))
            }
            try await fixture.refused(.permissionDenied, "the pimpinan of Dukcapil (not the penilai)") {
                try await fixture.client.setPerilakuRating(request, options: try await fixture.signIn("pimpinan"))
            }
            try await fixture.refused(.permissionDenied, "an atasan of another seksi") {
                try await fixture.client.setPerilakuRating(request, options: try await fixture.signIn("plt"))
            }
            // A machine client writes nothing: without a user there is nobody to be the penilai (UNAUTHENTICATED, audited).
            try await fixture.refused(.unauthenticated, "the HR portal's certificate (read-only)") {
                try await fixture.hrPortal.setPerilakuRating(request)
            }
        }
    }

    @Test("the non-ASN Wali Kota decides the Sekretariat Daerah's organisation rating and rates the Sekretaris Daerah")
    func waliKota() async throws {
        try await withEvaluation { fixture in
            let period = try await fixture.open("KPG.SETDA", subunits: true)
            let walikota = try fixture.nip("walikota")
            let pimpinan = try #require(try await (try fixture.handlers).pimpinanAbove(period.unit?.unitID ?? ""))
            #expect(pimpinan.nip == walikota, "the Sekda's penilai: the Kepala Daerah")
            let asWaliKota = try await fixture.signIn("walikota")
            _ = try await fixture.client.setOrganisationRating(Evaluation.SetOrganisationRatingRequest(
                periodID: period.periodID, rating: .baik, reason: "Laporan kinerja Sekretariat Daerah"), options: asWaliKota)
            let sekda = try #require(try await fixture.evaluations(period.periodID).first { $0.unitLeader })
            let response = try await fixture.client.setHasilKerjaRating(Evaluation.SetHasilKerjaRatingRequest(
                evaluationID: sekda.evaluationID, rating: .sesuaiEkspektasi, reason: "Mengikuti predikat kinerja organisasi"), options: asWaliKota)
            #expect(response.evaluation?.evaluator?.nip == walikota && response.evaluation?.proposal?.fromOrganisationRating == true)
        }
    }

    @Test("the HR portal reads periods, evaluations, totals, overrides and the export, and fails to write")
    func hrPortal() async throws {
        try await withEvaluation { fixture in
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK", subunits: true)
            try await fixture.decide(period, .baik)
            try await fixture.rateCompliantBaik(try await fixture.evaluations(period.periodID))
            let pimpinan = try await fixture.pimpinanAbove(period.unit?.unitID ?? "")
            _ = try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: pimpinan.options)
            try await fixture.settleDeliveries()
            let portal = fixture.hrPortal
            let unit = try #require(period.unit)
            _ = try await portal.getPeriod(Evaluation.GetPeriodRequest(periodID: period.periodID))
            let listed = try await portal.listEvaluations(Evaluation.ListEvaluationsRequest(unit: unit, period: currentTriwulan))
            #expect(listed.evaluations.count == Int(period.population) && listed.totals.first { $0.predikat == .butuhPerbaikan }?.count == 1)
            let onlyBaik = try await portal.listEvaluations(Evaluation.ListEvaluationsRequest(unit: unit, period: currentTriwulan, predikats: [.baik]))
            #expect(onlyBaik.evaluations.allSatisfy { $0.predikat == .baik } && !onlyBaik.evaluations.isEmpty)
            let nip = try #require(listed.evaluations.first?.employee?.nip)
            #expect(try await portal.listEmployeeEvaluations(Evaluation.ListEmployeeEvaluationsRequest(nip: nip, finalOnly: true)).evaluations.count == 1)
            _ = try await portal.listRatingOverrides(Evaluation.ListRatingOverridesRequest(periodID: period.periodID))
            let rows = try await portal.exportEvaluations(Evaluation.ExportEvaluationsRequest(unit: unit, period: currentTriwulan)) { responses in
                var rows: [Evaluation.ExportEvaluationsResponse] = []
                for try await response in responses { rows.append(response) }
                return rows
            }
            #expect(rows.count == Int(period.population) && rows.map { $0.record?.nip ?? "" } == rows.map { $0.record?.nip ?? "" }.sorted())
            #expect(rows.allSatisfy { $0.finalisationNumber == 1 && $0.record?.recordSha256.count == 32 && $0.record?.predikatCode != 0 })

            // Every write needs a signed-in user holding a role or relation: the portal's certificate alone is refused (audited).
            try await fixture.refused(.unauthenticated, "the HR portal opening a period") {
                try await portal.openPeriod(Evaluation.OpenPeriodRequest(unit: unit, period: Common.Period(year: witaToday.year, kind: .annual)))
            }
            try await fixture.refused(.unauthenticated, "the HR portal reopening") {
                try await portal.reopenPeriod(Evaluation.ReopenPeriodRequest(periodID: period.periodID, reason: "Koreksi atas keberatan pegawai yang diterima"))
            }
            try await fixture.refused(.unauthenticated, "the HR portal changing the proposal rule") {
                try await portal.setProposalRule(Evaluation.SetProposalRuleRequest(rule: ProposalRuleConfiguration.default.proto, reason: "portal"))
            }
        }
    }

    @Test("the employee reads their own evaluation and acknowledges it with a response; another employee cannot read it")
    func employee() async throws {
        try await withEvaluation { fixture in
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            try await fixture.decide(period, .baik)
            let evaluations = try await fixture.evaluations(period.periodID).filter { !$0.unitLeader }
            let mine = try #require(evaluations.first)
            let other = try #require(evaluations.dropFirst().first?.employee?.nip)
            let asEmployee = try await fixture.signIn(nip: mine.employee?.nip ?? "")
            try await fixture.refused(.failedPrecondition, reason: "NOT_RATED", "acknowledging before both ratings") {
                try await fixture.client.acknowledgeEvaluation(Evaluation.AcknowledgeEvaluationRequest(evaluationID: mine.evaluationID), options: asEmployee)
            }
            try await fixture.rate(mine, .sesuaiEkspektasi, .sesuaiEkspektasi)
            let read = try await fixture.client.getEvaluation(Evaluation.GetEvaluationRequest(key: .employeePeriod(Evaluation.EmployeePeriodKey(
                nip: mine.employee?.nip ?? "", period: currentTriwulan))), options: asEmployee)
            #expect(read.evaluation?.predikat == .baik && read.evaluation?.kuadran == 5)
            let acknowledged = try await fixture.client.acknowledgeEvaluation(Evaluation.AcknowledgeEvaluationRequest(
                evaluationID: mine.evaluationID, note: "Saya menerima penilaian ini; mohon pelatihan pelayanan"), options: asEmployee)
            #expect(acknowledged.evaluation?.acknowledgement?.acknowledged?.principal == mine.employee?.nip)
            try await fixture.refused(.permissionDenied, "another employee reading it") {
                try await fixture.client.getEvaluation(Evaluation.GetEvaluationRequest(key: .evaluationID(mine.evaluationID)),
                                                       options: try await fixture.signIn(nip: other))
            }
        }
    }
}
