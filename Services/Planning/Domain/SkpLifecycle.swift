public import KinerjaProto

/// The approval workflow of one SKP (all its versions) as a value (`planning.proto`, PermenPANRB 6/2022).
///
/// The rules, as the contract states them:
/// - DRAFT → DIAJUKAN (submit, by the owner);
/// - DIAJUKAN → DRAFT (withdraw, before the atasan decides);
/// - DIAJUKAN → DISETUJUI (approve) or DIKEMBALIKAN (return, with a required note); the atasan
///   names the version read, which must be the latest;
/// - approving a version marks the previously approved one DIGANTI (superseded);
/// - a returned or approved SKP is never edited in place: revise makes a new DRAFT version from
///   the latest version when it is DIKEMBALIKAN or DISETUJUI; the approved version stays in force
///   until the new one is approved;
/// - only a DRAFT is edited; behaviour expectations may be set on a DRAFT or DIAJUKAN version;
/// - DIGANTI is final.
///
/// Events always act on the latest version. Each mutating step returns an ``Outcome`` saying
/// what changed, for the caller to persist and audit.
public struct SkpLifecycle: Sendable, Hashable {
    /// Longest submission, approval or return note (`planning.proto`).
    public static let maximumNoteLength = 2000
    /// Longest withdrawal reason (`planning.proto`).
    public static let maximumWithdrawReasonLength = 500
    /// Longest revision reason (`planning.proto`).
    public static let maximumRevisionReasonLength = 1000
    /// Most per-RHK comments on a return (`planning.proto` ReturnSkpRequest.comments).
    public static let maximumReturnComments = 100
    /// Longest per-RHK comment on a return (`planning.proto` ReturnComment.note).
    public static let maximumCommentLength = 1000

    /// One version's number and state.
    public struct Version: Sendable, Hashable {
        /// Version number, 1-based.
        public var version: UInt32
        /// State of that version.
        public var state: Planning.SkpState

        /// A version.
        public init(version: UInt32, state: Planning.SkpState) {
            self.version = version
            self.state = state
        }
    }

    /// Something that happens to an SKP.
    public enum Event: Sendable, Hashable {
        /// The owner submits the latest DRAFT, with an optional note (at most 2000 characters).
        case submit(note: String = "")
        /// The owner takes the latest DIAJUKAN version back to DRAFT (reason at most 500 characters).
        case withdraw(reason: String = "")
        /// The atasan approves `version`, which must be the latest and DIAJUKAN (note at most 2000 characters).
        case approve(version: UInt32, note: String = "")
        /// The atasan returns `version`, which must be the latest and DIAJUKAN, with a note (1–2000 characters).
        case `return`(version: UInt32, note: String)
        /// The owner makes a new DRAFT version from the latest DIKEMBALIKAN or DISETUJUI one (reason 1–1000 characters).
        case revise(reason: String)
    }

    /// What an event changed.
    public enum Outcome: Sendable, Hashable {
        /// `version` went DRAFT → DIAJUKAN.
        case submitted(version: UInt32)
        /// `version` went DIAJUKAN → DRAFT.
        case withdrawn(version: UInt32)
        /// `version` went DIAJUKAN → DISETUJUI; `superseded` (the previously approved version) went DIGANTI.
        case approved(version: UInt32, superseded: UInt32?)
        /// `version` went DIAJUKAN → DIKEMBALIKAN.
        case returned(version: UInt32)
        /// A new DRAFT `version` was made from `from`, which keeps its state.
        case revised(version: UInt32, from: UInt32)
    }

    /// The versions, oldest first.
    public private(set) var versions: [Version]

    /// A new SKP: version 1, DRAFT.
    public init() {
        versions = [Version(version: 1, state: .draft)]
    }

    /// The workflow of an SKP with these versions (in any order; kept sorted by number).
    public init(versions: [Version]) {
        self.versions = versions.sorted { $0.version < $1.version }
    }

    /// The latest version; nil only when built from no versions.
    public var latest: Version? { versions.last }

    /// The approved version in force (DISETUJUI); nil when none is approved.
    public var approvedVersion: UInt32? {
        versions.last { $0.state == .disetujui }?.version
    }

