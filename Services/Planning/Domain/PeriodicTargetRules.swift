import KinerjaASN
public import KinerjaProto

/// The rules of an IKI's periodic (triwulan or monthly) targets.
///
/// From `planning.proto` (Iki.periodic_targets, PeriodicTarget, SetPeriodicTargets): at most
/// 16 entries; each period a triwulan or a month of the SKP year; periods unique and all of one
/// kind; values finite and ≥ 0; cumulative targets never decrease; notes at most 500
/// characters. An empty set is allowed: targets are then derived from the annual target
/// (``TargetDerivation``).
///
/// Our inferences (PermenPANRB 6/2022 sets no rule linking periodic and annual targets):
///
/// - **Complete cover.** A non-empty set names every period of its kind that overlaps the
///   SKP's covered days (all four triwulan, or all twelve months, for a full-year SKP; triwulan
///   III–IV for an SKP covering 1 July – 31 December), and no period outside the covered days.
///   A partial set would leave the annual target ambiguous.
/// - **One cumulative flag.** Either every entry is cumulative or none is.
/// - **The consistency rule.** With the entries in period order and the annual target's value
///   `A` (for a range target, any value in `value…upper_value` is accepted):
///   - aspek **Kuantitas** and **Biaya** (amounts): non-cumulative values must **sum** to `A`;
///     cumulative values must **end** at `A` (the last period's value equals `A`);
///   - aspek **Kualitas** and **Waktu** (levels, not amounts: a percentage or a number of days
///     is not added up over the year): the **last** period's value must equal `A`.
///   Equality allows a relative tolerance of 1e-9 (`|x − A| ≤ 1e-9 · max(|x|, |A|)`), so
///   decimal fractions summed in binary floating point still match. The rule is checked only
///   for the Kuantitatif approach (Kualitatif targets are descriptive; their value is ignored)
///   and only once the set is otherwise valid and complete.
public enum PeriodicTargetRules {
    /// Most entries an IKI may have (`planning.proto`).
    public static let maximumCount = 16
    /// Longest note of one entry (`planning.proto`).
    public static let maximumNoteLength = 500
    /// Relative tolerance of the consistency rule.
    public static let relativeTolerance = 1e-9

