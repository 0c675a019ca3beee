import Foundation
@testable import KinerjaEvaluation
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

@Suite("Proposals from reporting's verified realisations and feedback's summaries, batched per unit, with their reasons", .serialized)
struct ProposalServiceTests {
    @Test("300 verified documents against a triwulan I target of 300 is capaian 100%; a Waktu IKI with target 3 days and realisation 4 is below expectation")
    func capaian() async throws {
        try await withEvaluation { fixture in
            let triwulanI = Common.Period(year: witaToday.year, kind: .quarterly, triwulan: .i)
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK.IDENTITAS", period: triwulanI)
            let evaluations = try await fixture.evaluations(period.periodID)
            let first = try #require(evaluations.first?.employee?.nip)
            let second = try #require(evaluations.dropFirst().first?.employee?.nip)
            try fixture.setProgress(first, period: triwulanI, [StandInIki(id: "ktp", indicator: "Jumlah KTP-el diterbitkan", target: 300, realisation: 300)])
            try fixture.setProgress(second, period: triwulanI, [StandInIki(id: "waktu", aspek: .waktu, indicator: "Waktu penerbitan KTP-el", target: 3,
                                                                           unit: "hari", direction: .lowerIsBetter, realisation: 4)])
            let response = try await fixture.client.proposeEvaluations(Evaluation.ProposeEvaluationsRequest(periodID: period.periodID),
                                                                       options: try await fixture.signIn("pengelola"))
            #expect(response.proposedCount == UInt32(evaluations.count))
            let after = try await fixture.evaluations(period.periodID)
            let documents = try #require(after.first { $0.employee?.nip == first }?.proposal)
            let ktp = try #require(documents.inputs.first)
            #expect(ktp.capaianPercent?.value == 100 && ktp.rating == .sesuaiEkspektasi && ktp.basis == .capaian)
            #expect(ktp.targetValue?.value == 300 && ktp.realisationValue?.value == 300)
            #expect(ktp.reason.contains("capaian 100%") && ktp.reason.contains("target 300 dokumen"))
            #expect(documents.rating == .sesuaiEkspektasi)
            let time = try #require(after.first { $0.employee?.nip == second }?.proposal)
            let waktu = try #require(time.inputs.first)
            #expect(waktu.capaianPercent?.value == 75 && waktu.rating == .diBawahEkspektasi && waktu.direction == .lowerIsBetter)
            #expect(waktu.reason.contains("target 3 hari, realisasi 4 hari") && waktu.reason.contains("lower is better"))
            #expect(time.rating == .diBawahEkspektasi && time.explanation.contains("below expectation"))
            // Those without progress have no Hasil Kerja proposal, and say why.
            #expect(response.failures.contains { $0.reason.contains("no Hasil Kerja proposal") })
            #expect(after.allSatisfy { $0.state == .proposed })
        }
    }

    @Test("a semester is proposed from its two triwulan combined: targets of amounts add up, realisations add up")
    func semester() async throws {
        try await withEvaluation { fixture in
            let semester = Evaluation.EvaluationSpan.semester(witaToday.month > 6 ? 2 : 1, of: witaToday.year)
            let parts = ProposalEvidence.parts(of: semester)
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK.IDENTITAS", span: semester)
            #expect(period.span?.kind == .semester && period.period == nil)
            let nip = try #require(try await fixture.evaluations(period.periodID).first?.employee?.nip)
            try fixture.setProgress(nip, period: parts[0], [StandInIki(id: "ktp", indicator: "KTP-el", target: 300, realisation: 300)])
            try fixture.setProgress(nip, period: parts[1], [StandInIki(id: "ktp", indicator: "KTP-el", target: 300, realisation: 240)])
            let evidence = try #require(fixture.evidence)
            let before = evidence.calls.count
            _ = try await fixture.client.proposeEvaluations(Evaluation.ProposeEvaluationsRequest(periodID: period.periodID, nips: [nip]),
                                                            options: try await fixture.signIn("pengelola"))
            #expect(Array(evidence.calls.dropFirst(before)).filter { $0 == "progress(unit)" }.count == 2, "one stream per triwulan")
            let input = try #require(try await fixture.evaluations(period.periodID).first { $0.employee?.nip == nip }?.proposal?.inputs.first)
            #expect(input.targetValue?.value == 600 && input.realisationValue?.value == 540 && input.capaianPercent?.value == 90)
            #expect(input.rating == .sesuaiEkspektasi)
        }
    }

