public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaService
import KinerjaStore

extension ReportingHandlers {
    /// Refuses links to uploaded files the evidence store does not hold (never uploaded, or
    /// collected as an orphan): run inside the write, so the orphan collection (which removes a
    /// file only inside a write after checking no report refers to it) cannot race it.
    func requireStoredFiles(_ links: [Common.EvidenceLink], fieldPrefix: String = "report.evidence") throws {
        for (index, link) in links.enumerated() {
            guard let hash = EvidenceHash(urn: link.uri) else { continue }
            guard try evidence.contains(hash) else {
                throw ReportingError(.evidenceNotFound, "no uploaded evidence file \(hash.hex) is stored: upload it (again) before linking it",
                                     field: "\(fieldPrefix)[\(index)].uri")
            }
        }
    }

    public func submitDailyReport(_ request: Reporting.SubmitDailyReportRequest, context: ServerContext) async throws -> Reporting.SubmitDailyReportResponse {
        let me = try user()
        // Malformed content is answered before identity or planning is asked anything.
        if let error = ReportingError(violations: DailyReportRules.fieldViolations(request.report)) { throw error }
        guard let draft = request.report, let date = draft.reportDate else { throw Invalid.field("report", "is required") }
        let author = try await employee(me.nip)
        let path = try await organisation.path(of: author.unitID)
        let skp = date <= today ? try await planning.skpInForce(nip: me.nip, on: date, ikiID: draft.ikiID) : nil
        let response = try await write(context, request) { [self] db, actor in
            let policy = try PolicyBook.load(db).effective(path: path)
            let locks = try LockRecords.locks(for: [me.nip], in: db)
            let usage = try ReportRecords.dayUsage(nip: me.nip, day: date.daysSinceEpoch ?? 0, in: db)
            let accepted = try DailyReportRules.checkSubmission(draft, context: SubmissionContext(
                nip: me.nip, now: clock(), policy: policy, skp: skp, locks: locks, dayUsage: usage))
            try requireStoredFiles(accepted.draft.evidence)
            var report = Reporting.DailyReport(reportID: ULID.make(now: clock()), nip: me.nip, employee: author.reference, state: .diajukan,
                                               submitted: actor.stamp, revision: 1)
            accepted.apply(to: &report)
            if !author.atasanNIP.isEmpty { report.verifierNIP = author.atasanNIP }
            try ReportRecords.insert(report, unitID: author.unitID, in: db)
            try audit(db, context, actor, target: "report/\(report.reportID)",
                      detail: "submitted \(date.isoString) IKI \(report.ikiID) value \(report.realisationValue)\(report.provisional ? " (provisional)" : "")")
            return Reporting.SubmitDailyReportResponse(report: report)
        }
        return Reporting.SubmitDailyReportResponse(report: try await annotated(response.report.map { [ReportRecords.Stored(report: $0, unitID: author.unitID)] } ?? []).first)
    }

