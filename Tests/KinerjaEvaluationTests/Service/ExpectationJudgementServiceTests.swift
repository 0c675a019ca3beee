import Foundation
@testable import KinerjaEvaluation
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

@Suite("The atasan's judgement of the ekspektasi khusus: set by the penilai of the day, used by the Perilaku proposal with its reasons", .serialized)
struct ExpectationJudgementServiceTests {
    static let pelayanan = "Merespons pengaduan warga dalam 1×24 jam"

    /// A judgement of one value.
    func judge(_ value: Common.BerakhlakValue, _ judgement: Common.Rating, _ note: String = "") -> Evaluation.ExpectationJudgement {
        Evaluation.ExpectationJudgement(value: value, judgement: judgement, note: note)
    }

    /// Dukcapil opened with its sub-units, rated Baik; an evaluation of someone who does not lead the unit.
    func staff(_ fixture: EvaluationFixture) async throws -> (period: Evaluation.EvaluationPeriod, evaluation: Evaluation.EmployeeEvaluation) {
        let period = try await fixture.open("KPG.DUKCAPIL", subunits: true)
        try await fixture.decide(period, .baik)
        let evaluation = try #require(try await fixture.evaluations(period.periodID).first { !$0.unitLeader })
        return (period, evaluation)
    }

    @Test("four values judged Di Atas make the Perilaku proposal Di Atas without a 360° round; each value says it was the atasan's judgement, with the note; audited")
    func judgementsDecideTheProposal() async throws {
        try await withEvaluation { fixture in
            let (period, evaluation) = try await staff(fixture)
            let nip = evaluation.employee?.nip ?? ""
            let evidence = try #require(fixture.evidence)
            evidence.setExpectations([Planning.BehaviourExpectation(value: .berorientasiPelayanan, ekspektasiKhusus: Self.pelayanan)], for: nip)
            let hr = try await fixture.signIn("pengelola")
            _ = try await fixture.client.proposeEvaluations(Evaluation.ProposeEvaluationsRequest(periodID: period.periodID), options: hr)
            let before = try #require(try await fixture.evaluations(period.periodID).first { $0.evaluationID == evaluation.evaluationID })
            #expect(before.perilakuProposal?.rating == .unspecified, "no 360° summary and no judgement: no Perilaku proposal")

            let options = try await fixture.penilaiOptions(of: nip)
            let penilai = try #require(try await fixture.penilai(of: [nip])[nip]?.penilai?.nip)
            let note = "Seluruh pengaduan triwulan ini dijawab dalam sehari"
            var key = Evaluation.EmployeePeriodKey(nip: nip)
            key.span = period.span
            var request = Evaluation.SetExpectationJudgementsRequest(judgements: [
                judge(.kompeten, .diAtasEkspektasi), judge(.berorientasiPelayanan, .diAtasEkspektasi, "  \(note) "),
                judge(.akuntabel, .diAtasEkspektasi), judge(.harmonis, .diAtasEkspektasi),
            ])
            request.key = .employeePeriod(key)
            let response = try await fixture.client.setExpectationJudgements(request, options: options)
            let judged = try #require(response.evaluation)
            #expect(judged.expectationJudgements.map(\.value) == [.berorientasiPelayanan, .akuntabel, .kompeten, .harmonis], "in value order")
            #expect(judged.expectationJudgements.first?.note == note && judged.expectationJudgements.allSatisfy { $0.judged?.principal == penilai })
            let proposal = try #require(judged.perilakuProposal)
            #expect(proposal.rating == .diAtasEkspektasi)
            #expect(proposal.explanation.contains("4 decided by the atasan's judgement of the ekspektasi khusus"))
            let value = try #require(proposal.values.first { $0.value == .berorientasiPelayanan })
            #expect(value.expectationJudgement == .diAtasEkspektasi && value.ekspektasiKhusus == Self.pelayanan && value.rating == .diAtasEkspektasi)
            #expect(value.reason.contains("the atasan judged the ekspektasi khusus \"\(Self.pelayanan)\" Di Atas") && value.reason.contains(note))
            let kompeten = try #require(proposal.values.first { $0.value == .kompeten })
            #expect(kompeten.reason.contains("(no ekspektasi khusus in the SKP)"))

            // GetEvaluation shows it, and a recomputed proposal keeps using the judgements.
            let read = try await fixture.client.getEvaluation(Evaluation.GetEvaluationRequest(key: .evaluationID(evaluation.evaluationID)), options: options)
            #expect(read.evaluation?.expectationJudgements.count == 4 && read.evaluation?.perilakuProposal?.rating == .diAtasEkspektasi)
            _ = try await fixture.client.proposeEvaluations(Evaluation.ProposeEvaluationsRequest(periodID: period.periodID, recompute: true), options: hr)
            let recomputed = try #require(try await fixture.evaluations(period.periodID).first { $0.evaluationID == evaluation.evaluationID })
            #expect(recomputed.perilakuProposal?.rating == .diAtasEkspektasi && recomputed.expectationJudgements.count == 4)
            let audit = try await fixture.auditEvents(action: "/kinerja.evaluation.v1.EvaluationService/SetExpectationJudgements")
            #expect(audit.contains { $0.outcome == .success && $0.principal == penilai && $0.detail.contains("ekspektasi khusus of \(nip) judged") })

            // An empty list withdraws them: no proposal again.
            var withdraw = Evaluation.SetExpectationJudgementsRequest()
            withdraw.key = .evaluationID(evaluation.evaluationID)
            let withdrawn = try await fixture.client.setExpectationJudgements(withdraw, options: options)
            #expect(withdrawn.evaluation?.expectationJudgements.isEmpty == true && withdrawn.evaluation?.perilakuProposal?.rating == .unspecified)
        }
    }

