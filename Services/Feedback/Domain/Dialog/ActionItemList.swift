import KinerjaProto
import KinerjaASN

/// The follow-up actions (`ActionItem`) of a dialog or coaching record: checking them when
/// recorded, and closing one later with a note.
///
/// When recorded: at most 50 items; each text 1–500 characters; the owner is one of the two
/// parties (the employee or the atasan / the coachee or the coach); a due date, when given, is a
/// real day not before the day the session was held (*inference*). Items are numbered 1, 2, …
/// in the order given; `done`, `closing_note` and `closed` are output only.
///
/// Closing (CloseActionItem): the item's owner or the record's author (the atasan who recorded the
/// dialog, the coach) closes an open item once, with a note of 1–1000 characters saying what was
/// done. A dialog's items are closed only once the record is final (DISEPAKATI or DISANGGAH), so
/// the list never changes under a closed item (`DialogLifecycle`).
public enum ActionItemList {
    /// The items to store: checked, trimmed and numbered.
    ///
    /// - Parameters:
    ///   - items: the items as given.
    ///   - parties: the two NIPs an item may belong to.
    ///   - heldOn: the day the session was held (a due date is not before it).
    ///   - field: the field path, e.g. `dialog.action_items`.
    /// - Returns: the items and every problem found (the caller throws them with its own).
    static func validated(_ items: [Feedback.ActionItem], parties: Set<String>, heldOn: Common.Date?,
                          field: String) -> (items: [Feedback.ActionItem], problems: [Common.FieldViolation]) {
        var problems = ViolationCollector()
        guard items.count <= FeedbackLimits.actionItemsMaximum else {
            problems.add(.tooManyItems, "at most \(FeedbackLimits.actionItemsMaximum) follow-up actions, got \(items.count)", field: field)
            return ([], problems.items)
        }
        var out: [Feedback.ActionItem] = []
        for (index, item) in items.enumerated() {
            let path = "\(field)[\(index)]"
            var clean = Feedback.ActionItem()
            clean.number = UInt32(index + 1)
            problems.check { () throws(FeedbackError) in
                clean.text = try FeedbackText.validated(item.text, field: path + ".text", range: FeedbackLimits.actionItemText)
            }
            if !parties.contains(item.ownerNIP) {
                problems.add(.fieldRequired, "owner_nip must be one of the two parties of the record", field: path + ".owner_nip")
            }
            clean.ownerNIP = item.ownerNIP
            if let due = item.dueDate {
                if !due.isValid {
                    problems.add(.dateInvalid, "due_date must be a real WITA day", field: path + ".due_date")
                } else if let heldOn, due < heldOn {
                    problems.add(.dateInvalid, "due_date (\(due.isoString)) is before the session (\(heldOn.isoString))", field: path + ".due_date")
                }
                clean.dueDate = due
            }
            out.append(clean)
        }
        return (out, problems.items)
    }

    /// Closes item `number` of `items` with `note`, by `closerNIP`; returns the closed item.
    ///
    /// - Parameters:
    ///   - author: the record's author (the atasan who recorded the dialog, the coach), who may
    ///     close any item; an item's owner may close their own.
    ///   - stamp: who and when, for `closed`.
    /// - Throws: ``FeedbackError`` `REASON_REQUIRED` (INVALID_ARGUMENT) without a note,
    ///   `ACTION_ITEM_NOT_FOUND`, `NOT_A_PARTY`, `ACTION_ITEM_ALREADY_CLOSED`; nothing changes then.
    static func close(_ items: inout [Feedback.ActionItem], number: UInt32, note: String, closerNIP: String, author: String,
                      stamp: Common.AuditStamp) throws(FeedbackError) -> Feedback.ActionItem {
        let text = try closingNote(note)
        guard let index = items.firstIndex(where: { $0.number == number }), number > 0 else {
            throw FeedbackError(.actionItemNotFound, "the record has no follow-up action number \(number) (it has \(items.count))", field: "item_number")
        }
        guard closerNIP == items[index].ownerNIP || closerNIP == author else {
            throw FeedbackError(.notAParty, "a follow-up action is closed by its owner or by whoever recorded the session")
        }
        guard !items[index].done else {
            throw FeedbackError(.actionItemClosed, "follow-up action \(number) was already closed")
        }
        items[index].done = true
        items[index].closingNote = text
        items[index].closed = stamp
        return items[index]
    }

    /// The trimmed closing note, 1–1000 characters.
    ///
    /// - Throws: ``FeedbackError`` `REASON_REQUIRED`.
    static func closingNote(_ note: String) throws(FeedbackError) -> String {
        do {
            return try FeedbackText.validated(note, field: "note", range: FeedbackLimits.actionItemClosingNote)
        } catch {
            throw FeedbackError(.reasonRequired, "closing a follow-up action needs a note of what was done: \(error.message)", field: "note")
        }
    }
}
