public import KinerjaProto

/// The field rules of an IKI (Indikator Kinerja Individu) and its annual target.
///
/// From `planning.proto` (Iki, Target, AddIki):
/// - aspek required (Kuantitas, Kualitas, Waktu or Biaya);
/// - indicator 1–500 characters;
/// - annual target required; value finite and ≥ 0; upper_value, when present, finite and ≥ value;
/// - unit 1–50 characters for the numeric targets of a Kuantitatif SKP (at most 50 always);
/// - qualitative_text at most 500 characters;
/// - direction and aggregation required on new IKIs;
/// - periodic targets: ``PeriodicTargetRules``;
/// - 1–10 IKIs per RHK before submission; AddIki refuses an 11th.
///
/// Our inferences:
/// - a Kualitatif SKP's IKI needs its descriptive target (qualitative_text): it is the target;
/// - TARGET_DIRECTION_WITHIN_RANGE needs upper_value, and upper_value is only meaningful with
///   that direction (a range under "higher is better" would be ambiguous).
public enum IkiRules {
    /// Most IKIs per RHK (`planning.proto`).
    public static let maximumIkis = 10
    /// Longest indicator text.
    public static let maximumIndicatorLength = 500
    /// Longest unit of measure.
    public static let maximumUnitLength = 50
    /// Longest descriptive target.
    public static let maximumQualitativeTextLength = 500

    /// Every violation of the field rules by `iki` (periodic targets included); empty when valid.
    ///
    /// - Parameters:
    ///   - approach: the SKP's approach (Kuantitatif targets need a unit; Kualitatif ones a text).
    ///   - skp: the SKP's year and covered days, for the periodic targets.
    ///   - fieldPrefix: path of the IKI, e.g. `iki.` or `rhks[0].ikis[2].`.
    public static func violations(
        _ iki: Planning.Iki, approach: Planning.SkpApproach, skp: SkpPeriod, fieldPrefix: String = "iki."
    ) -> [Common.FieldViolation] {
        var out = ViolationList(prefix: fieldPrefix)
        switch iki.aspek {
        case .unspecified: out.add("aspek", "IKI_ASPEK_REQUIRED", "aspek is required: Kuantitas, Kualitas, Waktu or Biaya")
        case .unrecognized(let raw): out.add("aspek", "IKI_ASPEK_UNKNOWN", "aspek \(raw) is not a known aspek")
        default: break
        }
        if iki.indicator.isBlank {
            out.add("indicator", "IKI_INDICATOR_REQUIRED", "indicator is required (1-\(maximumIndicatorLength) characters)")
        } else if iki.indicator.scalarCount > maximumIndicatorLength {
            out.add("indicator", "IKI_INDICATOR_TOO_LONG",
                    "indicator must be at most \(maximumIndicatorLength) characters, got \(iki.indicator.scalarCount)")
        }
        switch iki.aggregation {
        case .unspecified:
            out.add("aggregation", "IKI_AGGREGATION_REQUIRED", "aggregation is required: how daily realisations combine over a period")
        case .unrecognized(let raw):
            out.add("aggregation", "IKI_AGGREGATION_UNKNOWN", "aggregation \(raw) is not a known aggregation")
        default: break
        }
        out.append(contentsOf: targetViolations(iki.annualTarget, approach: approach, fieldPrefix: fieldPrefix + "annual_target"))
        out.append(contentsOf: PeriodicTargetRules.violations(
            iki.periodicTargets, aspek: iki.aspek, annualTarget: iki.annualTarget, approach: approach, skp: skp,
            fieldPrefix: fieldPrefix + "periodic_targets"))
        return out.items
    }

    /// Every violation of the target rules by an annual target at `fieldPrefix` (e.g. `iki.annual_target`).
    public static func targetViolations(
        _ target: Planning.Target?, approach: Planning.SkpApproach, fieldPrefix: String = "annual_target"
    ) -> [Common.FieldViolation] {
        var out = ViolationList(prefix: fieldPrefix)
        guard let target else {
            out.add("", "IKI_TARGET_REQUIRED", "the annual target is required")
            return out.items
        }
        let valueOK = target.value.isFinite && target.value >= 0
        if !valueOK {
            out.add(".value", "IKI_TARGET_VALUE_INVALID", "the target value must be a finite number >= 0, got \(target.value)")
        }
        if let upper = target.upperValue?.value {
            if !upper.isFinite {
                out.add(".upper_value", "IKI_TARGET_UPPER_INVALID", "upper_value must be a finite number, got \(upper)")
            } else if valueOK, upper < target.value {
                out.add(".upper_value", "IKI_TARGET_UPPER_BELOW_VALUE",
                        "upper_value \(PeriodicTargetRules.format(upper)) must not be below value \(PeriodicTargetRules.format(target.value))")
            }
        }
        switch target.direction {
        case .unspecified:
            out.add(".direction", "IKI_TARGET_DIRECTION_REQUIRED",
                    "direction is required: higher is better, lower is better, or within range")
        case .unrecognized(let raw):
            out.add(".direction", "IKI_TARGET_DIRECTION_UNKNOWN", "direction \(raw) is not a known direction")
        case .withinRange:
            if target.upperValue == nil {
                out.add(".upper_value", "IKI_TARGET_RANGE_NEEDS_UPPER", "a within-range target needs upper_value")
            }
        case .higherIsBetter, .lowerIsBetter:
            if target.upperValue != nil {
                out.add(".upper_value", "IKI_TARGET_UPPER_WITHOUT_RANGE",
                        "upper_value is only for a within-range target (direction TARGET_DIRECTION_WITHIN_RANGE)")
            }
        }
        if target.unit.scalarCount > maximumUnitLength {
            out.add(".unit", "IKI_TARGET_UNIT_TOO_LONG", "unit must be at most \(maximumUnitLength) characters, got \(target.unit.scalarCount)")
        } else if approach != .kualitatif, target.unit.isBlank {
            out.add(".unit", "IKI_TARGET_UNIT_REQUIRED",
                    "a numeric target on a Kuantitatif SKP needs its unit (satuan), e.g. dokumen, persen, hari")
        }
        if target.qualitativeText.scalarCount > maximumQualitativeTextLength {
            out.add(".qualitative_text", "IKI_QUALITATIVE_TEXT_TOO_LONG",
                    "qualitative_text must be at most \(maximumQualitativeTextLength) characters, got \(target.qualitativeText.scalarCount)")
        } else if approach == .kualitatif, target.qualitativeText.isBlank {
            out.add(".qualitative_text", "IKI_QUALITATIVE_TEXT_REQUIRED",
                    "a Kualitatif SKP's IKI needs its descriptive target (qualitative_text)")
        }
        return out.items
    }

    /// Refuses adding an IKI to an RHK that already has ``maximumIkis``.
    public static func checkCanAdd(ikiCount: Int, rhkID: String) throws(SkpRuleError) {
        guard ikiCount < maximumIkis else { throw .ikiLimitReached(rhkID: rhkID, limit: maximumIkis) }
    }
}