    @Test("a Plt within the decree's range and the non-ASN Wali Kota judge those they are penilai of")
    func actingAndExternalPenilai() async throws {
        try await withEvaluation { fixture in
            let plt = try fixture.nip("plt")
            let yankes = try await fixture.open("KPG.DINKES.YANKES", subunits: true)
            let evaluations = try await fixture.evaluations(yankes.periodID)
            let penilai = try await fixture.penilai(of: evaluations.compactMap { $0.employee?.nip })
            let rated = try #require(evaluations.first { penilai[$0.employee?.nip ?? ""]?.penilai?.nip == plt && penilai[$0.employee?.nip ?? ""]?.kind == .plt })
            var request = Evaluation.SetExpectationJudgementsRequest(judgements: [judge(.loyal, .sesuaiEkspektasi)])
            request.key = .evaluationID(rated.evaluationID)
            let asPlt = try await fixture.client.setExpectationJudgements(request, options: try await fixture.signIn("plt"))
            #expect(asPlt.evaluation?.expectationJudgements.first?.judged?.principal == plt)

            let setda = try await fixture.open("KPG.SETDA", subunits: true)
            let sekda = try #require(try await fixture.evaluations(setda.periodID).first { $0.unitLeader })
            request.key = .evaluationID(sekda.evaluationID)
            let walikota = try fixture.nip("walikota")
            let asWaliKota = try await fixture.client.setExpectationJudgements(request, options: try await fixture.signIn("walikota"))
            #expect(asWaliKota.evaluation?.expectationJudgements.first?.judged?.principal == walikota)
        }
    }

