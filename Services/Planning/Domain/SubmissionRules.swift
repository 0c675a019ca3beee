public import KinerjaProto

/// What a DRAFT needs before it can be submitted to the atasan (`planning.proto` SubmitSkp).
///
/// The contract's list:
/// - an approach (Kuantitatif or Kualitatif) and valid covered days;
/// - at least one Utama RHK, and at most 30 RHKs;
/// - every RHK with 1–10 IKIs;
/// - every IKI of a Kuantitatif SKP with a numeric target and its unit;
/// - no RHK flagged for review and not yet acknowledged;
/// - an atasan (pejabat penilai) in Kinerja, to submit to;
/// - every linked RHK says direct or non-direct, and a direct one carries its parent's text
///   (``CascadeLinkRules``).
///
/// Also checked, so a submitted version is valid as a whole even when data changed under it
/// (e.g. covered days changed after periodic targets were set): every RHK's field rules
/// (``RhkRules``), every IKI's field and periodic-target rules (``IkiRules``), the behaviour
/// expectations (``BehaviourExpectationRules``), and the cascading link of every Utama RHK
/// (``RhkRules/parentViolations(kind:parentRhkID:parent:context:requireParent:fieldPrefix:)``
/// with `requireParent`), including a link whose parent belongs to someone other than the
/// current atasan (the atasan changed since the link was made).
///
/// The state (only a DRAFT is submitted) is ``SkpLifecycle``'s rule.
public enum SubmissionRules {
    /// Every reason `skp` cannot be submitted; empty when it can.
    ///
    /// - Parameters:
    ///   - atasanNIP: the owner's atasan langsung in Kinerja now (from identity); nil when none.
    ///   - ownerIsUnitHead: see ``RhkRules/LinkContext/ownerIsUnitHead``.
    public static func violations(_ skp: Planning.Skp, atasanNIP: String?, ownerIsUnitHead: Bool) -> [Common.FieldViolation] {
        var out = ViolationList(prefix: "")
        switch skp.approach {
        case .kuantitatif, .kualitatif: break
        default: out.add("approach", "SKP_APPROACH_REQUIRED", "approach is required: Kuantitatif or Kualitatif")
        }
        out.append(contentsOf: SkpPeriod.violations(year: skp.year, start: skp.periodStart, end: skp.periodEnd))
        let context = RhkRules.LinkContext(atasanNIP: atasanNIP, ownerIsUnitHead: ownerIsUnitHead, year: skp.year)
        if !context.hasAtasan {
            out.add("atasan_nip", "SKP_NO_ATASAN", "you have no atasan (pejabat penilai) in Kinerja to submit to; ask pengelola kinerja")
        }
        if !skp.rhks.contains(where: { $0.kind == .utama }) {
            out.add("rhks", "SKP_NO_UTAMA_RHK", "an SKP needs at least one Utama RHK")
        }
        if skp.rhks.count > RhkRules.maximumRhks {
            out.add("rhks", "SKP_TOO_MANY_RHKS", "an SKP has at most \(RhkRules.maximumRhks) RHKs, got \(skp.rhks.count)")
        }
        let period = SkpPeriod(skp)
        for (i, rhk) in skp.rhks.enumerated() {
            let at = "rhks[\(i)]."
            out.append(contentsOf: RhkRules.violations(rhk, jenisJabatan: skp.jenisJabatan, fieldPrefix: at))
            out.append(contentsOf: CascadeLinkRules.submissionViolations(rhk, fieldPrefix: at))
            if rhk.parentRhkID.isEmpty {
                out.append(contentsOf: RhkRules.parentViolations(
                    kind: rhk.kind, parentRhkID: "", parent: nil, context: context, requireParent: true, fieldPrefix: at))
            } else if let atasan = atasanNIP, !rhk.parentOwnerNIP.isEmpty, rhk.parentOwnerNIP != atasan {
                out.add(at + "parent_rhk_id", "RHK_PARENT_NOT_ATASAN",
                        "the parent RHK belongs to \(rhk.parentOwnerNIP), not to your atasan \(atasan); link an RHK of your atasan's SKP")
            }
            if rhk.ikis.isEmpty {
                out.add(at + "ikis", "RHK_NO_IKI", "every RHK needs at least one IKI")
            } else if rhk.ikis.count > IkiRules.maximumIkis {
                out.add(at + "ikis", "RHK_TOO_MANY_IKIS", "an RHK has at most \(IkiRules.maximumIkis) IKIs, got \(rhk.ikis.count)")
            }
            for (j, iki) in rhk.ikis.enumerated() {
                out.append(contentsOf: IkiRules.violations(iki, approach: skp.approach, skp: period, fieldPrefix: at + "ikis[\(j)]."))
            }
            if let flag = rhk.reviewFlag {
                out.add(at + "review_flag", "RHK_REVIEW_PENDING",
                        "the parent RHK changed (\(flag.changeSummary)); review the RHK and acknowledge or change it before submitting")
            }
        }
        out.append(contentsOf: BehaviourExpectationRules.violations(
            skp.behaviourExpectations, rhkIDs: Set(skp.rhks.map(\.rhkID)), fieldPrefix: "behaviour_expectations"))
        if let lampiran = skp.lampiran { out.append(contentsOf: SkpLampiranRules.violations(lampiran)) }
        return out.items
    }
}
