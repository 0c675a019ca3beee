public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaService
import KinerjaStore

extension FeedbackHandlers {
    public func recordDialog(_ request: Feedback.RecordDialogRequest, context: ServerContext) async throws -> Feedback.RecordDialogResponse {
        let me = try callerNIP()
        let today = self.today
        let employeeNIP = request.dialog?.employeeNIP ?? ""
        let found = NIP.hasValidFormat(employeeNIP) ? try await directory.employee(employeeNIP) : nil
        // The record's own fields first (every problem at once), then the employee, then who records it.
        do {
            _ = try DialogRules.validatedRecord(request, atasanNIP: me, standing: FeedbackStanding(levelsAbove: 1), today: today)
        } catch where error.code.category == .invalidArgument {
            throw error
        } catch {}
        guard let employee = found else { throw RPCError(.notFound, "no employee with NIP \(employeeNIP)", reason: "EMPLOYEE_NOT_FOUND") }
        let standing = try await standing(of: me, to: employee)
        let content = try await decide(.dialogAtasan, target: employee.nip) {
            try DialogRules.validatedRecord(request, atasanNIP: me, standing: standing, today: today)
        }
        if !content.skpID.isEmpty { try await evidence.checkSubject(.skp, content.skpID, ownerNIP: employee.nip, today: today) }
        let id = newID()
        return try await write(context, request) { [self] db, actor in
            var dialog = content
            dialog.dialogID = id
            dialog.recorded = actor.stamp
            if !dialog.solicitationID.isEmpty {
                try answer(dialog.solicitationID, kind: .dialog, by: me, recipientNIP: employee.nip, answerID: id, actor: actor, in: db)
            }
            try DialogRecords.insert(dialog, employeeUnitID: employee.unitID, in: db)
            try audit(db, context, actor, target: "dialog/\(id)",
                      detail: "with \(employee.nip), \(dialog.stage.stateLabel), held \(StoreKeys.day(dialog.heldOn))"
                        + (dialog.solicitationID.isEmpty ? "" : ", answering \(dialog.solicitationID)"))
            return Feedback.RecordDialogResponse(dialog: dialog)
        }
    }

    /// The stored dialog `id`, or NOT_FOUND.
    func storedDialog(_ id: String) async throws -> Feedback.DialogRecord {
        let found = try await store.read { db in try DialogRecords.dialog(id, in: db) }
        guard let dialog = found else { throw RPCError(.notFound, "no dialog \(id)", reason: "DIALOG_NOT_FOUND") }
        return dialog
    }

    public func updateDialog(_ request: Feedback.UpdateDialogRequest, context: ServerContext) async throws -> Feedback.UpdateDialogResponse {
        let id = try FeedbackInput.id(request.dialog?.dialogID ?? "", field: "dialog.dialog_id")
        let me = try callerNIP()
        let today = self.today
        let current = try await storedDialog(id)
        if (request.updateMask?.paths ?? []).contains("skp_id"), let skpID = request.dialog?.skpID, !skpID.isEmpty, me == current.atasanNIP {
            try await evidence.checkSubject(.skp, skpID, ownerNIP: current.employeeNIP, today: today)
        }
        return try await decide(.dialogRecorder, target: current.employeeNIP) {
            try await write(context, request) { [self] db, actor in
                guard let stored = try DialogRecords.dialog(id, in: db) else { throw RPCError(.notFound, "no dialog \(id)") }
                var merged = try DialogRules.merged(stored, with: request.dialog ?? Feedback.DialogRecord(), mask: request.updateMask, today: today)
                var lifecycle = DialogLifecycle(stored)
                try lifecycle.apply(.update(by: me, expectedRevision: request.expectedRevision))
                merged.revision = lifecycle.revision
                merged.updated = actor.stamp
                try DialogRecords.update(merged, in: db)
                try audit(db, context, actor, target: "dialog/\(id)",
                          detail: "edited \((request.updateMask?.paths ?? []).sorted().joined(separator: ",")), revision \(merged.revision)")
                return Feedback.UpdateDialogResponse(dialog: merged)
            }
        }
    }

