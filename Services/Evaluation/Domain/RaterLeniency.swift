public import KinerjaProto
import Foundation

/// How leniently each rater (pejabat penilai) rates, against their unit and the city
/// (`evaluation.proto` RaterStats, GetRaterLeniency). Rating inflation is the known failure of
/// this process (DOMAIN.md: nationally 88% Baik and 11% Sangat Baik in 2022–2024).
///
/// Definitions (ours):
/// - **score** of a predikat: Sangat Baik 5, Baik 4, Butuh Perbaikan 3, Kurang 2, Sangat Kurang 1;
/// - **leniency index**: the rater's mean score minus the unit's mean (positive = more lenient);
///   the **city leniency index** is the same against the city's mean;
/// - **modal share**: the share of the rater's ratings in their most frequent predikat (100% = the
///   rater gives everyone the same predikat);
/// - **differentiation index**: the normalised Shannon entropy of the rater's distribution over
///   the five predikat, `−Σ pᵢ ln pᵢ ÷ ln 5`: 0 when everyone gets the same predikat, 1 when the
///   ratings spread evenly over all five;
/// - a rater is **flagged** when they rated at least `minimumRatedCount` (default 3) and either
///   `|leniency index| > flagThreshold` (default 0.5 score points) or the modal share is at least
///   `modalShareThresholdPercent` (default 90%: low differentiation). A flag asks for a look; it
///   is not a finding.
public enum RaterLeniency {
    /// The thresholds, with their defaults.
    public struct Configuration: Sendable, Hashable {
        /// |leniency index| above which a rater is flagged, score points 0.1–4. Default 0.5.
        public var flagThreshold: Double = 0.5
        /// Modal share at or above which a rater is flagged, percent 50–100. Default 90.
        public var modalShareThresholdPercent: Double = 90
        /// Fewest ratings before a rater can be flagged. Default 3.
        public var minimumRatedCount: Int = 3

        /// The defaults.
        public init() {}

        /// The request's thresholds; 0 means the default (`GetRaterLeniencyRequest`).
        ///
        /// - Throws: ``EvaluationRuleError/leniencyConfigurationInvalid(_:)`` for a value out of range.
        public init(flagThreshold: Double, modalShareThresholdPercent: Double) throws(EvaluationRuleError) {
            if flagThreshold != 0 {
                guard flagThreshold.isFinite, (0.1...4).contains(flagThreshold) else {
                    throw .leniencyConfigurationInvalid("flag_threshold must be 0.1-4 score points (0 = default 0.5), got \(flagThreshold)")
                }
                self.flagThreshold = flagThreshold
            }
            if modalShareThresholdPercent != 0 {
                guard modalShareThresholdPercent.isFinite, (50...100).contains(modalShareThresholdPercent) else {
                    throw .leniencyConfigurationInvalid("modal_share_threshold_percent must be 50-100 (0 = default 90), got \(modalShareThresholdPercent)")
                }
                self.modalShareThresholdPercent = modalShareThresholdPercent
            }
        }
    }

    /// One rated evaluation: who rated it and the predikat.
    public struct Rated: Sendable, Hashable {
        /// The rater.
        public var rater: Common.EmployeeRef
        /// The predikat given (with both ratings entered).
        public var predikat: Common.Predikat

        /// A rated evaluation.
        public init(rater: Common.EmployeeRef, predikat: Common.Predikat) {
            self.rater = rater
            self.predikat = predikat
        }
    }

    /// The unit's and the city's figures and each rater's, most lenient first.
    public struct Report: Sendable, Hashable {
        /// The unit's distribution.
        public var unit: PredikatDistribution
        /// The city's distribution.
        public var city: PredikatDistribution
        /// One entry per rater, most lenient first (ties by NIP).
        public var raters: [Evaluation.RaterStats]
        /// The thresholds applied.
        public var configuration: Configuration

