public import KinerjaProto

/// The lifecycle of one daily report as a value (`reporting.proto` ReportState).
///
/// | from | update | withdraw | verify | reject | revoke |
/// |---|---|---|---|---|---|
/// | DIAJUKAN | DIAJUKAN | DITARIK | DIVERIFIKASI | DITOLAK | — |
/// | DIVERIFIKASI | — | — | — | — | DICABUT |
/// | DITOLAK | DIAJUKAN (resubmitted) | DITARIK | — | — | — |
/// | DICABUT | DIAJUKAN (resubmitted) | DITARIK | — | — | — |
/// | DITARIK | — | — | — | — | — |
///
/// - the author updates a DIAJUKAN report (it stays DIAJUKAN) or corrects a DITOLAK or DICABUT one
///   (it goes back to DIAJUKAN), and withdraws any of the three (DITARIK, final);
/// - the atasan verifies or rejects (with a reason) a DIAJUKAN report, and revokes a verification
///   with a reason (DIVERIFIKASI → DICABUT);
/// - nothing changes once the report's day lies in a period locked for its author;
/// - every step raises the revision; a step naming another revision than the current one
///   (not 0) is ABORTED.
///
/// Checks run in this order, and a refused step changes nothing: the arguments
/// (INVALID_ARGUMENT), the revision (ABORTED), the state (FAILED_PRECONDITION `REPORT_NOT_<STATE>`),
/// the lock (FAILED_PRECONDITION `PERIOD_LOCKED`, naming the period).
public struct ReportLifecycle: Sendable, Hashable {
    /// Something that happens to a report.
    public enum Event: Sendable, Hashable {
        /// The author changes the content (UpdateDailyReport).
        case update(expectedRevision: UInt64 = 0)
        /// The author withdraws it, with an optional reason (at most 500 characters).
        case withdraw(reason: String = "", expectedRevision: UInt64 = 0)
        /// The atasan verifies it, with an optional note (at most 2000 characters).
        case verify(note: String = "", expectedRevision: UInt64 = 0)
        /// The atasan rejects it with a reason (1–2000 characters).
        case reject(reason: String, expectedRevision: UInt64 = 0)
        /// The atasan revokes the verification with a reason (1–2000 characters).
        case revoke(reason: String, expectedRevision: UInt64 = 0)

        /// The decision of a batch review entry (VERIFY or REJECT).
        ///
        /// - Throws: ``ReportingError`` `REVIEW_DECISION_REQUIRED` (INVALID_ARGUMENT) for UNSPECIFIED.
        public init(review: Reporting.ReportReview) throws(ReportingError) {
            switch review.decision {
            case .verify: self = .verify(note: review.note, expectedRevision: review.expectedRevision)
            case .reject: self = .reject(reason: review.note, expectedRevision: review.expectedRevision)
            case .unspecified, .unrecognized:
                throw ReportingError(.reviewDecisionRequired, "decision must be VERIFY or REJECT", field: "decision")
            }
        }
    }

    /// What a step did, for the caller to persist and audit.
    public enum Action: Sendable, Hashable {
        /// A DIAJUKAN report's content changed; it stays DIAJUKAN.
        case updated
        /// A DITOLAK or DICABUT report was corrected and is DIAJUKAN again (the review is cleared).
        case resubmitted
        /// The report is DITARIK.
        case withdrawn
        /// The report is DIVERIFIKASI; its realisation counts.
        case verified
        /// The report is DITOLAK.
        case rejected
        /// The verification is revoked: DICABUT; its realisation no longer counts.
        case revoked
    }

    /// The current state.
    public private(set) var state: Reporting.ReportState
    /// The revision (raised by every step).
    public private(set) var revision: UInt64
    /// The author.
    public let nip: String
    /// The report's WITA day (what a lock covers).
    public let reportDate: Common.Date

    /// The lifecycle of a stored report.
    public init(state: Reporting.ReportState, revision: UInt64, nip: String, reportDate: Common.Date) {
        self.state = state
        self.revision = revision
        self.nip = nip
        self.reportDate = reportDate
    }

    /// The lifecycle of `report` (a missing date reads as 1900-01-01, which no lock covers).
    public init(_ report: Reporting.DailyReport) {
        self.init(state: report.state, revision: report.revision, nip: report.nip, reportDate: report.reportDate ?? Common.Date.earliestValid)
    }

    /// A report just submitted: DIAJUKAN, revision 1.
    public static func submitted(nip: String, reportDate: Common.Date) -> ReportLifecycle {
        ReportLifecycle(state: .diajukan, revision: 1, nip: nip, reportDate: reportDate)
    }

