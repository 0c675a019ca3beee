public import KinerjaProto

/// Flags for review the RHKs that intervene an RHK that changed, and clears them
/// (`planning.proto` RhkReviewFlag, UpdateRhk, RemoveRhk, AcknowledgeRhkReview).
///
/// DOMAIN.md: staff may draft before the atasan's SKP is final; the link to the atasan's RHK is
/// kept, and a change to that RHK flags the dependent RHKs for review. The rules:
/// - a change of the parent's text or kind, of an IKI's target (aspek, indicator or annual
///   target, or an IKI added or removed), or the parent's removal flags every RHK whose
///   parent_rhk_id is the parent, in every version of the bawahan's SKPs except DIGANTI ones
///   (superseded history is never changed); position, Perspektif or penugasan changes flag nothing;
/// - the flag records the parent's SKP revision when the link was made or last acknowledged
///   (`parent_revision_seen`) and now (`parent_revision_current`), what changed, when, and
///   whether the parent is gone;
/// - an RHK already flagged keeps its first `parent_revision_seen` and `flagged_at`, and
///   collects every change since (summaries merged, at most 500 characters);
/// - the owner acknowledges a flag with a note (1–1000 characters); an RHK that is not flagged
///   cannot be acknowledged, nor one whose parent was removed: it must be relinked (or its
///   link cleared) instead, which clears the flag.
public enum ReviewFlags {
    /// Longest change summary (`planning.proto`).
    public static let maximumSummaryLength = 500
    /// Longest acknowledgement note (`planning.proto`).
    public static let maximumNoteLength = 1000

    /// One kind of change to a parent RHK.
    public enum Change: Sendable, Hashable, CaseIterable {
        /// The RHK's text changed.
        case textChanged
        /// Utama became Tambahan or the reverse.
        case kindChanged
        /// An IKI's aspek, indicator or annual target changed.
        case ikiTargetChanged
        /// An IKI was added.
        case ikiAdded
        /// An IKI was removed.
        case ikiRemoved
        /// The RHK was removed.
        case removed

        /// The change as the flag's summary shows it.
        public var summary: String {
            switch self {
            case .textChanged: "RHK text changed"
            case .kindChanged: "RHK kind changed"
            case .ikiTargetChanged: "IKI target changed"
            case .ikiAdded: "IKI added"
            case .ikiRemoved: "IKI removed"
            case .removed: "RHK removed"
            }
        }
    }

    /// A bawahan RHK linked to the parent, as the caller stored it.
    public struct Dependent: Sendable, Hashable {
        /// The dependent RHK's id.
        public var rhkID: String
        /// Its parent link.
        public var parentRhkID: String
        /// State of the SKP version it is in.
        public var skpState: Planning.SkpState
        /// The parent's SKP revision when the link was made or last acknowledged.
        public var linkedAtParentRevision: UInt64
        /// Its current flag, if any.
        public var flag: Planning.RhkReviewFlag?

        /// A dependent.
        public init(rhkID: String, parentRhkID: String, skpState: Planning.SkpState, linkedAtParentRevision: UInt64,
                    flag: Planning.RhkReviewFlag? = nil) {
            self.rhkID = rhkID
            self.parentRhkID = parentRhkID
            self.skpState = skpState
            self.linkedAtParentRevision = linkedAtParentRevision
            self.flag = flag
        }
    }

    /// The flag to store on one dependent RHK.
    public struct FlagUpdate: Sendable, Hashable {
        /// The dependent RHK's id.
        public var rhkID: String
        /// Its new flag.
        public var flag: Planning.RhkReviewFlag
    }

