import Foundation
@testable import KinerjaEvaluation
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

@Suite("The predikat matrix and the curve through the RPCs", .serialized)
struct MatrixAndCurveServiceTests {
    @Test("the nine cells of the matrix: each pair of ratings entered gives the matrix's predikat and kuadran")
    func nineCells() async throws {
        try await withEvaluation { fixture in
            let matrix = try await fixture.client.getPredikatMatrix(Evaluation.GetPredikatMatrixRequest(), options: try await fixture.signIn("pegawai"))
            #expect(matrix.cells == PredikatMatrix.cells && matrix.cells.count == 9)
            let period = try await fixture.open("KPG.DUKCAPIL", subunits: true)
            try await fixture.decide(period, .baik)
            let evaluations = try await fixture.evaluations(period.periodID).filter { !$0.unitLeader }
            try #require(evaluations.count >= 9)
            let expected: [(Common.Rating, Common.Rating, Common.Predikat, UInt32)] = [
                (.diAtasEkspektasi, .diAtasEkspektasi, .sangatBaik, 1), (.diAtasEkspektasi, .sesuaiEkspektasi, .baik, 2),
                (.diAtasEkspektasi, .diBawahEkspektasi, .kurang, 3), (.sesuaiEkspektasi, .diAtasEkspektasi, .baik, 4),
                (.sesuaiEkspektasi, .sesuaiEkspektasi, .baik, 5), (.sesuaiEkspektasi, .diBawahEkspektasi, .kurang, 6),
                (.diBawahEkspektasi, .diAtasEkspektasi, .butuhPerbaikan, 7), (.diBawahEkspektasi, .sesuaiEkspektasi, .butuhPerbaikan, 8),
                (.diBawahEkspektasi, .diBawahEkspektasi, .sangatKurang, 9),
            ]
            for ((hk, pk, predikat, kuadran), evaluation) in zip(expected, evaluations) {
                let rated = try await fixture.rate(evaluation, hk, pk)
                #expect(rated.predikat == predikat && rated.kuadran == kuadran, "\(hk) × \(pk)")
                #expect(rated.state == .rated)
            }
        }
    }

    @Test("a unit's quotas show before anyone is rated: for N employees in a Baik unit at most ⌊70%·N⌋ Baik and at least one Butuh Perbaikan or Kurang; the distribution follows the ratings")
    func quotas() async throws {
        try await withEvaluation { fixture in
            let period = try await fixture.open("KPG.DUKCAPIL", subunits: true)
            let hr = try await fixture.signIn("pengelola")
            let before = try #require(try await fixture.client.getCurve(Evaluation.GetCurveRequest(periodID: period.periodID), options: hr).curve)
            #expect(before.quotas.isEmpty && before.note.contains("organisation rating not decided"))
            let decided = try #require(try await fixture.decide(period, .baik).curve)
            let n = Int(period.curveDenominator)
            #expect(decided.population == UInt32(n) && decided.ratedCount == 0)
            let baik = try #require(decided.quotas.first { $0.predikat == .baik })
            #expect(baik.maxCount == UInt32(n * 70 / 100) && baik.maxPercent == 70)
            let differentiation = try #require(decided.quotas.first { $0.predikat == .butuhPerbaikan && $0.alsoPredikat == .kurang })
            #expect(differentiation.minCount == 1)
            #expect(decided.quotas.map(\.maxCount) == DistributionCurve.quotas(for: .baik, population: n).map { UInt32($0.maxCount) })
            #expect(decided.note.contains("\(n) employees unrated") && decided.note.contains("at least 1 more Butuh Perbaikan or Kurang still needed"))
            // While rating: the distribution counts, and an upper bound breaks as soon as it is exceeded.
            let evaluations = try await fixture.evaluations(period.periodID)
            let first = try await fixture.rate(try #require(evaluations.first), .sesuaiEkspektasi, .sesuaiEkspektasi)
            #expect(first.predikat == .baik)
            let during = try #require(try await fixture.client.getCurve(Evaluation.GetCurveRequest(periodID: period.periodID), options: hr).curve)
            #expect(during.ratedCount == 1 && during.distribution.first { $0.predikat == .baik }?.count == 1)
            #expect(during.distribution.first { $0.predikat == .unspecified }?.count == UInt32(n - 1))
            #expect(!during.compliant && during.breaches.isEmpty)
        }
    }

    @Test("a Butuh Perbaikan unit needs at least 60% Butuh Perbaikan and at most 10% Sangat Baik; a rating over the cap is answered with the breach")
    func weakUnit() async throws {
        try await withEvaluation { fixture in
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            let curve = try #require(try await fixture.decide(period, .butuhPerbaikan).curve)
            let n = Int(period.curveDenominator)
            #expect(curve.quotas.first { $0.predikat == .butuhPerbaikan }?.minCount == UInt32((60 * n + 99) / 100))
            #expect(curve.quotas.first { $0.predikat == .sangatBaik }?.maxCount == UInt32(10 * n / 100))
            let evaluation = try #require(try await fixture.evaluations(period.periodID).first { !$0.unitLeader })
            let options = try await fixture.penilaiOptions(of: evaluation.employee?.nip ?? "")
            _ = try await fixture.client.setHasilKerjaRating(Evaluation.SetHasilKerjaRatingRequest(
                evaluationID: evaluation.evaluationID, rating: .diAtasEkspektasi, reason: "Melampaui target triwulan"), options: options)
            let response = try await fixture.client.setPerilakuRating(Evaluation.SetPerilakuRatingRequest(
                evaluationID: evaluation.evaluationID, rating: .diAtasEkspektasi, reason: "Sangat berorientasi pelayanan"), options: options)
            #expect(response.evaluation?.predikat == .sangatBaik)
            if n < 10 {
                #expect(response.curveBreaches.first?.bound?.predikat == .sangatBaik, "in a unit of \(n), 10% rounds down to nobody")
            }
        }
    }
}
