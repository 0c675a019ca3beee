public import KinerjaProto
import KinerjaASN

/// The field and cascading rules of an RHK (Rencana Hasil Kerja).
///
/// From `planning.proto` (Rhk, AddRhk) and DOMAIN.md "SKP structure":
/// - text 1–1000 characters; kind required (Utama or Tambahan);
/// - penugasan (the assignment a Tambahan comes from) at most 500 characters;
/// - Perspektif required when the SKP's jenis jabatan is JPT, unset otherwise;
/// - the parent (the atasan's RHK it intervenes) must be an RHK of the owner's atasan's SKP of
///   the same year (it may be a draft); it may be empty for Tambahan, and for Utama only when the
///   owner has no atasan in Kinerja or heads the organisation (see ``LinkContext``);
/// - at most 30 RHKs per SKP;
/// - cascade type and peran: ``CascadeLinkRules``.
///
/// Our inference: penugasan belongs to Tambahan only; an Utama carrying one is refused.
///
/// The parent may be missing while drafting (the atasan's SKP may not exist yet); it is
/// required at submission (``SubmissionRules``), or at once with `requireParent`.
public enum RhkRules {
    /// Most RHKs per SKP (`planning.proto`).
    public static let maximumRhks = 30
    /// Longest RHK text.
    public static let maximumTextLength = 1000
    /// Longest penugasan.
    public static let maximumPenugasanLength = 500

    /// What the caller knows about the RHK's owner for the parent-link rules.
    public struct LinkContext: Sendable, Hashable {
        /// NIP of the owner's atasan langsung in Kinerja; nil when they have none (e.g. the Sekretaris Daerah).
        public var atasanNIP: String?
        /// True when the owner heads the organisation whose cascade they root (kepala dinas or
        /// badan, camat, inspektur): their Utama RHKs derive from the organisation's plan
        /// (Renstra, Perjanjian Kinerja), so a link to the atasan's RHK is optional.
        /// Pass false to apply the contract's narrower exemption (no atasan only).
        public var ownerIsUnitHead: Bool
        /// The SKP's year.
        public var year: Int32

        /// A context.
        public init(atasanNIP: String?, ownerIsUnitHead: Bool, year: Int32) {
            self.atasanNIP = atasanNIP
            self.ownerIsUnitHead = ownerIsUnitHead
            self.year = year
        }

        /// True when the owner has an atasan in Kinerja.
        public var hasAtasan: Bool { atasanNIP.map { !$0.isEmpty } ?? false }

        /// True when the atasan has an SKP whose RHKs the owner's Utama RHKs can intervene: an
        /// ASN atasan. A non-ASN penilai (the Wali Kota rating the Sekretaris Daerah) has none,
        /// so the owner's results come from the organisation's plan, as for a unit head.
        public var atasanHasSkp: Bool { hasAtasan && !PersonIdentifier.isNonASN(atasanNIP ?? "") }
    }

    /// The parent RHK as the caller found it.
    public struct ParentRef: Sendable, Hashable {
        /// NIP of the owner of the SKP holding the parent RHK.
        public var ownerNIP: String
        /// Year of that SKP.
        public var year: Int32

        /// A parent reference.
        public init(ownerNIP: String, year: Int32) {
            self.ownerNIP = ownerNIP
            self.year = year
        }
    }