    @Test("bad judgements, a missing key, an unknown evaluation, the wrong caller and a finalised period are refused with a clear status and change nothing")
    func badInput() async throws {
        try await withEvaluation { fixture in
            let (period, evaluation) = try await staff(fixture)
            let nip = evaluation.employee?.nip ?? ""
            let options = try await fixture.penilaiOptions(of: nip)
            func set(_ judgements: [Evaluation.ExpectationJudgement], id: String? = nil, as caller: CallOptions? = nil) async throws {
                var request = Evaluation.SetExpectationJudgementsRequest(judgements: judgements)
                request.key = .evaluationID(id ?? evaluation.evaluationID)
                _ = try await fixture.client.setExpectationJudgements(request, options: caller ?? options)
            }
            try await fixture.refused(.invalidArgument, "no key") {
                try await fixture.client.setExpectationJudgements(Evaluation.SetExpectationJudgementsRequest(judgements: [judge(.loyal, .sesuaiEkspektasi)]),
                                                                  options: options)
            }
            try await fixture.refused(.notFound, "an unknown evaluation") { try await set([judge(.loyal, .sesuaiEkspektasi)], id: "01UNKNOWNEVALUATION0000000") }
            try await fixture.refused(.invalidArgument, reason: "EXPECTATION_VALUE_REQUIRED", "an unknown BerAKHLAK value") {
                try await set([judge(Common.BerakhlakValue(rawValue: 42), .sesuaiEkspektasi)])
            }
            try await fixture.refused(.invalidArgument, reason: "EXPECTATION_VALUE_REQUIRED", "no value") { try await set([judge(.unspecified, .sesuaiEkspektasi)]) }
            try await fixture.refused(.invalidArgument, reason: "EXPECTATION_JUDGEMENT_REQUIRED", "an unspecified judgement") { try await set([judge(.loyal, .unspecified)]) }
            try await fixture.refused(.invalidArgument, reason: "EXPECTATION_JUDGEMENT_REQUIRED", "an unknown judgement value") {
                try await set([judge(.loyal, Common.Rating(rawValue: 9))])
            }
            try await fixture.refused(.invalidArgument, reason: "EXPECTATION_JUDGEMENT_DUPLICATE", "a value judged twice") {
                try await set([judge(.loyal, .sesuaiEkspektasi), judge(.loyal, .diAtasEkspektasi)])
            }
            try await fixture.refused(.invalidArgument, reason: "TEXT_LENGTH_INVALID", "a note over 1000 characters") {
                try await set([judge(.loyal, .sesuaiEkspektasi, String(repeating: "a", count: 1001))])
            }
            try await fixture.refused(.invalidArgument, reason: "EXPECTATION_JUDGEMENTS_TOO_MANY", "eight judgements") {
                try await set(Array(repeating: judge(.loyal, .sesuaiEkspektasi), count: 8))
            }
            // Only the penilai of the day: pengelola kinerja and the employee are refused, audited.
            let pengelola = try fixture.nip("pengelola")
            try await fixture.refused(.permissionDenied, reason: "RELATION_NOT_HELD", "pengelola kinerja judging") {
                try await set([judge(.loyal, .sesuaiEkspektasi)], as: try await fixture.signIn("pengelola"))
            }
            try await fixture.refused(.permissionDenied, reason: "RELATION_NOT_HELD", "the employee judging themselves") {
                try await set([judge(.loyal, .diAtasEkspektasi)], as: try await fixture.signIn(nip: nip))
            }
            let denials = try await fixture.auditEvents(action: "/kinerja.evaluation.v1.EvaluationService/SetExpectationJudgements")
                .filter { $0.outcome == .denied }
            #expect(denials.contains { $0.principal == pengelola } && denials.contains { $0.principal == nip })

            // After finalisation: FAILED_PRECONDITION.
            try await fixture.rateCompliantBaik(try await fixture.evaluations(period.periodID))
            let pimpinan = try await fixture.pimpinanAbove(period.unit?.unitID ?? "")
            _ = try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: pimpinan.options)
            try await fixture.settleDeliveries()
            try await fixture.refused(.failedPrecondition, reason: "PERIOD_FINALISED", "judging after finalisation") {
                try await set([judge(.loyal, .sesuaiEkspektasi)])
            }
        }
    }
}
