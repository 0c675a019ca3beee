public import KinerjaProto

/// The lifecycle of one dialog kinerja record (`feedback.proto` DialogState).
///
/// | from | update (atasan who recorded) | agree (employee) | dispute (employee, comment 1–4000) | close an action item |
/// |---|---|---|---|---|
/// | AWAITING_CONFIRMATION | AWAITING_CONFIRMATION | DISEPAKATI | DISANGGAH | refused: `DIALOG_NOT_FINAL` |
/// | DISEPAKATI | — | — | — | the item closes |
/// | DISANGGAH | — | — | — | the item closes |
///
/// - The atasan edits the record until the employee answers; an answered record is final (both
///   views are kept when disputed).
/// - Every step raises the revision; a step naming another revision than the current one (not 0)
///   is ABORTED — so an employee never confirms a record the atasan changed after they read it.
/// - Checks run: arguments (INVALID_ARGUMENT), party (PERMISSION_DENIED `NOT_A_PARTY`), revision
///   (ABORTED), state (FAILED_PRECONDITION); a refused step changes nothing.
public struct DialogLifecycle: Sendable, Hashable {
    /// Something that happens to a dialog record.
    public enum Event: Sendable, Hashable {
        /// The atasan who recorded it edits it (the content is ``DialogRules/merged(_:with:mask:today:)``'s).
        case update(by: String, expectedRevision: UInt64 = 0)
        /// The employee agrees, with an optional comment.
        case agree(by: String, comment: String = "", expectedRevision: UInt64 = 0)
        /// The employee disputes, with a comment.
        case dispute(by: String, comment: String, expectedRevision: UInt64 = 0)
        /// A party closes follow-up action `number` with a note.
        case closeItem(number: UInt32, note: String, by: String, stamp: Common.AuditStamp, expectedRevision: UInt64 = 0)

        /// The employee's answer of a ConfirmDialog request.
        public init(confirm request: Feedback.ConfirmDialogRequest, by nip: String) {
            self = request.agree ? .agree(by: nip, comment: request.comment, expectedRevision: request.expectedRevision)
                : .dispute(by: nip, comment: request.comment, expectedRevision: request.expectedRevision)
        }
    }

    /// What a step did, for the caller to persist and audit.
    public enum Action: Sendable, Hashable {
        /// The content changed; still AWAITING_CONFIRMATION.
        case updated
        /// DISEPAKATI, with the employee's trimmed comment (possibly empty).
        case agreed(comment: String)
        /// DISANGGAH, with the employee's trimmed comment.
        case disputed(comment: String)
        /// The item closed.
        case itemClosed(Feedback.ActionItem)
    }

    /// The current state.
    public private(set) var state: Feedback.DialogState
    /// The revision (raised by every step).
    public private(set) var revision: UInt64
    /// The follow-up actions (closing changes them).
    public private(set) var actionItems: [Feedback.ActionItem]
    /// The atasan who recorded it.
    public let atasanNIP: String
    /// The employee.
    public let employeeNIP: String

    /// The lifecycle of a stored record.
    public init(_ record: Feedback.DialogRecord) {
        state = record.state
        revision = record.revision
        actionItems = record.actionItems
        atasanNIP = record.atasanNIP
        employeeNIP = record.employeeNIP
    }

    /// Applies `event`.
    ///
    /// - Throws: ``FeedbackError`` naming the broken rule; nothing changes then.
    @discardableResult
    public mutating func apply(_ event: Event) throws(FeedbackError) -> Action {
        switch event {
        case .update(let nip, let expected):
            guard nip == atasanNIP else { throw FeedbackError(.notAParty, "only the atasan who recorded the dialog edits it") }
            try checkRevision(expected)
            try checkAwaiting("edited")
            revision += 1
            return .updated
        case .agree(let nip, let comment, let expected):
            let text = try FeedbackText.validated(comment, field: "comment", maximum: FeedbackLimits.disputeComment.upperBound)
            guard nip == employeeNIP else { throw FeedbackError(.notAParty, "only the employee of the dialog confirms it") }
            try checkRevision(expected)
            try checkAwaiting("confirmed")
            state = .disepakati
            revision += 1
            return .agreed(comment: text)
        case .dispute(let nip, let comment, let expected):
            let text: String
            do {
                text = try FeedbackText.validated(comment, field: "comment", range: FeedbackLimits.disputeComment)
            } catch {
                throw FeedbackError(.reasonRequired, "disputing a dialog record needs the employee's view: \(error.message)", field: "comment")
            }
            guard nip == employeeNIP else { throw FeedbackError(.notAParty, "only the employee of the dialog disputes it") }
            try checkRevision(expected)
            try checkAwaiting("disputed")
            state = .disanggah
            revision += 1
            return .disputed(comment: text)
        case .closeItem(let number, let note, let nip, let stamp, let expected):
            _ = try ActionItemList.closingNote(note)
            try checkRevision(expected)
            guard state == .disepakati || state == .disanggah else {
                throw FeedbackError(.dialogNotFinal, "the dialog is \(state.stateLabel); its follow-up actions are closed once the employee has confirmed or disputed it")
            }
            var items = actionItems
            let closed = try ActionItemList.close(&items, number: number, note: note, closerNIP: nip, author: atasanNIP, stamp: stamp)
            actionItems = items
            revision += 1
            return .itemClosed(closed)
        }
    }

    private func checkRevision(_ expected: UInt64) throws(FeedbackError) {
        guard expected == 0 || expected == revision else {
            throw FeedbackError(.revisionMismatch, "the dialog record changed since it was read (revision \(revision), the request names \(expected)); reload it and try again",
                                field: "expected_revision")
        }
    }

    private func checkAwaiting(_ verb: String) throws(FeedbackError) {
        guard state == .awaitingConfirmation else {
            let known = state == .disepakati || state == .disanggah
            throw FeedbackError(known ? .dialogNotAwaiting : .stateUnknown,
                                "only a record AWAITING_CONFIRMATION can be \(verb); this one is \(state.stateLabel)")
        }
    }
}
