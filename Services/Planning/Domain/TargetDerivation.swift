public import KinerjaProto

/// The target of an IKI for a requested period (`planning.proto` IkiTarget, GetTargets).
///
/// - the year → the annual target, as set;
/// - a triwulan or a month with a periodic target set for exactly that period → that target
///   (`period_target_derived = false`); for cumulative amounts (Kuantitas, Biaya) the period's
///   own share, the value minus the previous period's, because reporting sums the realisations
///   logged inside the period;
/// - otherwise derived (`period_target_derived = true`):
///   - **amounts** (Kuantitas, Biaya): pro rata by covered days, `A × d(P) / d(S)` where `d(P)`
///     is the number of the SKP's covered days inside the period and `d(S)` inside the SKP;
///     from the triwulan's target for a month when triwulan targets are set
///     (`T × d(month) / d(triwulan)`), or the sum of the months for a triwulan when monthly
///     targets are set;
///   - **levels** (Kualitas, Waktu): the annual level, or the triwulan's level for a month, or
///     the last month's level for a triwulan.
/// - a Kualitatif SKP's descriptive target is the same for every period (derived unless annual).
///
/// A range target keeps its relative width (amounts) or its upper bound (levels). An IKI with
/// no aspek is treated as an amount. Our inference throughout: the regulation defines no
/// derivation.
public enum TargetDerivation {
    /// A period's target and whether it was derived.
    public struct PeriodTarget: Sendable, Hashable {
        /// The target for the period.
        public var target: Planning.Target
        /// True when no periodic target was set for exactly this period.
        public var derived: Bool

        /// A period target.
        public init(target: Planning.Target, derived: Bool) {
            self.target = target
            self.derived = derived
        }
    }

    /// The target of `iki` for `period` on an SKP covering `skp` with `approach`.
    ///
    /// - Throws: ``TargetDerivationError`` for a malformed period, a period outside the SKP's
    ///   covered days, or an IKI without annual target.
    public static func target(
        for period: Common.Period, iki: Planning.Iki, approach: Planning.SkpApproach, skp: SkpPeriod
    ) throws(TargetDerivationError) -> PeriodTarget {
        guard period.isWellFormed else { throw .periodInvalid }
        let covered = skp.overlap(period)
        guard period.year == skp.year, covered > 0 else { throw .periodOutsideSkp(period.label) }
        guard let annual = iki.annualTarget else { throw .annualTargetMissing(ikiID: iki.ikiID) }
        if period.kind == .annual { return PeriodTarget(target: annual, derived: false) }
        if approach == .kualitatif { return PeriodTarget(target: annual, derived: true) }

        let isLevel = iki.aspek == .kualitas || iki.aspek == .waktu
        let set = iki.periodicTargets.compactMap { entry -> (period: Common.Period, value: Double, cumulative: Bool)? in
            guard let p = entry.period, p.isWellFormed, p.year == skp.year else { return nil }
            return (p, entry.value, entry.cumulative)
        }.sorted { $0.period.ordinal < $1.period.ordinal }

        /// Each entry's own value: for cumulative amounts, the increase over the previous entry.
        func own(_ index: Int) -> Double {
            let entry = set[index]
            guard entry.cumulative, !isLevel, index > 0 else { return entry.value }
            return max(0, entry.value - set[index - 1].value)
        }

        if let index = set.firstIndex(where: { $0.period.kind == period.kind && $0.period.ordinal == period.ordinal }) {
            let value = own(index)
            return PeriodTarget(target: scaled(annual, to: value, isLevel: isLevel), derived: false)
        }
        let setKind = set.first?.period.kind
        if period.kind == .monthly, setKind == .quarterly {
            let quarter = (period.month - 1) / 3 + 1
            if let index = set.firstIndex(where: { $0.period.ordinal == quarter }) {
                if isLevel { return PeriodTarget(target: scaled(annual, to: set[index].value, isLevel: true), derived: true) }
                let quarterDays = skp.overlap(Common.Period.triwulan(quarter, of: skp.year))
                let value = quarterDays > 0 ? own(index) * Double(covered) / Double(quarterDays) : 0
                return PeriodTarget(target: scaled(annual, to: value, isLevel: false), derived: true)
            }
        }
        if period.kind == .quarterly, setKind == .monthly {
            let months = (period.triwulan.rawValue * 3 - 2)...(period.triwulan.rawValue * 3)
            let inQuarter = set.indices.filter { months.contains(set[$0].period.month) }
            if let last = inQuarter.last {
                let value = isLevel ? set[last].value : inQuarter.reduce(0.0) { $0 + own($1) }
                return PeriodTarget(target: scaled(annual, to: value, isLevel: isLevel), derived: true)
            }
        }
        if isLevel { return PeriodTarget(target: annual, derived: true) }
        let total = skp.dayCount
        let value = total > 0 ? annual.value * Double(covered) / Double(total) : 0
        return PeriodTarget(target: scaled(annual, to: value, isLevel: false), derived: true)
    }