    public func updateDailyReport(_ request: Reporting.UpdateDailyReportRequest, context: ServerContext) async throws -> Reporting.UpdateDailyReportResponse {
        let me = try user()
        try Invalid.requireID(request.reportID, "report_id")
        guard let current = try await store.read({ db in try ReportRecords.fetch(request.reportID, in: db) }) else {
            throw RPCError(.notFound, "no report \(request.reportID)", reason: "REPORT_NOT_FOUND")
        }
        try await Access.required().require(.reportAuthor, target: current.report.nip, message: "only the author changes a report") {
            current.report.nip == me.nip
        }
        // The arguments first: the mask, then the merged content.
        let merged = try DailyReportMask.merge(request.report, mask: request.updateMask, over: current.report)
        if let error = ReportingError(violations: DailyReportRules.fieldViolations(merged)) { throw error }
        guard let date = merged.reportDate else { throw Invalid.field("report.report_date", "is required") }
        let author = try await employee(me.nip)
        let path = try await organisation.path(of: author.unitID)
        let skp = date <= today ? try await planning.skpInForce(nip: me.nip, on: date, ikiID: merged.ikiID) : nil
        let response = try await write(context, request) { [self] db, actor in
            guard let stored = try ReportRecords.fetch(request.reportID, in: db) else {
                throw RPCError(.notFound, "no report \(request.reportID)", reason: "REPORT_NOT_FOUND")
            }
            let locks = try LockRecords.locks(for: [me.nip], in: db)
            var lifecycle = ReportLifecycle(stored.report)
            let action = try lifecycle.apply(.update(expectedRevision: request.expectedRevision), locks: locks)
            let policy = try PolicyBook.load(db).effective(path: path)
            let usage = try ReportRecords.dayUsage(nip: me.nip, day: date.daysSinceEpoch ?? 0, excluding: request.reportID, in: db)
            let accepted = try DailyReportRules.checkUpdate(current: stored.report, request: request, context: SubmissionContext(
                nip: me.nip, now: clock(), policy: policy, skp: skp, locks: locks, dayUsage: usage))
            guard accepted.draft.reportDate == date else {
                throw RPCError(.aborted, "the report changed while it was being updated; read it again", reason: "REVISION_MISMATCH")
            }
            try requireStoredFiles(accepted.draft.evidence)
            var report = stored.report
            accepted.apply(to: &report)
            report.state = lifecycle.state
            report.revision = lifecycle.revision
            report.updated = actor.stamp
            if !author.atasanNIP.isEmpty { report.verifierNIP = author.atasanNIP }
            if action == .resubmitted {
                report.reviewed = nil
                report.revoked = nil
                report.reviewNote = ""
            }
            try ReportRecords.update(report, in: db)
            try audit(db, context, actor, target: "report/\(report.reportID)",
                      detail: "\(action == .resubmitted ? "corrected and resubmitted" : "updated") (\(request.updateMask?.paths.joined(separator: ",") ?? ""))")
            return Reporting.UpdateDailyReportResponse(report: report)
        }
        return Reporting.UpdateDailyReportResponse(report: try await annotated(response.report.map { [ReportRecords.Stored(report: $0, unitID: current.unitID)] } ?? []).first)
    }

    public func withdrawDailyReport(_ request: Reporting.WithdrawDailyReportRequest, context: ServerContext) async throws -> Reporting.WithdrawDailyReportResponse {
        let me = try user()
        try Invalid.requireID(request.reportID, "report_id")
        guard let current = try await store.read({ db in try ReportRecords.fetch(request.reportID, in: db) }) else {
            throw RPCError(.notFound, "no report \(request.reportID)", reason: "REPORT_NOT_FOUND")
        }
        try await Access.required().require(.reportAuthor, target: current.report.nip, message: "only the author withdraws a report") {
            current.report.nip == me.nip
        }
        return try await write(context, request) { [self] db, actor in
            guard let stored = try ReportRecords.fetch(request.reportID, in: db) else {
                throw RPCError(.notFound, "no report \(request.reportID)", reason: "REPORT_NOT_FOUND")
            }
            var lifecycle = ReportLifecycle(stored.report)
            try lifecycle.apply(.withdraw(reason: request.reason), locks: try LockRecords.locks(for: [stored.report.nip], in: db))
            var report = stored.report
            report.state = lifecycle.state
            report.revision = lifecycle.revision
            report.updated = actor.stamp
            try ReportRecords.update(report, in: db)
            try audit(db, context, actor, target: "report/\(report.reportID)", detail: "withdrawn" + (request.reason.isEmpty ? "" : ": \(request.reason)"))
            return Reporting.WithdrawDailyReportResponse(report: report)
        }
    }

    public func getDailyReport(_ request: Reporting.GetDailyReportRequest, context: ServerContext) async throws -> Reporting.GetDailyReportResponse {
        let stored = try await visibleReport(request.reportID)
        return Reporting.GetDailyReportResponse(report: try await annotated([stored]).first)
    }