    /// Applies `event`.
    ///
    /// - Parameter locks: the locks in force; a lock covering ``reportDate`` for ``nip`` refuses every step.
    /// - Throws: ``ReportingError`` naming the broken rule; nothing changes then.
    @discardableResult
    public mutating func apply(_ event: Event, locks: PeriodLockSet = PeriodLockSet()) throws(ReportingError) -> Action {
        let next: (state: Reporting.ReportState, action: Action)
        switch event {
        case .update(let revision):
            try checkRevision(revision)
            switch state {
            case .diajukan: next = (.diajukan, .updated)
            case .ditolak, .dicabut: next = (.diajukan, .resubmitted)
            default: throw notInState("updated", allowed: "DIAJUKAN, DITOLAK or DICABUT")
            }
        case .withdraw(let reason, let revision):
            try Self.checkLength(reason, field: "reason", limit: ReportingLimits.withdrawReasonLength)
            try checkRevision(revision)
            guard state == .diajukan || state == .ditolak || state == .dicabut else {
                throw notInState("withdrawn", allowed: "DIAJUKAN, DITOLAK or DICABUT")
            }
            next = (.ditarik, .withdrawn)
        case .verify(let note, let revision):
            try Self.checkLength(note, field: "note", limit: ReportingLimits.reviewNoteLength)
            try checkRevision(revision)
            guard state == .diajukan else { throw notInState("verified", allowed: "DIAJUKAN") }
            next = (.diverifikasi, .verified)
        case .reject(let reason, let revision):
            try Self.checkRequired(reason, code: .rejectReasonRequired, what: "a rejection needs a reason saying what to correct")
            try Self.checkLength(reason, field: "reason", limit: ReportingLimits.reviewNoteLength)
            try checkRevision(revision)
            guard state == .diajukan else { throw notInState("rejected", allowed: "DIAJUKAN") }
            next = (.ditolak, .rejected)
        case .revoke(let reason, let revision):
            try Self.checkRequired(reason, code: .revokeReasonRequired, what: "revoking a verification needs a reason")
            try Self.checkLength(reason, field: "reason", limit: ReportingLimits.reviewNoteLength)
            try checkRevision(revision)
            guard state == .diverifikasi else { throw notInState("revoked", allowed: "DIVERIFIKASI") }
            next = (.dicabut, .revoked)
        }
        try locks.check(reportDate, nip: nip, field: "report_id")
        state = next.state
        revision += 1
        return next.action
    }

    /// True when the report's realisation counts as verified (DIVERIFIKASI).
    public var countsAsVerified: Bool { state == .diverifikasi }

    /// True when the report counts in the provisional figures (DIVERIFIKASI or DIAJUKAN).
    public var countsAsProvisional: Bool { state == .diverifikasi || state == .diajukan }

    // MARK: Helpers

    private func checkRevision(_ expected: UInt64) throws(ReportingError) {
        guard expected == 0 || expected == revision else {
            throw ReportingError(.revisionMismatch,
                                 "the report changed since it was read (revision \(revision), the request names \(expected)); reload it and try again",
                                 field: "expected_revision")
        }
    }

    private func notInState(_ action: String, allowed: String) -> ReportingError {
        let code: ReportingError.Code = switch allowed {
        case "DIAJUKAN": .reportNotDiajukan
        case "DIVERIFIKASI": .reportNotDiverifikasi
        default: .reportNotChangeable
        }
        return ReportingError(code, "only a \(allowed) report can be \(action); this report is \(state.label)")
    }

    private static func checkRequired(_ text: String, code: ReportingError.Code, what: String) throws(ReportingError) {
        guard !text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else {
            throw ReportingError(code, "\(what) (1-\(ReportingLimits.reviewNoteLength) characters)", field: "reason")
        }
    }

    private static func checkLength(_ text: String, field: String, limit: Int) throws(ReportingError) {
        let count = text.unicodeScalars.count
        guard count <= limit else { throw ReportingError(.textTooLong, "\(field) must be at most \(limit) characters, got \(count)", field: field) }
    }
}

extension Reporting.ReportState {
    /// The state's name without the `REPORT_STATE_` prefix, e.g. `DIAJUKAN`, as messages show it.
    public var label: String {
        switch self {
        case .unspecified: "UNSPECIFIED"
        case .diajukan: "DIAJUKAN"
        case .diverifikasi: "DIVERIFIKASI"
        case .ditolak: "DITOLAK"
        case .ditarik: "DITARIK"
        case .dicabut: "DICABUT"
        case .unrecognized(let raw): "UNRECOGNIZED(\(raw))"
        }
    }
}