    @Test("a unit's proposals are one progress stream, one summary stream and one planning batch — never a call per employee")
    func batched() async throws {
        try await withEvaluation { fixture in
            let period = try await fixture.open("KPG.DUKCAPIL", subunits: true)
            let evaluations = try await fixture.evaluations(period.periodID)
            for evaluation in evaluations {
                try fixture.setProgress(evaluation.employee?.nip ?? "", [StandInIki(id: "i-\(evaluation.employee?.nip ?? "")", indicator: "Dokumen", target: 100, realisation: 120)])
            }
            let evidence = try #require(fixture.evidence)
            let before = evidence.calls.count
            _ = try await fixture.client.proposeEvaluations(Evaluation.ProposeEvaluationsRequest(periodID: period.periodID),
                                                            options: try await fixture.signIn("pengelola"))
            let calls = Array(evidence.calls.dropFirst(before))
            #expect(calls == ["progress(unit)", "targets(\(evaluations.count))", "behaviour(unit)"], "\(calls)")
            // Everyone but the unit's head (whose Hasil Kerja waits for the organisation rating) is proposed from capaian 120%.
            #expect(try await fixture.evaluations(period.periodID).allSatisfy { $0.unitLeader || $0.proposal?.rating == .diAtasEkspektasi })
        }
    }

    @Test("Perilaku is proposed from the 360° summary with a reason per value; without one the proposal says the atasan rates alone")
    func perilaku() async throws {
        try await withEvaluation { fixture in
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            let evaluations = try await fixture.evaluations(period.periodID)
            let nip = try #require(evaluations.first?.employee?.nip)
            var summary = Feedback.BehaviourSummary()
            summary.subject = Common.EmployeeRef(nip: nip)
            summary.roundID = "round-demo"
            summary.groups = [Feedback.RaterGroupSummary(relation: .rekanKerja, assignedCount: 4, respondedCount: 4)]
            summary.combined = [Common.BerakhlakValue.berorientasiPelayanan, .akuntabel, .kompeten, .harmonis, .loyal, .adaptif, .kolaboratif]
                .map { Feedback.ValueAggregate(value: $0, responseCount: 9, meanScore: 4.6) }
            try #require(fixture.evidence).setBehaviour(summary, for: nip, period: currentTriwulan)
            _ = try await fixture.client.proposeEvaluations(Evaluation.ProposeEvaluationsRequest(periodID: period.periodID),
                                                            options: try await fixture.signIn("pengelola"))
            let after = try await fixture.evaluations(period.periodID)
            let proposal = try #require(after.first { $0.employee?.nip == nip }?.perilakuProposal)
            #expect(proposal.rating == .diAtasEkspektasi && proposal.roundID == "round-demo" && proposal.values.count == 7)
            #expect(proposal.values.allSatisfy { $0.reason.contains("360° mean 4.6 from 9 scores") })
            let other = try #require(after.first { $0.employee?.nip != nip }?.perilakuProposal)
            #expect(other.rating == .unspecified && other.explanation.contains("rated by the atasan alone"))
        }
    }

    @Test("the unit leader's Hasil Kerja follows the organisation rating (Istimewa → Di Atas), and changes with it")
    func leader() async throws {
        try await withEvaluation { fixture in
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK", subunits: true)
            let leader = try #require(try await fixture.evaluations(period.periodID).first { $0.unitLeader }, "the Kepala Bidang leads the unit")
            try await fixture.decide(period, .istimewa)
            var read = try await fixture.client.getEvaluation(Evaluation.GetEvaluationRequest(key: .evaluationID(leader.evaluationID)),
                                                              options: try await fixture.signIn("pengelola"))
            #expect(read.evaluation?.proposal?.rating == .diAtasEkspektasi && read.evaluation?.proposal?.fromOrganisationRating == true)
            try await fixture.decide(period, .butuhPerbaikan)
            read = try await fixture.client.getEvaluation(Evaluation.GetEvaluationRequest(key: .evaluationID(leader.evaluationID)),
                                                          options: try await fixture.signIn("pengelola"))
            #expect(read.evaluation?.proposal?.rating == .diBawahEkspektasi)
        }
    }

