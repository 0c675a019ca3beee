public import KinerjaProto

/// How an RHK derives from the atasan's RHK it intervenes (`planning.proto` CascadeType,
/// Rhk.cascade_type, Rhk.peran; PermenPANRB 6/2022, the Matriks Pembagian Peran dan Hasil).
///
/// The rules:
/// - **direct**: the bawahan carries the atasan's result itself; the RHK's text is the parent's
///   text — it is copied when the link is made and kept equal when the parent's text changes
///   (the RHKs of drafts follow at once; those of other versions at their next revision; every
///   dependant is flagged for review as for any text change); its own text cannot be edited;
/// - **non-direct**: a narrower part of the atasan's result, in the bawahan's own words;
/// - required with a parent on a submitted SKP (inference: the regulation's matrix
///   distinguishes them), unset without a parent (clearing the link clears it, and the peran);
/// - **peran**: the bawahan's role in the parent result for the role matrix, e.g. "Verifikator
///   berkas"; at most 200 characters; may be empty; only with a parent.
public enum CascadeLinkRules {
    /// Longest peran (`planning.proto`).
    public static let maximumPeranLength = 200

    /// Every violation of the field rules by `rhk`'s cascade type and peran; empty when valid.
    public static func violations(_ rhk: Planning.Rhk, fieldPrefix: String = "rhk.") -> [Common.FieldViolation] {
        var out = ViolationList(prefix: fieldPrefix)
        if case .unrecognized(let raw) = rhk.cascadeType {
            out.add("cascade_type", "RHK_CASCADE_TYPE_UNKNOWN", "cascade type \(raw) is not direct or non-direct")
        }
        if rhk.peran.scalarCount > maximumPeranLength {
            out.add("peran", "RHK_PERAN_TOO_LONG", "peran must be at most \(maximumPeranLength) characters, got \(rhk.peran.scalarCount)")
        }
        if rhk.parentRhkID.isEmpty {
            if rhk.cascadeType != .unspecified {
                out.add("cascade_type", "RHK_CASCADE_TYPE_WITHOUT_PARENT", "a cascade type describes a link to the atasan's RHK; this RHK has none")
            }
            if !rhk.peran.isEmpty {
                out.add("peran", "RHK_PERAN_WITHOUT_PARENT", "peran is the role in the atasan's RHK; this RHK intervenes none")
            }
        }
        return out.items
    }

    /// What submission adds: a linked RHK says direct or non-direct, and a direct one still
    /// carries its parent's text.
    public static func submissionViolations(_ rhk: Planning.Rhk, fieldPrefix: String) -> [Common.FieldViolation] {
        var out = ViolationList(prefix: fieldPrefix)
        guard !rhk.parentRhkID.isEmpty else { return out.items }
        if rhk.cascadeType == .unspecified {
            out.add("cascade_type", "RHK_CASCADE_TYPE_REQUIRED",
                    "say whether the RHK carries the atasan's result itself (direct) or a narrower part of it (non-direct)")
        } else if rhk.cascadeType == .direct, !rhk.parentRhkText.isEmpty, rhk.text != rhk.parentRhkText {
            out.add("text", "RHK_DIRECT_TEXT_DIFFERS", "a direct RHK carries its parent's text \"\(rhk.parentRhkText)\"")
        }
        return out.items
    }

    /// The RHK after its link was set or checked against the parent's current text `parentText`:
    /// the parent's text is recorded, and a direct RHK takes it as its own; without a parent,
    /// cascade type and peran are cleared.
    public static func linked(_ rhk: Planning.Rhk, parentText: String) -> Planning.Rhk {
        var result = rhk
        if result.parentRhkID.isEmpty {
            result.parentOwnerNIP = ""
            result.parentRhkText = ""
            result.cascadeType = .unspecified
            result.peran = ""
            return result
        }
        result.parentRhkText = parentText
        if result.cascadeType == .direct, !parentText.isEmpty { result.text = parentText }
        return result
    }

    /// Refuses writing the text of a direct RHK: it is its parent's.
    public static func textEditViolations(_ rhk: Planning.Rhk, newText: String, fieldPrefix: String = "rhk.") -> [Common.FieldViolation] {
        var out = ViolationList(prefix: fieldPrefix)
        if rhk.cascadeType == .direct, !rhk.parentRhkID.isEmpty, newText != rhk.parentRhkText {
            out.add("text", "RHK_TEXT_DIRECT", "a direct RHK carries its parent's text; make it non-direct to write your own")
        }
        return out.items
    }
}
