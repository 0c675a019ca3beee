public import KinerjaProto

/// The rules of the atasan's ekspektasi khusus (`planning.proto` BehaviourExpectation,
/// SetBehaviourExpectations).
///
/// - a BerAKHLAK value is required;
/// - the expectation is 1–1000 characters;
/// - rhk_id, when set, names an RHK of the SKP (empty = the whole SKP);
/// - at most one expectation per (value, rhk_id), so at most 7 × (1 + number of RHKs).
///
/// Who may set them (the SKP's atasan) and when (DRAFT or DIAJUKAN,
/// ``SkpLifecycle/checkExpectationsSettable(_:)``) are checked elsewhere.
public enum BehaviourExpectationRules {
    /// Longest expectation text.
    public static let maximumTextLength = 1000

    /// Every violation by `expectations` on an SKP whose RHKs have ids `rhkIDs`; empty when valid.
    public static func violations(
        _ expectations: [Planning.BehaviourExpectation], rhkIDs: Set<String>, fieldPrefix: String = "expectations"
    ) -> [Common.FieldViolation] {
        var out = ViolationList(prefix: fieldPrefix)
        var seen = Set<String>()
        for (index, expectation) in expectations.enumerated() {
            let at = "[\(index)]."
            switch expectation.value {
            case .unspecified: out.add(at + "value", "EXPECTATION_VALUE_REQUIRED", "the BerAKHLAK value is required")
            case .unrecognized(let raw): out.add(at + "value", "EXPECTATION_VALUE_UNKNOWN", "value \(raw) is not a BerAKHLAK value")
            default: break
            }
            if expectation.ekspektasiKhusus.isBlank {
                out.add(at + "ekspektasi_khusus", "EXPECTATION_TEXT_REQUIRED", "the expectation is required (1-\(maximumTextLength) characters)")
            } else if expectation.ekspektasiKhusus.scalarCount > maximumTextLength {
                out.add(at + "ekspektasi_khusus", "EXPECTATION_TEXT_TOO_LONG",
                        "the expectation must be at most \(maximumTextLength) characters, got \(expectation.ekspektasiKhusus.scalarCount)")
            }
            if !expectation.rhkID.isEmpty, !rhkIDs.contains(expectation.rhkID) {
                out.add(at + "rhk_id", "EXPECTATION_RHK_UNKNOWN", "RHK \(expectation.rhkID) is not in this SKP")
            }
            if !seen.insert("\(expectation.value.rawValue)|\(expectation.rhkID)").inserted {
                out.add(at + "value", "EXPECTATION_DUPLICATE",
                        "at most one expectation per BerAKHLAK value and RHK; \(expectation.value.protoName ?? "this value") is repeated")
            }
        }
        return out.items
    }
}