    /// The changes between `before` and `after` (nil = removed) that flag dependants, in a fixed order.
    public static func changes(before: Planning.Rhk, after: Planning.Rhk?) -> [Change] {
        guard let after else { return [.removed] }
        var out: [Change] = []
        if before.text != after.text { out.append(.textChanged) }
        if before.kind != after.kind { out.append(.kindChanged) }
        let old = Dictionary(before.ikis.map { ($0.ikiID, $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(after.ikis.map { ($0.ikiID, $0) }, uniquingKeysWith: { first, _ in first })
        let changedTarget = after.ikis.contains { iki in
            guard let previous = old[iki.ikiID] else { return false }
            return previous.aspek != iki.aspek || previous.indicator != iki.indicator || previous.annualTarget != iki.annualTarget
        }
        if changedTarget { out.append(.ikiTargetChanged) }
        if after.ikis.contains(where: { old[$0.ikiID] == nil }) { out.append(.ikiAdded) }
        if before.ikis.contains(where: { new[$0.ikiID] == nil }) { out.append(.ikiRemoved) }
        return out
    }

    /// The flags to store after the parent RHK `parentRhkID` changed by `changes`.
    ///
    /// - Parameters:
    ///   - parentRevision: the parent SKP's revision after the change.
    ///   - dependents: the RHKs linked to any parent (those of other parents are skipped).
    ///   - now: when the flag is raised, UTC.
    /// - Returns: one update per dependent to flag, in the order given; empty when `changes` is empty.
    public static func flags(
        parentRhkID: String, changes: [Change], parentRevision: UInt64, dependents: [Dependent], now: Common.Timestamp
    ) -> [FlagUpdate] {
        guard !changes.isEmpty else { return [] }
        return dependents.compactMap { dependent in
            guard dependent.parentRhkID == parentRhkID, dependent.skpState != .diganti else { return nil }
            let previous = dependent.flag.flatMap { $0.parentRhkID == parentRhkID ? $0 : nil }
            let earlier = previous.map { $0.changeSummary.split(separator: "; ").map(String.init) } ?? []
            var parts = earlier
            for change in changes where !parts.contains(change.summary) { parts.append(change.summary) }
            let flag = Planning.RhkReviewFlag(
                parentRhkID: parentRhkID,
                parentRevisionSeen: previous?.parentRevisionSeen ?? dependent.linkedAtParentRevision,
                parentRevisionCurrent: parentRevision,
                changeSummary: summary(parts),
                flaggedAt: previous?.flaggedAt ?? now,
                parentRemoved: (previous?.parentRemoved ?? false) || changes.contains(.removed))
            return FlagUpdate(rhkID: dependent.rhkID, flag: flag)
        }
    }

    /// Clears the flag of `rhk` after its owner checked the link.
    ///
    /// - Throws: ``ReviewFlagError`` without a note (or one too long), when the RHK is not
    ///   flagged, or when its parent was removed (relink instead).
    public static func acknowledge(_ rhk: Planning.Rhk, note: String) throws(ReviewFlagError) -> Planning.Rhk {
        if note.isBlank { throw .noteRequired }
        if note.scalarCount > maximumNoteLength { throw .noteTooLong(count: note.scalarCount) }
        guard let flag = rhk.reviewFlag else { throw .notFlagged(rhkID: rhk.rhkID) }
        if flag.parentRemoved { throw .parentRemoved(rhkID: rhk.rhkID, parentRhkID: flag.parentRhkID) }
        var cleared = rhk
        cleared.reviewFlag = nil
        return cleared
    }

    /// `rhk` linked to another parent (or to none, with an empty id); a relink clears the flag.
    public static func relink(_ rhk: Planning.Rhk, to parentRhkID: String, parentOwnerNIP: String, parentText: String) -> Planning.Rhk {
        var relinked = rhk
        relinked.parentRhkID = parentRhkID
        relinked.parentOwnerNIP = parentRhkID.isEmpty ? "" : parentOwnerNIP
        relinked.parentRhkText = parentRhkID.isEmpty ? "" : parentText
        relinked.reviewFlag = nil
        return relinked
    }

    /// The parts joined with "; ", cut to ``maximumSummaryLength`` characters.
    static func summary(_ parts: [String]) -> String {
        let joined = parts.joined(separator: "; ")
        guard joined.scalarCount > maximumSummaryLength else { return joined }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: joined.unicodeScalars.prefix(maximumSummaryLength - 1))
        return String(scalars) + "…"
    }
}

/// Why a review flag cannot be acknowledged.
public enum ReviewFlagError: DomainRuleError, Hashable, CustomStringConvertible {
    /// The acknowledgement needs a note.
    case noteRequired
    /// The note is longer than 1000 characters.
    case noteTooLong(count: Int)
    /// The RHK is not flagged.
    case notFlagged(rhkID: String)
    /// The parent was removed: relink instead.
    case parentRemoved(rhkID: String, parentRhkID: String)

    /// Stable machine-readable reason, UPPER_SNAKE.
    public var code: String {
        switch self {
        case .noteRequired: "REVIEW_NOTE_REQUIRED"
        case .noteTooLong: "REVIEW_NOTE_TOO_LONG"
        case .notFlagged: "RHK_NOT_FLAGGED"
        case .parentRemoved: "RHK_PARENT_REMOVED"
        }
    }

    /// True for a malformed request (INVALID_ARGUMENT); false for a state that forbids it (FAILED_PRECONDITION).
    public var isInvalidArgument: Bool {
        switch self {
        case .noteRequired, .noteTooLong: true
        case .notFlagged, .parentRemoved: false
        }
    }

    /// The `ErrorInfo` reason (the same as ``code``).
    public var reason: String { code }

    /// INVALID_ARGUMENT for a malformed note, FAILED_PRECONDITION otherwise.
    public var statusCode: RPCError.Code { isInvalidArgument ? .invalidArgument : .failedPrecondition }

    /// What is wrong, in English.
    public var message: String {
        switch self {
        case .noteRequired: "say what was decided, e.g. \"tetap relevan\" (1-1000 characters)"
        case .noteTooLong(let count): "the note must be at most \(ReviewFlags.maximumNoteLength) characters, got \(count)"
        case .notFlagged(let id): "RHK \(id) is not flagged for review"
        case .parentRemoved(let id, let parent):
            "the parent RHK \(parent) of RHK \(id) was removed; link another RHK of your atasan (or clear the link) instead"
        }
    }

    /// Code and message (for logs and test output).
    public var description: String { "\(code): \(message)" }
}