    public func listDailyReports(_ request: Reporting.ListDailyReportsRequest, context: ServerContext) async throws -> Reporting.ListDailyReportsResponse {
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        if !request.nip.isEmpty { try Invalid.requireNIP(request.nip) }
        if !request.verifierNIP.isEmpty { try Invalid.requirePersonID(request.verifierNIP, "verifier_nip") }
        if !request.rhkID.isEmpty { try Invalid.requireID(request.rhkID, "rhk_id") }
        if !request.ikiID.isEmpty { try Invalid.requireID(request.ikiID, "iki_id") }
        var days: WitaDayRange?
        if let range = request.dateRange {
            guard let checked = WitaDayRange(range) else { throw Invalid.field("date_range", "needs real start and end days, end not before start") }
            guard checked.dayCount <= ReportingLimits.listRangeDays else {
                throw Invalid.field("date_range", "covers at most \(ReportingLimits.listRangeDays) days, got \(checked.dayCount)")
            }
            days = checked
        }
        for (index, state) in request.states.enumerated() where state == .unspecified || state.label.hasPrefix("UNRECOGNIZED") {
            throw Invalid.field("states[\(index)]", "is not a report state")
        }
        let access = try Access.required()
        var conditions: [String] = []
        var arguments: StatementArguments = []
        var authors: Set<String>?
        func restrict(_ nips: [String]) { authors = authors.map { $0.intersection(nips) } ?? Set(nips) }
        if !request.nip.isEmpty {
            try await access.require(.employee(nip: request.nip))
            restrict([request.nip])
        }
        if let scope = request.unit, !scope.unitID.isEmpty {
            try await requireUnit(scope.unitID, field: "unit.unit_id")
            try await access.require(.unit(id: scope.unitID))
            restrict(try await directory.members(of: scope.unitID, includeSubunits: scope.includeSubunits).map(\.nip))
        }
        if !request.verifierNIP.isEmpty {
            // The inbox: reports of the atasan's direct bawahan now (identity), whoever was
            // recorded as verifier when they were submitted.
            if !access.isSelf(request.verifierNIP) { try await access.require(.employee(nip: request.verifierNIP)) }
            restrict(try await organisation.bawahan(of: request.verifierNIP, indirect: false).map(\.nip))
        }
        if authors == nil, let user = access.caller.user, !access.hasRole(.admin), !access.hasRole(.auditor) {
            // Without a filter a user lists their own reports; services, admins and auditors see all.
            restrict([user.nip])
        }
        if let authors {
            guard !authors.isEmpty else { return Reporting.ListDailyReportsResponse(page: Common.PageResponse()) }
            let list = authors.sorted()
            conditions.append("nip IN (\(ReportRecords.placeholders(list.count)))")
            arguments += StatementArguments(list)
        }
        if let days {
            conditions.append("report_day BETWEEN ? AND ?")
            arguments += [days.lowerDay, days.upperDay]
        }
        var states = request.states.map(\.rawValue)
        if request.overdueOnly {
            states = states.isEmpty || states.contains(Reporting.ReportState.diajukan.rawValue) ? [Reporting.ReportState.diajukan.rawValue] : []
            guard !states.isEmpty else { return Reporting.ListDailyReportsResponse(page: Common.PageResponse()) }
            // A report is overdue only once at least one working day has passed after the day of
            // its submission (the shortest deadline); the exact due date is computed per report.
            conditions.append("submitted_day <= ?")
            arguments += [(today.daysSinceEpoch ?? 0) - 2]
        }
        if !states.isEmpty {
            conditions.append("state IN (\(ReportRecords.placeholders(states.count)))")
            arguments += StatementArguments(states)
        }
        if !request.rhkID.isEmpty { conditions.append("rhk_id = ?"); arguments += [request.rhkID] }
        if !request.ikiID.isEmpty { conditions.append("iki_id = ?"); arguments += [request.ikiID] }
        let order = request.newestFirst ? "report_day DESC, report_id DESC" : "report_day, report_id"
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        if request.overdueOnly {
            let candidates = try await store.read { [arguments] db in
                try Row.fetchAll(db, sql: "SELECT \(ReportRecords.bodyColumns) FROM daily_report \(filter) ORDER BY \(order)",
                                 arguments: arguments).map(ReportRecords.decode)
            }
            let overdue = try await annotated(candidates).filter(\.reviewOverdue)
            let page = Array(overdue.dropFirst(offset).prefix(size))
            return Reporting.ListDailyReportsResponse(reports: page, page: Paging.response(offset: offset, size: size, returned: page.count,
                                                                                            more: overdue.count > offset + page.count))
        }
        let rows = try await store.read { [arguments] db in
            try Row.fetchAll(db, sql: "SELECT \(ReportRecords.bodyColumns) FROM daily_report \(filter) ORDER BY \(order) LIMIT ? OFFSET ?",
                             arguments: arguments + [size + 1, offset]).map(ReportRecords.decode)
        }
        let page = Array(rows.prefix(size))
        return Reporting.ListDailyReportsResponse(reports: try await annotated(page),
                                                  page: Paging.response(offset: offset, size: size, returned: page.count, more: rows.count > size))
    }
}
