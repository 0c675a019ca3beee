public import KinerjaProto
import KinerjaASN

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
    /// A reason (of a deletion, an amendment) is required, 1–`limit` characters.
    case reasonRequired(field: String, limit: Int)
    /// Only an SKP that was never submitted (one DRAFT version) can be deleted.
    case notDeletable(why: String)
    /// The employee's TMT jabatan is after the SKP year, so the year has no default first day.
    case tmtAfterYear(tmtJabatan: Common.Date, year: Int32)
    /// The covered days overlap another SKP of the same employee and year.
    case periodOverlap(skpID: String, start: Common.Date, end: Common.Date)
    /// A transfer starts on the day given or on the TMT jabatan in the SKP year; neither is there.
    case transferNeedsStart(year: Int32, tmtJabatan: Common.Date?)
    /// A transfer closes the SKP covering its first day; none does.
    case transferWithoutCoveringSkp(day: Common.Date)
    /// A transfer on the first day of the SKP it would close leaves that SKP no day.
    case transferOnFirstDay(skpID: String, day: Common.Date)
    /// Ekspektasi khusus are amended only on an SKP with an approved version in force.
    case notApproved(state: Planning.SkpState)
    /// An approved version has at most ``ExpectationAmendmentRules/maximumAmendmentsPerVersion`` amendments.
    case amendmentLimitReached(version: UInt32, limit: Int)

    /// The kind of failure, for the one mapping to an RPC status at the service boundary.
    public enum Category: Sendable, Hashable {
        /// The request itself is malformed (INVALID_ARGUMENT).
        case invalidArgument
        /// The SKP is not in a state that allows the step (FAILED_PRECONDITION).
        case failedPrecondition
        /// A named version does not exist (NOT_FOUND).
        case notFound
        /// What would be made collides with what exists (ALREADY_EXISTS).
        case alreadyExists
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
        case .reasonRequired: "REASON_REQUIRED"
        case .notDeletable: "SKP_NOT_DELETABLE"
        case .tmtAfterYear: "SKP_TMT_AFTER_YEAR"
        case .periodOverlap: "SKP_PERIOD_OVERLAP"
        case .transferNeedsStart: "SKP_TRANSFER_NEEDS_START"
        case .transferWithoutCoveringSkp: "SKP_TRANSFER_NOTHING_TO_CLOSE"
        case .transferOnFirstDay: "SKP_TRANSFER_ON_FIRST_DAY"
        case .notApproved: "SKP_NOT_APPROVED"
        case .amendmentLimitReached: "SKP_AMENDMENT_LIMIT_REACHED"
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
        case .alreadyExists: .alreadyExists
        }
    }

    /// Which RPC status this maps to.
    public var category: Category {
        switch self {
        case .returnNoteRequired, .noteTooLong, .revisionReasonRequired, .reasonRequired: .invalidArgument
        case .unknownVersion, .noVersions: .notFound
        case .periodOverlap: .alreadyExists
        case .notDraft, .notDiajukan, .notRevisable, .expectationsClosed, .versionNotLatest, .evaluationFinalised,
             .rhkLimitReached, .ikiLimitReached, .notDeletable, .tmtAfterYear, .transferNeedsStart, .transferWithoutCoveringSkp, .transferOnFirstDay,
             .notApproved, .amendmentLimitReached: .failedPrecondition
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
        case .reasonRequired(let field, let limit):
            "\(field) is required: say why (1-\(limit) characters)"
        case .notDeletable(let why):
            "only an SKP that was never submitted (one DRAFT version) can be deleted: \(why); withdraw or revise it instead"
        case .tmtAfterYear(let tmt, let year):
            "the TMT jabatan \(tmt.isoString) is after \(year): give period_start for an SKP of \(year)"
        case .periodOverlap(let skpID, let start, let end):
            "SKP \(skpID) already covers part of \(start.isoString)–\(end.isoString); SKPs of one employee and year never overlap"
                + " (a transfer closes the SKP it follows: transfer = true)"
        case .transferNeedsStart(let year, let tmt):
            "a transfer starts on period_start or on the employee's TMT jabatan in \(year) (identity has "
                + (tmt.map { $0.isoString } ?? "none") + "): give period_start"
        case .transferWithoutCoveringSkp(let day):
            "a transfer closes the SKP of the year covering its first day \(day.isoString), and there is none; create the SKP without transfer"
        case .transferOnFirstDay(let skpID, let day):
            "SKP \(skpID) starts on \(day.isoString): a transfer must start after the first day of the SKP it closes"
                + " (delete a draft that was never submitted instead)"
        case .notApproved(let state):
            "ekspektasi khusus are amended on an SKP with an approved version in force; the latest version is \(state.label)"
                + " and none is approved (set them with SetBehaviourExpectations before approval)"
        case .amendmentLimitReached(let version, let limit):
            "version \(version) has \(limit) amendments, the most one approved version takes; revise the SKP instead"
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