    public func confirmDialog(_ request: Feedback.ConfirmDialogRequest, context: ServerContext) async throws -> Feedback.ConfirmDialogResponse {
        let id = try FeedbackInput.id(request.dialogID, field: "dialog_id")
        let me = try callerNIP()
        let current = try await storedDialog(id)
        return try await decide(.dialogEmployee, target: current.employeeNIP) {
            try await write(context, request) { [self] db, actor in
                guard var dialog = try DialogRecords.dialog(id, in: db) else { throw RPCError(.notFound, "no dialog \(id)") }
                var lifecycle = DialogLifecycle(dialog)
                switch try lifecycle.apply(DialogLifecycle.Event(confirm: request, by: me)) {
                case .agreed(let comment), .disputed(let comment): dialog.employeeComment = comment
                default: break
                }
                dialog.state = lifecycle.state
                dialog.revision = lifecycle.revision
                dialog.confirmed = actor.stamp
                try DialogRecords.update(dialog, in: db)
                try audit(db, context, actor, target: "dialog/\(id)", detail: dialog.state.stateLabel.lowercased())
                return Feedback.ConfirmDialogResponse(dialog: dialog)
            }
        }
    }

    public func getDialog(_ request: Feedback.GetDialogRequest, context: ServerContext) async throws -> Feedback.GetDialogResponse {
        let id = try FeedbackInput.id(request.dialogID, field: "dialog_id")
        let dialog = try await storedDialog(id)
        let me = try Access.required().caller.user?.nip
        try await visible("dialog \(id)") {
            try await require(.recordParty, me == dialog.employeeNIP || me == dialog.atasanNIP, or: .employee(nip: dialog.employeeNIP))
        }
        return Feedback.GetDialogResponse(dialog: dialog)
    }

    public func listDialogs(_ request: Feedback.ListDialogsRequest, context: ServerContext) async throws -> Feedback.ListDialogsResponse {
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        let access = try Access.required()
        let me = access.caller.user?.nip
        var conditions: [String] = []
        var arguments: StatementArguments = []
        for (field, column, value) in [("employee_nip", "employee_nip", request.employeeNIP), ("atasan_nip", "atasan_nip", request.atasanNIP)]
        where !value.isEmpty {
            let nip = try FeedbackInput.nip(value, field: field)
            if nip != me { try await access.require(.employee(nip: nip)) }
            conditions.append("\(column) = ?"); arguments += [nip]
        }
        if conditions.isEmpty, let me { conditions.append("(employee_nip = ? OR atasan_nip = ?)"); arguments += [me, me] }
        if request.stage != .unspecified { conditions.append("stage = ?"); arguments += [request.stage.rawValue] }
        if let range = request.dateRange {
            let days = try FeedbackInput.days(of: range, maximumDays: Int.max)
            conditions.append("held_on BETWEEN ? AND ?"); arguments += [days.start.isoString, days.end.isoString]
        }
        let (where_, bound) = (conditions, arguments)
        let rows = try await store.read { db in try DialogRecords.dialogs(where: where_, bound, limit: size + 1, offset: offset, in: db) }
        return Feedback.ListDialogsResponse(dialogs: Array(rows.prefix(size)),
                                            page: Paging.response(offset: offset, size: size, returned: min(size, rows.count), more: rows.count > size))
    }

    public func closeActionItem(_ request: Feedback.CloseActionItemRequest, context: ServerContext) async throws -> Feedback.CloseActionItemResponse {
        let me = try callerNIP()
        switch request.record {
        case .dialogID(let raw):
            let id = try FeedbackInput.id(raw, field: "dialog_id")
            let current = try await storedDialog(id)
            return try await decide(.actionItemCloser, target: current.employeeNIP) {
                try await write(context, request) { [self] db, actor in
                    guard var dialog = try DialogRecords.dialog(id, in: db) else { throw RPCError(.notFound, "no dialog \(id)") }
                    var lifecycle = DialogLifecycle(dialog)
                    try lifecycle.apply(.closeItem(number: request.itemNumber, note: request.note, by: me, stamp: actor.stamp,
                                                   expectedRevision: request.expectedRevision))
                    dialog.actionItems = lifecycle.actionItems
                    dialog.revision = lifecycle.revision
                    try DialogRecords.update(dialog, in: db)
                    try audit(db, context, actor, target: "dialog/\(id)", detail: "follow-up action \(request.itemNumber) closed")
                    return Feedback.CloseActionItemResponse(dialog: dialog)
                }
            }
        case .coachingID(let raw):
            let id = try FeedbackInput.id(raw, field: "coaching_id")
            let current = try await storedCoaching(id)
            return try await decide(.actionItemCloser, target: current.coacheeNIP) {
                try await write(context, request) { [self] db, actor in
                    guard var record = try DialogRecords.coaching(id, in: db) else { throw RPCError(.notFound, "no coaching record \(id)") }
                    _ = try CoachingRules.closeItem(&record, number: request.itemNumber, note: request.note, by: me, stamp: actor.stamp,
                                                    expectedRevision: request.expectedRevision)
                    try DialogRecords.update(record, in: db)
                    try audit(db, context, actor, target: "coaching/\(id)", detail: "follow-up action \(request.itemNumber) closed")
                    return Feedback.CloseActionItemResponse(coaching: record)
                }
            }
        case nil:
            throw FeedbackError(.fieldRequired, "name the record: dialog_id or coaching_id", field: "record")
        }
    }