        /// As `GetRaterLeniency` returns it.
        public var response: Evaluation.GetRaterLeniencyResponse {
            var response = Evaluation.GetRaterLeniencyResponse()
            response.unitDistribution = unit.predikatCounts(population: unit.rated).filter { $0.predikat != .unspecified }
            response.unitMeanScore = unit.meanScore
            response.raters = raters
            response.flagThreshold = configuration.flagThreshold
            response.ratedCount = UInt32(clamping: unit.rated)
            response.cityDistribution = city.predikatCounts(population: city.rated).filter { $0.predikat != .unspecified }
            response.cityMeanScore = city.meanScore
            response.modalShareThresholdPercent = configuration.modalShareThresholdPercent
            return response
        }
    }

    /// Each rater's pattern in `unit` against the unit and `city`.
    ///
    /// - Parameters:
    ///   - unit: the unit's rated evaluations (unrated ones are ignored).
    ///   - city: the city's distribution for the same period (every unit).
    ///   - overrides: recorded overrides in the unit; those of the proposal (not replacing a
    ///     decision) count as up or down for the rater who decided them (`decided.principal`).
    public static func analyse(unit: [Rated], city: PredikatDistribution, overrides: [Evaluation.RatingOverride] = [],
                               configuration: Configuration = Configuration()) -> Report {
        let rated = unit.filter { $0.predikat.score != nil }
        let unitDistribution = PredikatDistribution(rated.map(\.predikat))
        var byRater: [String: (ref: Common.EmployeeRef, predikats: [Common.Predikat])] = [:]
        for entry in rated {
            byRater[entry.rater.nip, default: (entry.rater, [])].predikats.append(entry.predikat)
        }
        var ups: [String: Int] = [:]
        var downs: [String: Int] = [:]
        for override in overrides where !override.replacedDecision {
            let nip = override.decided?.principal ?? ""
            switch RatingDecisionRules.isUpward(from: override.fromRating, to: override.toRating) {
            case true?: ups[nip, default: 0] += 1
            case false?: downs[nip, default: 0] += 1
            case nil: break
            }
        }
        let stats = byRater.map { nip, entry -> Evaluation.RaterStats in
            let distribution = PredikatDistribution(entry.predikats)
            var stats = Evaluation.RaterStats()
            stats.rater = entry.ref
            stats.ratedCount = UInt32(clamping: distribution.rated)
            stats.distribution = distribution.predikatCounts(population: distribution.rated).filter { $0.predikat != .unspecified }
            stats.meanScore = distribution.meanScore
            stats.leniencyIndex = distribution.meanScore - unitDistribution.meanScore
            stats.cityLeniencyIndex = city.rated > 0 ? distribution.meanScore - city.meanScore : 0
            stats.modalSharePercent = modalSharePercent(distribution)
            stats.differentiationIndex = differentiationIndex(distribution)
            stats.lowDifferentiation = stats.modalSharePercent >= configuration.modalShareThresholdPercent
            stats.overrideUpCount = UInt32(clamping: ups[nip, default: 0])
            stats.overrideDownCount = UInt32(clamping: downs[nip, default: 0])
            stats.flagged = distribution.rated >= configuration.minimumRatedCount
                && (abs(stats.leniencyIndex) > configuration.flagThreshold || stats.lowDifferentiation)
            return stats
        }.sorted { ($0.leniencyIndex, $1.rater?.nip ?? "") > ($1.leniencyIndex, $0.rater?.nip ?? "") }
        return Report(unit: unitDistribution, city: city, raters: stats, configuration: configuration)
    }

    /// Share of the ratings in the most frequent predikat, percent; 0 when none.
    public static func modalSharePercent(_ distribution: PredikatDistribution) -> Double {
        guard let mode = distribution.mode, distribution.rated > 0 else { return 0 }
        return Double(mode.count) * 100 / Double(distribution.rated)
    }

    /// Normalised Shannon entropy over the five predikat, 0–1; 0 when none.
    public static func differentiationIndex(_ distribution: PredikatDistribution) -> Double {
        let total = Double(distribution.rated)
        guard total > 0 else { return 0 }
        let entropy = Common.Predikat.ranked.reduce(0.0) { sum, predikat in
            let p = Double(distribution.counts[predikat, default: 0]) / total
            return p > 0 ? sum - p * log(p) : sum
        }
        return entropy / log(5.0)
    }
}