    /// Every violation of the rules by `targets`; empty when valid.
    ///
    /// - Parameters:
    ///   - aspek: the IKI's aspek (decides sum or last value).
    ///   - annualTarget: the IKI's annual target; without it the consistency rule is skipped
    ///     (the missing target is the IKI rules' violation).
    ///   - approach: the SKP's approach; the consistency rule applies to Kuantitatif only.
    ///   - skp: the SKP's year and covered days.
    ///   - fieldPrefix: path of the list, e.g. `rhks[0].ikis[1].periodic_targets`.
    public static func violations(
        _ targets: [Planning.PeriodicTarget], aspek: Common.IkiAspek, annualTarget: Planning.Target?,
        approach: Planning.SkpApproach, skp: SkpPeriod, fieldPrefix: String = "periodic_targets"
    ) -> [Common.FieldViolation] {
        var out = ViolationList(prefix: fieldPrefix)
        guard !targets.isEmpty else { return [] }
        if targets.count > maximumCount {
            out.add("", "PERIODIC_TARGETS_TOO_MANY", "at most \(maximumCount) periodic targets, got \(targets.count)")
        }

        // Entry by entry.
        var valid: [(index: Int, period: Common.Period, target: Planning.PeriodicTarget)] = []
        for (index, target) in targets.enumerated() {
            let at = "[\(index)]"
            var ok = true
            if let period = target.period {
                if period.kind != .monthly && period.kind != .quarterly {
                    out.add(at + ".period.kind", "PERIODIC_TARGET_KIND_INVALID",
                            "a periodic target is for a triwulan or a month, got \(period.kind.protoName ?? "kind \(period.kind.rawValue)")")
                    ok = false
                } else if period.year != skp.year {
                    out.add(at + ".period.year", "PERIODIC_TARGET_OUTSIDE_YEAR",
                            "the period must lie in the SKP year \(skp.year), got \(period.year)")
                    ok = false
                } else if !period.isWellFormed {
                    out.add(at + ".period", "PERIODIC_TARGET_PERIOD_INVALID",
                            "a monthly period needs month 1-12 and no triwulan; a quarterly one triwulan I-IV and month 0")
                    ok = false
                } else if skp.overlap(period) == 0 {
                    out.add(at + ".period", "PERIODIC_TARGET_OUTSIDE_SKP_PERIOD",
                            "\(period.label) lies outside the SKP's covered days \(skp.start.isoString)-\(skp.end.isoString)")
                    ok = false
                }
            } else {
                out.add(at + ".period", "PERIODIC_TARGET_PERIOD_REQUIRED", "period is required")
                ok = false
            }
            if !target.value.isFinite || target.value < 0 {
                out.add(at + ".value", "PERIODIC_TARGET_VALUE_INVALID", "value must be a finite number >= 0, got \(target.value)")
                ok = false
            }
            if target.note.scalarCount > maximumNoteLength {
                out.add(at + ".note", "PERIODIC_TARGET_NOTE_TOO_LONG",
                        "note must be at most \(maximumNoteLength) characters, got \(target.note.scalarCount)")
            }
            if ok, let period = target.period { valid.append((index, period, target)) }
        }

        // The set.
        var setOK = valid.count == targets.count && targets.count <= maximumCount
        let kinds = Set(valid.map(\.period.kind.rawValue))
        if kinds.count > 1 {
            out.add("", "PERIODIC_TARGETS_MIXED_KINDS", "periodic targets must all be triwulan or all months, not both")
            setOK = false
        }
        var seen = Set<[Int32]>()
        for entry in valid where !seen.insert([entry.period.kind.rawValue, entry.period.ordinal]).inserted {
            out.add("[\(entry.index)].period", "PERIODIC_TARGET_DUPLICATE", "\(entry.period.label) appears more than once")
            setOK = false
        }
        if Set(valid.map(\.target.cumulative)).count > 1 {
            out.add("", "PERIODIC_TARGETS_MIXED_CUMULATIVE", "either every periodic target is cumulative or none is")
            setOK = false
        }
        guard setOK, let kind = valid.first?.period.kind else { return out.items }

        let ordered = valid.sorted { $0.period.ordinal < $1.period.ordinal }
        let required = coveredPeriods(kind: kind, skp: skp)
        let present = Set(ordered.map(\.period.ordinal))
        let missing = required.filter { !present.contains($0.ordinal) }
        if !missing.isEmpty {
            out.add("", "PERIODIC_TARGETS_INCOMPLETE",
                    "periodic targets must cover every period of the SKP's covered days; missing \(missing.map(\.label).joined(separator: ", "))")
            return out.items
        }

        let cumulative = ordered[0].target.cumulative
        if cumulative {
            for (previous, next) in zip(ordered, ordered.dropFirst()) where next.target.value < previous.target.value {
                out.add("[\(next.index)].value", "PERIODIC_TARGET_DECREASING",
                        "cumulative targets never decrease: \(next.period.label) is \(format(next.target.value)), below \(format(previous.target.value)) of \(previous.period.label)")
            }
        }

        guard approach != .kualitatif, let annual = annualTarget, annual.value.isFinite else { return out.items }
        let last = ordered[ordered.count - 1].target.value
        switch aspek {
        case .kuantitas, .biaya:
            if cumulative {
                if !matches(last, annual) {
                    out.add("", "PERIODIC_TARGETS_FINAL_MISMATCH",
                            "cumulative \(aspekName(aspek)) targets must end at the annual target \(describe(annual)); the last (\(ordered[ordered.count - 1].period.label)) is \(format(last))")
                }
            } else {
                let sum = ordered.reduce(0.0) { $0 + $1.target.value }
                if !matches(sum, annual) {
                    out.add("", "PERIODIC_TARGETS_SUM_MISMATCH",
                            "\(aspekName(aspek)) targets per period must sum to the annual target \(describe(annual)); they sum to \(format(sum))")
                }
            }
        case .kualitas, .waktu:
            if !matches(last, annual) {
                out.add("", "PERIODIC_TARGETS_FINAL_MISMATCH",
                        "\(aspekName(aspek)) targets are levels: the last period's target (\(ordered[ordered.count - 1].period.label), \(format(last))) must equal the annual target \(describe(annual))")
            }
        case .unspecified, .unrecognized:
            break
        }
        return out.items
    }

    /// The periods of `kind` (monthly or quarterly) that overlap the SKP's covered days, in order.
    public static func coveredPeriods(kind: Common.PeriodKind, skp: SkpPeriod) -> [Common.Period] {
        let count: Int32 = kind == .monthly ? 12 : kind == .quarterly ? 4 : 0
        guard count > 0 else { return [] }
        return (1...count).map { number in
            kind == .monthly ? Common.Period.month(number, of: skp.year) : Common.Period.triwulan(number, of: skp.year)
        }.filter { skp.overlap($0) > 0 }
    }

    /// True when `value` equals the annual target within the tolerance (inside its range, for a range).
    static func matches(_ value: Double, _ annual: Planning.Target) -> Bool {
        if let upper = annual.upperValue?.value, upper.isFinite, upper > annual.value {
            return (value >= annual.value || equal(value, annual.value)) && (value <= upper || equal(value, upper))
        }
        return equal(value, annual.value)
    }

    /// `a` and `b` equal within ``relativeTolerance``.
    public static func equal(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= relativeTolerance * max(abs(a), abs(b))
    }

    private static func aspekName(_ aspek: Common.IkiAspek) -> String {
        switch aspek {
        case .kuantitas: "Kuantitas"
        case .biaya: "Biaya"
        case .kualitas: "Kualitas"
        case .waktu: "Waktu"
        default: "IKI"
        }
    }

    private static func describe(_ annual: Planning.Target) -> String {
        if let upper = annual.upperValue?.value, upper > annual.value { return "\(format(annual.value))-\(format(upper))" }
        return format(annual.value)
    }

    static func format(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
