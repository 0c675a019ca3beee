public import KinerjaProto

/// When a mistaken SKP may be deleted (`planning.proto` DeleteSkp; docs/PLANNING.md, "Deletion").
///
/// The rules:
/// - only an SKP that was **never submitted**: it has one version, that version is DRAFT, and it
///   was never DIAJUKAN (a draft submitted and withdrawn again counts as submitted: the penilai
///   has seen it, so it stays as history);
/// - by the owner, or by pengelola kinerja in scope (who may also have created it);
/// - with a reason of 1–500 characters, which goes to the audit entry;
/// - idempotent: deleting a deleted SKP again answers the same and changes nothing; the SKP's id
///   is never reused and reads of it answer NOT_FOUND, saying it was deleted;
/// - what went with it: its RHK and IKI index entries and flags; RHKs of bawahan that linked to
///   its RHKs are flagged for review ("RHK removed"), as when an RHK is removed;
/// - a draft that a transfer opened (`CreateSkpRequest.transfer`) gives the SKP the transfer
///   closed its days back (``SkpCoverage/reopenedEnd(closed:previousEnd:others:)``): a mistaken
///   transfer is undone by deleting its draft.
public enum SkpDeletion {
    /// Longest reason (`planning.proto`).
    public static let maximumReasonLength = 500

    /// Refuses a reason that is missing or too long.
    public static func checkReason(_ reason: String) throws(SkpRuleError) {
        if reason.isBlank { throw .reasonRequired(field: "reason", limit: maximumReasonLength) }
        if reason.scalarCount > maximumReasonLength {
            throw .noteTooLong(field: "reason", count: reason.scalarCount, limit: maximumReasonLength)
        }
    }

    /// Refuses deleting an SKP with `versions` (oldest first) unless it was never submitted.
    ///
    /// - Parameter everSubmitted: true when any version was ever DIAJUKAN (the store remembers
    ///   it across a withdrawal).
    public static func checkDeletable(_ versions: [Planning.Skp], everSubmitted: Bool) throws(SkpRuleError) {
        guard let latest = versions.last else { throw .noVersions }
        if versions.count > 1 { throw .notDeletable(why: "it has \(versions.count) versions") }
        if latest.state != .draft { throw .notDeletable(why: "it is \(latest.state.label)") }
        if everSubmitted || latest.submitted != nil { throw .notDeletable(why: "it was submitted (and withdrawn) before") }
    }
}
