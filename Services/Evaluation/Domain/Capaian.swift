public import KinerjaProto
import KinerjaASN

/// A numeric target as capaian needs it: value (or range), unit and direction.
public struct CapaianTarget: Sendable, Hashable {
    /// Target value; the lower bound of a range.
    public var value: Double
    /// Upper bound of a range target; nil for a single value.
    public var upperValue: Double?
    /// Unit of measure (satuan), e.g. `dokumen`, `hari`.
    public var unit: String
    /// How capaian is computed; UNSPECIFIED is read as higher-is-better (`common.proto`).
    public var direction: Common.TargetDirection

    /// A target.
    public init(value: Double, upperValue: Double? = nil, unit: String = "", direction: Common.TargetDirection = .higherIsBetter) {
        self.value = value
        self.upperValue = upperValue
        self.unit = unit
        self.direction = direction
    }

    /// The numeric part of a planning target.
    public init(_ target: Planning.Target) {
        self.init(value: target.value, upperValue: target.upperValue?.value, unit: target.unit, direction: target.direction)
    }

    /// The direction in force: UNSPECIFIED and unknown numbers read as higher-is-better, a range
    /// without an upper bound as a single higher-is-better value.
    public var effectiveDirection: Common.TargetDirection {
        switch direction {
        case .lowerIsBetter: .lowerIsBetter
        case .withinRange: upperValue != nil ? .withinRange : .higherIsBetter
        case .higherIsBetter, .unspecified, .unrecognized: .higherIsBetter
        }
    }

    /// "300 dokumen", "80-100 persen".
    var text: String {
        let amount = upperValue.map { "\(Figures.number(value))-\(Figures.number($0))" } ?? Figures.number(value)
        return unit.isEmpty ? amount : "\(amount) \(unit)"
    }
}

/// Capaian (achievement): an IKI's verified realisation against its target, in percent
/// (`common.proto` TargetDirection; 0–100 scale, may exceed 100).
///
/// - higher is better (Kuantitas, Kualitas): `realisation ÷ target × 100`; a target of 0 has no capaian;
/// - lower is better (Waktu in days, Biaya): `target ÷ realisation × 100`; 100 when both are 0;
///   a realisation of 0 against a positive target has none (0 days or 0 rupiah means nothing was
///   measured, not infinite achievement: our inference);
/// - within a range `L…U`: 100 inside; `realisation ÷ L × 100` below; `U ÷ realisation × 100` above.
///
/// Computed as `a × 100 ÷ b` (multiplying first keeps whole-number cases exact: 330 of 300 is
/// exactly 110). E.g. 300 verified documents against a triwulan I target of 300 is 100%; a Waktu IKI with target
/// 3 days and realisation 4 is 75%.
public enum Capaian {
    /// A capaian or why there is none.
    public enum Outcome: Sendable, Hashable {
        /// Capaian in percent.
        case percent(Double)
        /// No capaian can be computed, and why.
        case notComputable(String)

        /// The percent, or nil.
        public var value: Double? {
            if case .percent(let value) = self { return value }
            return nil
        }
    }

    /// Capaian of `realisation` against `target`.
    public static func of(realisation: Double, target: CapaianTarget) -> Outcome {
        guard realisation.isFinite, realisation >= 0 else { return .notComputable("the realisation \(realisation) is not a finite number >= 0") }
        guard target.value.isFinite, target.value >= 0 else { return .notComputable("the target \(target.value) is not a finite number >= 0") }
        switch target.effectiveDirection {
        case .lowerIsBetter:
            if realisation == 0 {
                return target.value == 0 ? .percent(100) : .notComputable("a realisation of 0 against a lower-is-better target has no capaian")
            }
            return .percent(target.value * 100 / realisation)
        case .withinRange:
            let lower = target.value
            let upper = max(target.upperValue ?? lower, lower)
            guard upper.isFinite else { return .notComputable("the range's upper bound is not finite") }
            if realisation >= lower && realisation <= upper { return .percent(100) }
            if realisation < lower { return .percent(realisation * 100 / lower) }
            return .percent(upper * 100 / realisation)
        default:
            guard target.value > 0 else { return .notComputable("a target of 0 with higher-is-better has no capaian") }
            return .percent(realisation * 100 / target.value)
        }
    }
}

