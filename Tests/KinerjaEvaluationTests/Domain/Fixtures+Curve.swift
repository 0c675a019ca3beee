import KinerjaEvaluation
import KinerjaProto
import Testing

extension Fixtures {
    /// A real breach (three Baik in a Baik unit of three) for lifecycle tests.
    static func breach() throws -> Common.CurveBreach {
        let check = try CurveCheck(organisationRating: .baik, population: 3, distribution: PredikatDistribution([.baik, .baik, .baik]))
        return try #require(check.breaches().first)
    }
}