    /// Every violation of the field rules by `rhk` (not its IKIs, not its parent link); empty when valid.
    ///
    /// - Parameters:
    ///   - jenisJabatan: the SKP's jenis jabatan (JPT SKPs carry Perspektif).
    ///   - fieldPrefix: path of the RHK, e.g. `rhk.` or `rhks[3].`.
    public static func violations(
        _ rhk: Planning.Rhk, jenisJabatan: Common.JenisJabatan, fieldPrefix: String = "rhk."
    ) -> [Common.FieldViolation] {
        var out = ViolationList(prefix: fieldPrefix)
        if rhk.text.isBlank {
            out.add("text", "RHK_TEXT_REQUIRED", "text is required (1-\(maximumTextLength) characters)")
        } else if rhk.text.scalarCount > maximumTextLength {
            out.add("text", "RHK_TEXT_TOO_LONG", "text must be at most \(maximumTextLength) characters, got \(rhk.text.scalarCount)")
        }
        switch rhk.kind {
        case .unspecified: out.add("kind", "RHK_KIND_REQUIRED", "kind is required: Utama or Tambahan")
        case .unrecognized(let raw): out.add("kind", "RHK_KIND_UNKNOWN", "kind \(raw) is not a known RHK kind")
        default: break
        }
        if rhk.penugasan.scalarCount > maximumPenugasanLength {
            out.add("penugasan", "RHK_PENUGASAN_TOO_LONG",
                    "penugasan must be at most \(maximumPenugasanLength) characters, got \(rhk.penugasan.scalarCount)")
        } else if rhk.kind == .utama, !rhk.penugasan.isEmpty {
            out.add("penugasan", "RHK_PENUGASAN_ONLY_TAMBAHAN", "penugasan names the assignment of a Tambahan RHK; an Utama RHK has none")
        }
        let isJPT = jenisJabatan == .jpt
        switch rhk.perspektif {
        case .unspecified:
            if isJPT { out.add("perspektif", "RHK_PERSPEKTIF_REQUIRED", "a JPT SKP needs the Perspektif of every RHK") }
        case .unrecognized(let raw):
            out.add("perspektif", "RHK_PERSPEKTIF_UNKNOWN", "perspektif \(raw) is not a known Perspektif")
        default:
            if !isJPT { out.add("perspektif", "RHK_PERSPEKTIF_NOT_ALLOWED", "Perspektif is only for JPT SKPs; leave it unset") }
        }
        out.append(contentsOf: CascadeLinkRules.violations(rhk, fieldPrefix: fieldPrefix))
        return out.items
    }

    /// Every violation of the parent-link rules; empty when valid.
    ///
    /// - Parameters:
    ///   - kind: the RHK's kind.
    ///   - parentRhkID: the link as given (empty = none).
    ///   - parent: the parent RHK's owner and year as found; nil when `parentRhkID` is empty or unknown.
    ///   - context: what the caller knows about the owner.
    ///   - requireParent: true at submission: an Utama needs its link unless exempt.
    ///   - fieldPrefix: path of the RHK.
    public static func parentViolations(
        kind: Common.RhkKind, parentRhkID: String, parent: ParentRef?, context: LinkContext,
        requireParent: Bool, fieldPrefix: String = "rhk."
    ) -> [Common.FieldViolation] {
        var out = ViolationList(prefix: fieldPrefix)
        guard !parentRhkID.isEmpty else {
            if requireParent, kind == .utama, context.atasanHasSkp, !context.ownerIsUnitHead {
                out.add("parent_rhk_id", "RHK_PARENT_REQUIRED",
                        "an Utama RHK must intervene an RHK of your atasan's SKP for \(context.year) (cascading)")
            }
            return out.items
        }
        guard let parent else {
            out.add("parent_rhk_id", "RHK_PARENT_NOT_FOUND", "parent RHK \(parentRhkID) does not exist")
            return out.items
        }
        guard let atasan = context.atasanNIP, !atasan.isEmpty else {
            out.add("parent_rhk_id", "RHK_PARENT_NOT_ATASAN",
                    "you have no atasan in Kinerja, so your RHK cannot intervene another employee's RHK")
            return out.items
        }
        if parent.ownerNIP != atasan {
            out.add("parent_rhk_id", "RHK_PARENT_NOT_ATASAN",
                    "the parent RHK must belong to your atasan (\(atasan)); it belongs to \(parent.ownerNIP)")
        }
        if parent.year != context.year {
            out.add("parent_rhk_id", "RHK_PARENT_OTHER_YEAR",
                    "the parent RHK must be in your atasan's SKP for \(context.year); it is in the SKP for \(parent.year)")
        }
        return out.items
    }

    /// Refuses adding an RHK to an SKP that already has ``maximumRhks``.
    public static func checkCanAdd(rhkCount: Int) throws(SkpRuleError) {
        guard rhkCount < maximumRhks else { throw .rhkLimitReached(limit: maximumRhks) }
    }
}