    public func getDialogCadence(_ request: Feedback.GetDialogCadenceRequest, context: ServerContext) async throws -> Feedback.GetDialogCadenceResponse {
        let days = try FeedbackInput.days(of: request.period)
        guard let period = request.period else { throw FeedbackError(.periodInvalid, "period is required", field: "period") }
        let access = try Access.required()
        let me = access.caller.user?.nip
        let tree = try await directory.unitTree()
        var members: [Identity.Employee]
        if let scope = request.unit, !scope.unitID.isEmpty {
            _ = try await units(scope)
            try await access.require(.unit(id: scope.unitID))
            members = try await directory.members(of: scope.unitID, includeSubunits: scope.includeSubunits)
        } else if !request.atasanNIP.isEmpty {
            let atasan = try FeedbackInput.person(request.atasanNIP, field: "atasan_nip")
            if !(try await access.holds(.ownBawahan, holds: { atasan == me })) { try await access.require(.employee(nip: atasan)) }
            guard let root = tree.rootID else { throw RPCError(.notFound, "identity has no units yet") }
            members = try await directory.members(of: root, includeSubunits: true)
        } else {
            throw FeedbackError(.fieldRequired, "name a unit or an atasan_nip", field: "unit")
        }
        if !request.atasanNIP.isEmpty { members = members.filter { $0.atasanNIP == request.atasanNIP } }
        let pairs = members.filter { !$0.atasanNIP.isEmpty }.map { employee in
            SupervisionPair(employeeNIP: employee.nip, atasanNIP: employee.atasanNIP, unitID: employee.unitID,
                            unitPath: [employee.unitID] + (tree.ancestors(of: employee.unitID) ?? []), days: days)
        }
        let nips = pairs.map(\.employeeNIP)
        let (dialogs, policy) = try await store.read { db in
            (try DialogRecords.held(with: nips, from: days.start.isoString, through: days.end.isoString, in: db), try PolicyRecords.effective(in: db))
        }
        let report = try DialogCadence.report(pairs: pairs, dialogs: dialogs, period: period, calendar: calendar, policy: policy, today: today)
        func rollup(_ r: DialogCadence.Rollup) -> Feedback.DialogCadenceRollup {
            Feedback.DialogCadenceRollup(key: r.key, pairsDue: UInt32(r.pairsDue), pairsMet: UInt32(r.pairsMet), pairsOpen: UInt32(r.pairsOpen),
                                         pairsBehind: UInt32(r.pairsBehind), dialogsExpected: UInt32(r.dialogsExpected),
                                         dialogsHeld: UInt32(r.dialogsHeldTowardsMinimum), behindNIPs: r.behindEmployeeNIPs)
        }
        return Feedback.GetDialogCadenceResponse(
            minimumPerTriwulan: UInt32(report.minimumPerTriwulan), byAtasan: report.byAtasan.map(rollup), byUnit: report.byUnit.map(rollup),
            pairs: report.pairs.map { status in
                Feedback.DialogCadencePair(employeeNIP: status.pair.employeeNIP, atasanNIP: status.pair.atasanNIP, unitID: status.pair.unitID,
                                           dialogsExpected: UInt32(status.expected), dialogsHeld: UInt32(status.held),
                                           state: Self.cadenceState(status.state))
            })
    }

    static func cadenceState(_ state: DialogCadence.State) -> Feedback.DialogCadenceState {
        switch state {
        case .notExpected: .notExpected
        case .met: .met
        case .open: .open
        case .behind: .behind
        }
    }
}
