public import KinerjaProto

/// Capaian (achievement): realisation against target, per the target's direction.
///
/// `common.proto` TargetDirection, on a 0–100 scale that may exceed 100:
/// - HIGHER_IS_BETTER (Kuantitas, Kualitas; also UNSPECIFIED, as old records read):
///   realisation ÷ target × 100; not computable for a zero target. A range target is judged
///   against its lower bound (our inference: reaching the range is reaching the target).
/// - LOWER_IS_BETTER (Waktu in days, Biaya): target ÷ realisation × 100; 100 when both are 0;
///   0 for a positive realisation against a zero target; for a zero realisation against a
///   positive target the ratio has no value: no percent, status ABOVE_TARGET (our inference).
/// - WITHIN_RANGE (`upper_value` set): 100 inside the range; below it realisation ÷ lower × 100;
///   above it upper ÷ realisation × 100 (our inference for "scaled outside it"); a target
///   without upper bound is the range value…value.
///
/// The status compares the percent with 100 within a relative 1e-9 (so 0.1 + 0.2 against 0.3
/// is on target). A Kualitatif IKI has no capaian (its realisation is a rated description), nor
/// has an IKI without realisation.
///
/// Examples: 300 verified against a triwulan I target of 300 → 100 %, ON_TARGET; a Waktu target
/// of 3 days realised in 4 → 75 %, BELOW_TARGET; in 2 → 150 %, ABOVE_TARGET.
public enum Capaian {
    /// Relative tolerance of "equal to 100".
    public static let relativeTolerance = 1e-9

    /// A capaian and where it stands.
    public struct Result: Sendable, Hashable {
        /// Percent; nil when not computable.
        public var percent: Double?
        /// Below, on or above target; UNSPECIFIED when not computable.
        public var status: Reporting.CapaianStatus

        /// A result.
        public init(percent: Double?, status: Reporting.CapaianStatus) {
            self.percent = percent
            self.status = status
        }

        /// Not computable.
        public static let notComputable = Result(percent: nil, status: .unspecified)

        /// The percent as the contract's presence wrapper.
        public var wrapped: Common.DoubleValue? { percent.map { Common.DoubleValue(value: $0) } }
    }

    /// The capaian of `realisation` against `target`.
    ///
    /// - Parameter qualitative: true for a Kualitatif IKI (never computable).
    public static func of(realisation: Double?, target: Planning.Target?, qualitative: Bool = false) -> Result {
        guard !qualitative, let realisation, realisation.isFinite, realisation >= 0,
              let target, target.value.isFinite, target.value >= 0 else { return .notComputable }
        let value = target.value
        switch target.direction {
        case .higherIsBetter, .unspecified, .unrecognized:
            guard value > 0 else { return .notComputable }
            return result(realisation / value * 100)
        case .lowerIsBetter:
            if realisation == 0 { return value == 0 ? result(100) : Result(percent: nil, status: .aboveTarget) }
            return result(value / realisation * 100)
        case .withinRange:
            let upper = max(target.upperValue?.value ?? value, value)
            guard upper.isFinite else { return .notComputable }
            if realisation < value && !equal(realisation, value) { return result(realisation / value * 100) }
            if realisation > upper && !equal(realisation, upper) { return result(upper / realisation * 100) }
            return result(100)
        }
    }

    /// The status of a computed percent.
    public static func status(_ percent: Double) -> Reporting.CapaianStatus {
        if equal(percent, 100) { return .onTarget }
        return percent < 100 ? .belowTarget : .aboveTarget
    }

    /// The share of a period's target expected by now, percent: elapsed ÷ total working days
    /// × 100 (100 when the period has no working day) — for "on track" in a team's progress.
    public static func expectedPercent(elapsedWorkingDays: Int, totalWorkingDays: Int) -> Double {
        guard totalWorkingDays > 0 else { return 100 }
        return Double(min(max(elapsedWorkingDays, 0), totalWorkingDays)) / Double(totalWorkingDays) * 100
    }

    /// True when an IKI is on track (`reporting.proto` TeamMemberProgress.iki_on_track_count):
    /// its verified capaian is at least the expected pro-rata share for amounts (SUM), at least
    /// 100 for levels (the other aggregations: a level is due all along — our inference), or a
    /// zero realisation where lower is better; a Kualitatif IKI is on track once rated Sesuai or
    /// Di Atas Ekspektasi.
    public static func isOnTrack(_ capaian: Result, aggregation: Common.RealisationAggregation, expectedPercent: Double,
                                 qualitativeRating: Common.Rating? = nil) -> Bool {
        if let rating = qualitativeRating { return rating == .sesuaiEkspektasi || rating == .diAtasEkspektasi }
        if capaian.status == .aboveTarget { return true }
        guard let percent = capaian.percent else { return false }
        let expected: Double = switch aggregation {
        case .sum, .unspecified, .unrecognized: expectedPercent
        case .average, .latest, .maximum, .minimum: 100
        }
        return percent >= expected || equal(percent, expected)
    }

    private static func result(_ percent: Double) -> Result {
        Result(percent: percent, status: status(percent))
    }

    static func equal(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= relativeTolerance * max(abs(a), abs(b))
    }
}