    @Test("recomputing keeps the ratings entered and counts the proposals that changed; a peer that is down is UNAVAILABLE and changes nothing")
    func recompute() async throws {
        try await withEvaluation { fixture in
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            let evaluations = try await fixture.evaluations(period.periodID)
            let nip = try #require(evaluations.first?.employee?.nip)
            try fixture.setProgress(nip, [StandInIki(id: "ktp", indicator: "KTP-el", target: 100, realisation: 100)])
            let hr = try await fixture.signIn("pengelola")
            _ = try await fixture.client.proposeEvaluations(Evaluation.ProposeEvaluationsRequest(periodID: period.periodID), options: hr)
            try await fixture.decide(period, .baik)
            let rated = try await fixture.rate(try #require(try await fixture.evaluations(period.periodID).first { $0.employee?.nip == nip }),
                                               .sesuaiEkspektasi, .sesuaiEkspektasi)
            try fixture.setProgress(nip, [StandInIki(id: "ktp", indicator: "KTP-el", target: 100, realisation: 130)])
            let evidence = try #require(fixture.evidence)
            evidence.setUnavailable(true)
            try await fixture.refused(.unavailable, "proposals while reporting is down") {
                try await fixture.client.proposeEvaluations(Evaluation.ProposeEvaluationsRequest(periodID: period.periodID, recompute: true), options: hr)
            }
            evidence.setUnavailable(false)
            let response = try await fixture.client.proposeEvaluations(Evaluation.ProposeEvaluationsRequest(periodID: period.periodID, nips: [nip], recompute: true),
                                                                       options: hr)
            #expect(response.proposedCount == 1 && response.changedCount == 1)
            let after = try #require(try await fixture.evaluations(period.periodID).first { $0.employee?.nip == nip })
            #expect(after.proposal?.rating == .diAtasEkspektasi && after.hasilKerja?.rating == rated.hasilKerja?.rating && after.state == .rated)
            let refusal = try await fixture.refused(.invalidArgument, "a NIP outside the population") {
                try await fixture.client.proposeEvaluations(Evaluation.ProposeEvaluationsRequest(periodID: period.periodID, nips: ["199001012015031001"]),
                                                            options: hr)
            }
            #expect(refusal?.message.contains("not in the period's population") == true)
        }
    }

    @Test("a Kualitatif SKP is proposed from the penilai's ratings of its descriptive targets")
    func kualitatif() async throws {
        try await withEvaluation { fixture in
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            let evaluation = try #require(try await fixture.evaluations(period.periodID).first)
            let nip = try #require(evaluation.employee?.nip)
            try fixture.setProgress(nip, [StandInIki(id: "lap", indicator: "Laporan kegiatan", target: 0, realisation: 0, verified: 0),
                                          StandInIki(id: "sop", indicator: "SOP pelayanan", target: 0, realisation: 0, verified: 0)])
            try #require(fixture.evidence).setApproach(.kualitatif, for: nip)
            let options = try await fixture.penilaiOptions(of: nip)
            try await fixture.refused(.invalidArgument, reason: "QUALITATIVE_IKI_UNKNOWN", "an IKI not in the SKP") {
                try await fixture.client.rateQualitativeIkis(Evaluation.RateQualitativeIkisRequest(
                    evaluationID: evaluation.evaluationID, ratings: [Evaluation.QualitativeIkiRating(ikiID: "x", rating: .diAtasEkspektasi, note: "Baik")]),
                    options: options)
            }
            let response = try await fixture.client.rateQualitativeIkis(Evaluation.RateQualitativeIkisRequest(
                evaluationID: evaluation.evaluationID, ratings: [
                    Evaluation.QualitativeIkiRating(ikiID: "lap", rating: .diAtasEkspektasi, note: "Laporan diterima tanpa revisi, lebih awal"),
                    Evaluation.QualitativeIkiRating(ikiID: "sop", rating: .diAtasEkspektasi, note: "SOP disahkan dan dipakai di loket"),
                ]), options: options)
            #expect(response.evaluation?.proposal?.rating == .diAtasEkspektasi)
            #expect(response.evaluation?.proposal?.inputs.allSatisfy { $0.basis == .ratedDescription } == true)
            #expect(response.evaluation?.qualitativeRatings.count == 2)
        }
    }
}