    /// The targets of every IKI of `skp` for `period`, in SKP order (RHK position, then IKI position).
    public static func ikiTargets(for period: Common.Period, skp: Planning.Skp) throws(TargetDerivationError) -> [Planning.IkiTarget] {
        let covered = SkpPeriod(skp)
        var out: [Planning.IkiTarget] = []
        for rhk in skp.rhks {
            for iki in rhk.ikis {
                let result = try target(for: period, iki: iki, approach: skp.approach, skp: covered)
                out.append(Planning.IkiTarget(
                    rhkID: rhk.rhkID, rhkText: rhk.text, rhkKind: rhk.kind, ikiID: iki.ikiID, aspek: iki.aspek,
                    indicator: iki.indicator, periodTarget: result.target, periodTargetDerived: result.derived,
                    annualTarget: iki.annualTarget, parentRhkID: rhk.parentRhkID, aggregation: iki.aggregation))
            }
        }
        return out
    }

    /// `annual` with its value replaced by `value`; a range's upper bound follows (see the type's docs).
    private static func scaled(_ annual: Planning.Target, to value: Double, isLevel: Bool) -> Planning.Target {
        var target = annual
        target.value = value
        if let upper = annual.upperValue?.value {
            if isLevel {
                target.upperValue = Common.DoubleValue(value: max(upper, value))
            } else if annual.value > 0 {
                target.upperValue = Common.DoubleValue(value: value * upper / annual.value)
            } else {
                target.upperValue = Common.DoubleValue(value: value)
            }
        }
        return target
    }
}

/// Why a period's target cannot be given.
public enum TargetDerivationError: DomainRuleError, Hashable, CustomStringConvertible {
    /// The period is not a valid month, triwulan or year.
    case periodInvalid
    /// The period is in another year or outside the SKP's covered days.
    case periodOutsideSkp(String)
    /// The IKI has no annual target.
    case annualTargetMissing(ikiID: String)

    /// Stable machine-readable reason, UPPER_SNAKE.
    public var code: String {
        switch self {
        case .periodInvalid: "TARGET_PERIOD_INVALID"
        case .periodOutsideSkp: "TARGET_PERIOD_OUTSIDE_SKP"
        case .annualTargetMissing: "TARGET_ANNUAL_MISSING"
        }
    }

    /// What is wrong, in English.
    public var message: String {
        switch self {
        case .periodInvalid: "the period must be a valid month, triwulan or year of 2000-2100"
        case .periodOutsideSkp(let label): "\(label) is outside the SKP's covered days"
        case .annualTargetMissing(let id): "IKI \(id) has no annual target"
        }
    }

    /// The `ErrorInfo` reason (the same as ``code``).
    public var reason: String { code }

    /// A bad period is the request's fault; a missing annual target the SKP's state.
    public var statusCode: RPCError.Code {
        switch self {
        case .periodInvalid, .periodOutsideSkp: .invalidArgument
        case .annualTargetMissing: .failedPrecondition
        }
    }

    /// Code and message (for logs and test output).
    public var description: String { "\(code): \(message)" }
}