    /// Applies `event` to the latest version.
    ///
    /// Arguments are checked first (INVALID_ARGUMENT), then the version named (NOT_FOUND), then
    /// the state (FAILED_PRECONDITION).
    ///
    /// - Parameter evaluationFinalised: true when the SKP year's evaluation is finalised, which
    ///   closes revisions (`planning.proto` ReviseSkp).
    /// - Throws: ``SkpRuleError`` naming the broken rule; nothing changes then.
    @discardableResult
    public mutating func apply(_ event: Event, evaluationFinalised: Bool = false) throws(SkpRuleError) -> Outcome {
        switch event {
        case .submit(let note):
            try Self.checkLength(note, field: "note", limit: Self.maximumNoteLength)
            let latest = try latestIndex()
            guard versions[latest].state == .draft else { throw .notDraft(action: "submitted", state: versions[latest].state) }
            versions[latest].state = .diajukan
            return .submitted(version: versions[latest].version)

        case .withdraw(let reason):
            try Self.checkLength(reason, field: "reason", limit: Self.maximumWithdrawReasonLength)
            let latest = try latestIndex()
            guard versions[latest].state == .diajukan else {
                throw .notDiajukan(action: "withdrawn", state: versions[latest].state)
            }
            versions[latest].state = .draft
            return .withdrawn(version: versions[latest].version)

        case .approve(let version, let note):
            try Self.checkLength(note, field: "note", limit: Self.maximumNoteLength)
            let latest = try decidedIndex(version)
            guard versions[latest].state == .diajukan else {
                throw .notDiajukan(action: "approved", state: versions[latest].state)
            }
            var superseded: UInt32?
            for index in versions.indices where index != latest && versions[index].state == .disetujui {
                versions[index].state = .diganti
                superseded = versions[index].version
            }
            versions[latest].state = .disetujui
            return .approved(version: version, superseded: superseded)

        case .return(let version, let note):
            guard !Self.isBlank(note) else { throw .returnNoteRequired }
            try Self.checkLength(note, field: "note", limit: Self.maximumNoteLength)
            let latest = try decidedIndex(version)
            guard versions[latest].state == .diajukan else {
                throw .notDiajukan(action: "returned", state: versions[latest].state)
            }
            versions[latest].state = .dikembalikan
            return .returned(version: version)

        case .revise(let reason):
            guard !Self.isBlank(reason) else { throw .revisionReasonRequired }
            try Self.checkLength(reason, field: "reason", limit: Self.maximumRevisionReasonLength)
            let latest = try latestIndex()
            let state = versions[latest].state
            guard state == .dikembalikan || state == .disetujui else { throw .notRevisable(state: state) }
            if evaluationFinalised { throw .evaluationFinalised }
            let from = versions[latest].version
            versions.append(Version(version: from + 1, state: .draft))
            return .revised(version: from + 1, from: from)
        }
    }

    /// Refuses an edit (RHKs, IKIs, periodic targets, approach, covered days) unless `state` is DRAFT.
    public static func checkEditable(_ state: Planning.SkpState) throws(SkpRuleError) {
        guard state == .draft else { throw .notDraft(action: "edited", state: state) }
    }

    /// Refuses setting behaviour expectations unless `state` is DRAFT or DIAJUKAN.
    public static func checkExpectationsSettable(_ state: Planning.SkpState) throws(SkpRuleError) {
        guard state == .draft || state == .diajukan else { throw .expectationsClosed(state: state) }
    }

    // MARK: Helpers

    private func latestIndex() throws(SkpRuleError) -> Int {
        guard !versions.isEmpty else { throw .noVersions }
        return versions.count - 1
    }

    /// The index of the latest version, which the atasan's decision must name.
    private func decidedIndex(_ version: UInt32) throws(SkpRuleError) -> Int {
        let latest = try latestIndex()
        guard versions.contains(where: { $0.version == version }) else { throw .unknownVersion(version) }
        guard versions[latest].version == version else {
            throw .versionNotLatest(requested: version, latest: versions[latest].version)
        }
        return latest
    }

    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    private static func checkLength(_ text: String, field: String, limit: Int) throws(SkpRuleError) {
        let count = text.unicodeScalars.count
        guard count <= limit else { throw .noteTooLong(field: field, count: count, limit: limit) }
    }
}
