public import KinerjaProto

/// How many employees hold each predikat: the "actual distribution" a curve is checked against.
public struct PredikatDistribution: Sendable, Hashable {
    /// Count per predikat (the five of the scale only).
    public private(set) var counts: [Common.Predikat: Int]

    /// The distribution of `predikats`; unrated entries (PREDIKAT_UNSPECIFIED or unknown) are not counted.
    public init(_ predikats: some Sequence<Common.Predikat>) {
        var counts: [Common.Predikat: Int] = [:]
        for predikat in predikats where predikat.score != nil { counts[predikat, default: 0] += 1 }
        self.counts = counts
    }

    /// A distribution from counts; entries for unrated or unknown predikat are ignored.
    ///
    /// - Throws: ``EvaluationRuleError/distributionInvalid(_:)`` for a negative count.
    public init(counts: [Common.Predikat: Int]) throws(EvaluationRuleError) {
        var kept: [Common.Predikat: Int] = [:]
        for (predikat, count) in counts where predikat.score != nil {
            guard count >= 0 else { throw .distributionInvalid("the count of \(predikat.label) must not be negative, got \(count)") }
            if count > 0 { kept[predikat] = count }
        }
        self.counts = kept
    }

    /// Employees with a predikat.
    public var rated: Int { counts.values.reduce(0, +) }

    /// Employees holding any of `predikats`.
    public func count(of predikats: [Common.Predikat]) -> Int {
        Set(predikats).reduce(0) { $0 + counts[$1, default: 0] }
    }

    /// The predikat held most often and its count; ties go to the better predikat; nil when empty.
    public var mode: (predikat: Common.Predikat, count: Int)? {
        var best: (Common.Predikat, Int)?
        for predikat in Common.Predikat.ranked {
            let count = counts[predikat, default: 0]
            if count > 0, count > (best?.1 ?? 0) { best = (predikat, count) }
        }
        return best.map { (predikat: $0.0, count: $0.1) }
    }

    /// Mean predikat score (Sangat Baik 5 … Sangat Kurang 1); 0 when empty.
    public var meanScore: Double {
        guard rated > 0 else { return 0 }
        let total = counts.reduce(0) { $0 + ($1.key.score ?? 0) * $1.value }
        return Double(total) / Double(rated)
    }

    /// One entry per predikat, best first, then PREDIKAT_UNSPECIFIED for the unrated, with shares
    /// of `population` (`CurveStatus.distribution`); unrated = population − rated, never negative.
    public func predikatCounts(population: Int) -> [Evaluation.PredikatCount] {
        let total = max(population, rated)
        func entry(_ predikat: Common.Predikat, _ count: Int) -> Evaluation.PredikatCount {
            Evaluation.PredikatCount(predikat: predikat, count: UInt32(clamping: count),
                                     percent: total > 0 ? Double(count) * 100 / Double(total) : 0)
        }
        return Common.Predikat.ranked.map { entry($0, counts[$0, default: 0]) } + [entry(.unspecified, total - rated)]
    }
}
