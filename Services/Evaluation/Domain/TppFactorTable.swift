public import KinerjaProto

/// The share of the performance component of TPP (tambahan penghasilan pegawai) paid per
/// predikat, as configurable data.
///
/// Kupang's Peraturan Wali Kota sets the real table; it is not in this repository, so
/// ``sample`` is **an illustration, not Kupang's rule**: Sangat Baik 100%, Baik 100%, Butuh
/// Perbaikan 80%, Kurang 60%, Sangat Kurang 40%. Load the Perwali's values with ``init(percent:)``.
/// Amounts are whole rupiah, rounded down (integer arithmetic on basis points).
public struct TppFactorTable: Sendable, Hashable {
    /// Percent of the component paid per predikat, in basis points (10000 = 100%).
    public private(set) var basisPoints: [Common.Predikat: Int]

    /// An illustrative table (see the type's documentation).
    public static let sample = TppFactorTable(checked: [.sangatBaik: 10_000, .baik: 10_000, .butuhPerbaikan: 8_000, .kurang: 6_000, .sangatKurang: 4_000])

    private init(checked: [Common.Predikat: Int]) {
        basisPoints = checked
    }

    /// A table from percents (0–200, at most two decimals) for all five predikat.
    ///
    /// - Throws: ``EvaluationRuleError/tppTableInvalid(_:)`` when a predikat is missing or a
    ///   percent is out of range or too precise.
    public init(percent: [Common.Predikat: Double]) throws(EvaluationRuleError) {
        var points: [Common.Predikat: Int] = [:]
        for predikat in Common.Predikat.ranked {
            guard let value = percent[predikat] else { throw .tppTableInvalid("the table has no factor for \(predikat.label)") }
            try Self.check(percent: value, of: predikat)
            points[predikat] = Int((value * 100).rounded())
        }
        guard percent.keys.allSatisfy({ $0.score != nil }) else { throw .tppTableInvalid("factors are given for the five predikat only") }
        basisPoints = points
    }

    /// Checks one factor: 0–200 percent with at most two decimals.
    ///
    /// - Throws: ``EvaluationRuleError/tppTableInvalid(_:)``.
    public static func check(percent value: Double, of predikat: Common.Predikat) throws(EvaluationRuleError) {
        guard value.isFinite, (0...200).contains(value) else { throw .tppTableInvalid("the factor of \(predikat.label) must be 0-200%, got \(value)") }
        guard abs((value * 100).rounded() - value * 100) < 1e-6 else {
            throw .tppTableInvalid("the factor of \(predikat.label) has more than two decimals: \(value)")
        }
    }

    /// The factor of `predikat` in percent; nil when unrated.
    public func percent(for predikat: Common.Predikat) -> Double? {
        basisPoints[predikat].map { Double($0) / 100 }
    }

    /// The amount paid of a `component` (rupiah) for `predikat`, rounded down; nil when unrated or negative.
    public func amount(component: Int64, predikat: Common.Predikat) -> Int64? {
        guard component >= 0, let points = basisPoints[predikat] else { return nil }
        let (product, overflow) = component.multipliedReportingOverflow(by: Int64(points))
        guard !overflow else { return nil }
        return product / 10_000
    }
}
