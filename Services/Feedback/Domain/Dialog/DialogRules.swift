public import KinerjaProto
import KinerjaASN

/// The content of a dialog kinerja record (RecordDialog, UpdateDialog), checked whole.
///
/// | field | rule |
/// |---|---|
/// | employee_nip | 18 digits; the recorder is their atasan langsung (definitive or acting Plt./Plh.) on the day |
/// | stage | PERENCANAAN, PEMANTAUAN, PENILAIAN or TINDAK_LANJUT |
/// | held_on | a real WITA day, not after today |
/// | period | optional; a well-formed month, triwulan or year |
/// | skp_id | optional id |
/// | summary | 1–8000 characters |
/// | agreements | at most 50, each 1–1000 characters |
/// | action_items | at most 50 (``ActionItemList``), owned by the employee or the atasan |
///
/// Every problem is reported at once; then who may record it (PERMISSION_DENIED `NOT_THE_ATASAN`).
public enum DialogRules {
    /// The paths UpdateDialog's mask may name.
    public static let updatablePaths: Set<String> = ["stage", "held_on", "period", "skp_id", "summary", "agreements", "action_items"]

    /// The record to store for RecordDialog: checked, trimmed, AWAITING_CONFIRMATION, revision 1.
    ///
    /// - Parameters:
    ///   - atasanNIP: the caller.
    ///   - standing: how the caller stands to the employee on held_on.
    ///   - today: today in WITA.
    /// - Throws: ``FeedbackError`` INVALID_ARGUMENT listing every bad field, then `NOT_THE_ATASAN`.
    public static func validatedRecord(_ request: Feedback.RecordDialogRequest, atasanNIP: String, standing: FeedbackStanding,
                                       today: Common.Date) throws(FeedbackError) -> Feedback.DialogRecord {
        guard let input = request.dialog else {
            throw FeedbackError(.fieldRequired, "the dialog is required", field: "dialog")
        }
        var record = try validatedContent(input, atasanNIP: atasanNIP, today: today)
        if !input.solicitationID.isEmpty {
            record.solicitationID = try FeedbackInput.id(input.solicitationID, field: "dialog.solicitation_id")
        }
        try checkAtasan(atasanNIP: atasanNIP, employeeNIP: record.employeeNIP, standing: standing)
        record.state = .awaitingConfirmation
        record.revision = 1
        return record
    }

    /// The record after UpdateDialog: the masked fields of `update` over `current`, checked whole.
    /// The state and revision are ``DialogLifecycle``'s.
    ///
    /// - Throws: ``FeedbackError`` INVALID_ARGUMENT for an empty or unknown mask path or bad values.
    public static func merged(_ current: Feedback.DialogRecord, with update: Feedback.DialogRecord, mask: Common.FieldMask?,
                              today: Common.Date) throws(FeedbackError) -> Feedback.DialogRecord {
        let paths = mask?.paths ?? []
        guard !paths.isEmpty else {
            throw FeedbackError(.fieldRequired, "update_mask must name the fields to change: \(updatablePaths.sorted().joined(separator: ", "))",
                                field: "update_mask")
        }
        if let unknown = paths.first(where: { !updatablePaths.contains($0) }) {
            throw FeedbackError(.fieldRequired, "update_mask path \"\(unknown)\" cannot be changed; allowed: \(updatablePaths.sorted().joined(separator: ", "))",
                                field: "update_mask")
        }
        var merged = current
        for path in Set(paths) {
            switch path {
            case "stage": merged.stage = update.stage
            case "held_on": merged.heldOn = update.heldOn
            case "period": merged.period = update.period
            case "skp_id": merged.skpID = update.skpID
            case "summary": merged.summary = update.summary
            case "agreements": merged.agreements = update.agreements
            default: merged.actionItems = update.actionItems
            }
        }
        var checked = try validatedContent(merged, atasanNIP: current.atasanNIP, today: today)
        checked.dialogID = current.dialogID
        checked.solicitationID = current.solicitationID
        checked.state = current.state
        checked.revision = current.revision
        checked.recorded = current.recorded
        checked.updated = current.updated
        return checked
    }

    /// Refuses anyone but the employee's atasan langsung (definitive or acting Plt./Plh.).
    public static func checkAtasan(atasanNIP: String, employeeNIP: String, standing: FeedbackStanding) throws(FeedbackError) {
        guard atasanNIP != employeeNIP, standing.isAtasanLangsung else {
            throw FeedbackError(.notTheAtasan, "a dialog kinerja is recorded by the employee's atasan langsung (or the acting Plt./Plh.) on the day it was held")
        }
    }

    private static func validatedContent(_ input: Feedback.DialogRecord, atasanNIP: String, today: Common.Date) throws(FeedbackError) -> Feedback.DialogRecord {
        var out = Feedback.DialogRecord()
        out.atasanNIP = atasanNIP
        var problems = ViolationCollector()
        problems.check { () throws(FeedbackError) in
            out.employeeNIP = try FeedbackInput.nip(input.employeeNIP, field: "dialog.employee_nip")
        }
        switch input.stage {
        case .perencanaan, .pemantauan, .penilaian, .tindakLanjut: out.stage = input.stage
        case .unspecified, .unrecognized:
            problems.add(.fieldRequired, "stage must be PERENCANAAN, PEMANTAUAN, PENILAIAN or TINDAK_LANJUT", field: "dialog.stage")
        }
        problems.check { () throws(FeedbackError) in
            out.heldOn = try FeedbackInput.pastDay(input.heldOn, field: "dialog.held_on", today: today)
        }
        if let period = input.period {
            problems.check { () throws(FeedbackError) in
                _ = try FeedbackInput.days(of: period, field: "dialog.period")
                out.period = period
            }
        }
        if !input.skpID.isEmpty {
            problems.check { () throws(FeedbackError) in
                out.skpID = try FeedbackInput.id(input.skpID, field: "dialog.skp_id")
            }
        }
        problems.check { () throws(FeedbackError) in
            out.summary = try FeedbackText.validated(input.summary, field: "dialog.summary", range: FeedbackLimits.dialogSummary)
        }
        if input.agreements.count > FeedbackLimits.agreementsMaximum {
            problems.add(.tooManyItems, "at most \(FeedbackLimits.agreementsMaximum) agreements, got \(input.agreements.count)", field: "dialog.agreements")
        } else {
            for (index, agreement) in input.agreements.enumerated() {
                problems.check { () throws(FeedbackError) in
                    out.agreements.append(try FeedbackText.validated(agreement, field: "dialog.agreements[\(index)]", range: FeedbackLimits.agreement))
                }
            }
        }
        let items = ActionItemList.validated(input.actionItems, parties: [input.employeeNIP, atasanNIP], heldOn: out.heldOn,
                                             field: "dialog.action_items")
        out.actionItems = items.items
        problems.add(contentsOf: items.problems)
        try problems.throwIfAny()
        return out
    }
}
