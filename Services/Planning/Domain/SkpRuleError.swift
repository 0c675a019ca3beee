public import KinerjaProto

/// Why an SKP workflow step (a lifecycle event, an edit, a revision) is refused.
///
/// Thrown by ``SkpLifecycle`` and ``SkpVersioning``; one case per rule. ``category`` says which
/// RPC status the service maps it to, so the mapping is made once.
public enum SkpRuleError: DomainRuleError, Hashable, CustomStringConvertible {
    /// Only a DRAFT can be submitted or edited; carries the action and the current state.
    case notDraft(action: String, state: Planning.SkpState)
    /// Only a DIAJUKAN version can be withdrawn, approved or returned.
    case notDiajukan(action: String, state: Planning.SkpState)
    /// Only the latest version of an SKP if it is DIKEMBALIKAN or DISETUJUI can be revised.
    case notRevisable(state: Planning.SkpState)
    /// Behaviour expectations are set only on a DRAFT or DIAJUKAN version.
    case expectationsClosed(state: Planning.SkpState)
    /// Approve and return name the version read; it must be the latest.
    case versionNotLatest(requested: UInt32, latest: UInt32)
    /// The SKP has no such version.
    case unknownVersion(UInt32)
    /// The SKP has no version at all.
    case noVersions
    /// A return needs a note (1–2000 characters).
    case returnNoteRequired
    /// A decision or submission note longer than 2000 characters.
    case noteTooLong(field: String, count: Int, limit: Int)
    /// A revision needs a reason (1–1000 characters).
    case revisionReasonRequired
    /// The year's evaluation is finalised; the SKP can no longer be revised.
    case evaluationFinalised
    /// The SKP already has ``RhkRules/maximumRhks`` RHKs.
    case rhkLimitReached(limit: Int)
    /// The RHK already has ``IkiRules/maximumIkis`` IKIs.
    case ikiLimitReached(rhkID: String, limit: Int)

    /// The kind of failure, for the one mapping to an RPC status at the service boundary.
    public enum Category: Sendable, Hashable {
        /// The request itself is malformed (INVALID_ARGUMENT).
        case invalidArgument
        /// The SKP is not in a state that allows the step (FAILED_PRECONDITION).
        case failedPrecondition
        /// A named version does not exist (NOT_FOUND).
        case notFound
    }

    /// Stable machine-readable reason, UPPER_SNAKE.
    public var code: String {
        switch self {
        case .notDraft: "SKP_NOT_DRAFT"
        case .notDiajukan: "SKP_NOT_DIAJUKAN"
        case .notRevisable: "SKP_NOT_REVISABLE"
        case .expectationsClosed: "SKP_EXPECTATIONS_CLOSED"
        case .versionNotLatest: "SKP_VERSION_NOT_LATEST"
        case .unknownVersion: "SKP_VERSION_UNKNOWN"
        case .noVersions: "SKP_NO_VERSIONS"
        case .returnNoteRequired: "SKP_RETURN_NOTE_REQUIRED"
        case .noteTooLong: "SKP_NOTE_TOO_LONG"
        case .revisionReasonRequired: "SKP_REVISION_REASON_REQUIRED"
        case .evaluationFinalised: "SKP_EVALUATION_FINALISED"
        case .rhkLimitReached: "SKP_RHK_LIMIT_REACHED"
        case .ikiLimitReached: "RHK_IKI_LIMIT_REACHED"
        }
    }

    /// The `ErrorInfo` reason (the same as ``code``).
    public var reason: String { code }

    /// The status the category maps to (the one mapping, `RPCError.from`, reads it).
    public var statusCode: RPCError.Code {
        switch category {
        case .invalidArgument: .invalidArgument
        case .failedPrecondition: .failedPrecondition
        case .notFound: .notFound
        }
    }

    /// Which RPC status this maps to.
    public var category: Category {
        switch self {
        case .returnNoteRequired, .noteTooLong, .revisionReasonRequired: .invalidArgument
        case .unknownVersion, .noVersions: .notFound
        case .notDraft, .notDiajukan, .notRevisable, .expectationsClosed, .versionNotLatest, .evaluationFinalised,
             .rhkLimitReached, .ikiLimitReached: .failedPrecondition
        }
    }

    /// What is wrong and what is required, in English, naming the current and the required state.
    public var message: String {
        switch self {
        case .notDraft(let action, let state):
            "only a DRAFT can be \(action); this version is \(state.label)"
        case .notDiajukan(let action, let state):
            "only a DIAJUKAN version can be \(action); this version is \(state.label)"
        case .notRevisable(let state):
            "only a DIKEMBALIKAN or DISETUJUI version can be revised; the latest version is \(state.label)"
        case .expectationsClosed(let state):
            "behaviour expectations can be set only on a DRAFT or DIAJUKAN version; this version is \(state.label)"
        case .versionNotLatest(let requested, let latest):
            "version \(requested) is not the latest version (\(latest)); reload the SKP and decide on the latest version"
        case .unknownVersion(let version):
            "the SKP has no version \(version)"
        case .noVersions:
            "the SKP has no version"
        case .returnNoteRequired:
            "a returned SKP needs a note saying why and what to change (1-2000 characters)"
        case .noteTooLong(let field, let count, let limit):
            "\(field) must be at most \(limit) characters, got \(count)"
        case .revisionReasonRequired:
            "a new version needs a reason (1-1000 characters)"
        case .evaluationFinalised:
            "the evaluation of the SKP's year is finalised; the SKP can no longer be revised"
        case .rhkLimitReached(let limit):
            "an SKP has at most \(limit) RHKs; remove one before adding another"
        case .ikiLimitReached(let rhkID, let limit):
            "RHK \(rhkID) has at most \(limit) IKIs; remove one before adding another"
        }
    }

    /// Code and message (for logs and test output).
    public var description: String { "\(code): \(message)" }
}

extension Planning.SkpState {
    /// The state's name without the `SKP_STATE_` prefix, e.g. `DIAJUKAN`, as messages show it.
    public var label: String {
        switch self {
        case .unspecified: "UNSPECIFIED"
        case .draft: "DRAFT"
        case .diajukan: "DIAJUKAN"
        case .disetujui: "DISETUJUI"
        case .dikembalikan: "DIKEMBALIKAN"
        case .diganti: "DIGANTI"
        case .unrecognized(let raw): "UNRECOGNIZED(\(raw))"
        }
    }
}