/// One verified realisation logged against an IKI.
public struct RealisationEntry: Sendable, Hashable {
    /// WITA day of the report.
    public var date: Common.Date
    /// Realisation in the IKI's unit.
    public var value: Double

    /// An entry.
    public init(date: Common.Date, value: Double) {
        self.date = date
        self.value = value
    }
}

/// How realisations combine over a period (`common.proto` RealisationAggregation), and how the
/// figures of consecutive periods combine into a longer one (two triwulan into a semester).
public enum RealisationAggregate {
    /// The period's realisation from its verified entries; nil when there is none.
    ///
    /// SUM adds (UNSPECIFIED reads as SUM, `common.proto`); AVERAGE is the mean of the entries;
    /// LATEST the latest day's value (the largest when one day has several: our inference);
    /// MAXIMUM and MINIMUM the extremes.
    public static func combine(_ entries: [RealisationEntry], by aggregation: Common.RealisationAggregation) -> Double? {
        let values = entries.map(\.value)
        guard !values.isEmpty else { return nil }
        switch aggregation {
        case .average:
            return values.reduce(0, +) / Double(values.count)
        case .latest:
            guard let latest = entries.map(\.date).max(by: { $0 < $1 }) else { return nil }
            return entries.filter { $0.date == latest }.map(\.value).max()
        case .maximum:
            return values.max()
        case .minimum:
            return values.min()
        case .sum, .unspecified, .unrecognized:
            return values.reduce(0, +)
        }
    }

    /// The figures of one part of a longer period (e.g. one triwulan of a semester).
    public struct Part: Sendable, Hashable {
        /// The part's target value (lower bound of a range).
        public var target: Double
        /// The part's range upper bound; nil for a single value.
        public var targetUpper: Double?
        /// Verified realisation of the part; nil when no report was verified in it.
        public var realisation: Double?
        /// Verified reports in the part (weights AVERAGE).
        public var reportCount: Int

        /// A part.
        public init(target: Double, targetUpper: Double? = nil, realisation: Double?, reportCount: Int) {
            self.target = target
            self.targetUpper = targetUpper
            self.realisation = realisation
            self.reportCount = reportCount
        }
    }

    /// The target and realisation of consecutive `parts` (in time order) taken together.
    ///
    /// Our inference, matching planning's target derivation: targets of **amounts** (Kuantitas,
    /// Biaya) add up, targets of **levels** (Kualitas, Waktu) are the last part's. Realisations
    /// follow the IKI's aggregation: SUM adds (a part without reports adds 0), AVERAGE is the mean
    /// weighted by each part's verified reports, LATEST is the last part that has one, MAXIMUM and
    /// MINIMUM the extremes over parts that have one. The realisation is nil when no part has one
    /// (except SUM, which is then 0 when any part was expected).
    public static func combine(_ parts: [Part], aspek: Common.IkiAspek,
                               aggregation: Common.RealisationAggregation) -> (target: Double, targetUpper: Double?, realisation: Double?) {
        let isLevel = aspek == .kualitas || aspek == .waktu
        let target = isLevel ? (parts.last?.target ?? 0) : parts.reduce(0) { $0 + $1.target }
        let uppers = parts.compactMap(\.targetUpper)
        let upper: Double? = uppers.count == parts.count && !parts.isEmpty
            ? (isLevel ? uppers.last : uppers.reduce(0, +)) : nil
        let measured = parts.filter { $0.realisation != nil }
        let realisation: Double?
        switch aggregation {
        case .average:
            let weight = measured.reduce(0) { $0 + max($1.reportCount, 1) }
            realisation = weight > 0 ? measured.reduce(0.0) { $0 + ($1.realisation ?? 0) * Double(max($1.reportCount, 1)) } / Double(weight) : nil
        case .latest:
            realisation = measured.last?.realisation
        case .maximum:
            realisation = measured.compactMap(\.realisation).max()
        case .minimum:
            realisation = measured.compactMap(\.realisation).min()
        case .sum, .unspecified, .unrecognized:
            realisation = parts.isEmpty ? nil : parts.reduce(0.0) { $0 + ($1.realisation ?? 0) }
        }
        return (target, upper, realisation)
    }
}
