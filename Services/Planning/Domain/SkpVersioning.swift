public import KinerjaProto

/// SKP versions as values (`planning.proto` Skp, ReviseSkp, ApproveSkp).
///
/// - `skp_id` names the SKP across versions; `rhk_id` and `iki_id` stay the same in every
///   version that carries the RHK or IKI, so reports and evaluations keep pointing at them;
/// - revise copies the latest version (DIKEMBALIKAN or DISETUJUI) into version + 1, DRAFT, with
///   the revision reason; everything the owner planned is copied (RHKs, IKIs, targets, links,
///   review flags, the atasan's expectations, the Lampiran); the decision, the submission and the
///   decision stamps, the penilai recorded at submission and the approval stamp are not;
/// - the approved version stays in force (DISETUJUI) until the new version is approved, which
///   makes it DIGANTI.
public enum SkpVersioning {
    /// The new DRAFT version made from `latest` (the latest version of its SKP).
    ///
    /// - Parameters:
    ///   - reason: why (1–1000 characters).
    ///   - created: the creation stamp of the new version.
    ///   - evaluationFinalised: true when the year's evaluation is finalised (no more revisions).
    /// - Throws: ``SkpRuleError`` as ``SkpLifecycle/apply(_:evaluationFinalised:)`` for `.revise`.
    public static func revise(
        _ latest: Planning.Skp, reason: String, created: Common.AuditStamp?, evaluationFinalised: Bool = false
    ) throws(SkpRuleError) -> Planning.Skp {
        var lifecycle = SkpLifecycle(versions: [.init(version: latest.version, state: latest.state)])
        try lifecycle.apply(.revise(reason: reason), evaluationFinalised: evaluationFinalised)
        var next = latest
        next.version = latest.version + 1
        next.state = .draft
        next.revisionReason = reason
        next.decisionNote = ""
        next.created = created
        next.submitted = nil
        next.decided = nil
        next.penilai = nil
        next.approval = nil
        next.amendments = []
        next.revision = 1
        return next
    }

    /// Applies `event` to the versions of one SKP (oldest first) and returns them updated with the outcome.
    ///
    /// States change as ``SkpLifecycle`` says; a revision appends ``revise(_:reason:created:evaluationFinalised:)``'s
    /// copy; the decision note is recorded on approve and return; `stamp` becomes the submission
    /// stamp (submit), the decision stamp (approve, return) or the new version's creation stamp
    /// (revise); withdrawal clears the submission stamp. Every changed version's revision
    /// counter goes up by one.
    public static func apply(
        _ event: SkpLifecycle.Event, to versions: [Planning.Skp], stamp: Common.AuditStamp?, evaluationFinalised: Bool = false
    ) throws(SkpRuleError) -> (versions: [Planning.Skp], outcome: SkpLifecycle.Outcome) {
        var skps = versions.sorted { $0.version < $1.version }
        var lifecycle = SkpLifecycle(versions: skps.map { .init(version: $0.version, state: $0.state) })
        let outcome = try lifecycle.apply(event, evaluationFinalised: evaluationFinalised)
        if case .revised = outcome, case .revise(let reason) = event, let latest = skps.last {
            skps.append(try revise(latest, reason: reason, created: stamp, evaluationFinalised: evaluationFinalised))
            return (skps, outcome)
        }
        for index in skps.indices {
            guard let state = lifecycle.versions.first(where: { $0.version == skps[index].version })?.state,
                  state != skps[index].state else { continue }
            skps[index].state = state
            skps[index].revision += 1
        }
        if let last = skps.indices.last {
            switch event {
            case .submit:
                skps[last].submitted = stamp
            case .withdraw:
                skps[last].submitted = nil
            case .approve(_, let note), .return(_, let note):
                skps[last].decisionNote = note
                skps[last].decided = stamp
            case .revise:
                break
            }
        }
        return (skps, outcome)
    }

    /// The approved version in force (DISETUJUI); nil when none is approved.
    public static func versionInForce(_ versions: [Planning.Skp]) -> Planning.Skp? {
        versions.filter { $0.state == .disetujui }.max { $0.version < $1.version }
    }

    /// The latest version.
    public static func latest(_ versions: [Planning.Skp]) -> Planning.Skp? {
        versions.max { $0.version < $1.version }
    }
}
