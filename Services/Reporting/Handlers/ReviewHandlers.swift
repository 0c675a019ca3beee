public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaService
import KinerjaRPC
import KinerjaStore

extension ReportingHandlers {
    /// Applies the atasan's `event` to a stored report through ``ReportLifecycle`` (arguments,
    /// revision, state, then the lock), sets its review fields and stores it; returns the report.
    func review(_ reportID: String, _ event: ReportLifecycle.Event, actor: ChangeActor, in db: Database) throws -> Reporting.DailyReport {
        guard let stored = try ReportRecords.fetch(reportID, in: db) else {
            throw RPCError(.notFound, "no report \(reportID)", reason: "REPORT_NOT_FOUND")
        }
        var lifecycle = ReportLifecycle(stored.report)
        let action = try lifecycle.apply(event, locks: try LockRecords.locks(for: [stored.report.nip], in: db))
        var report = stored.report
        report.state = lifecycle.state
        report.revision = lifecycle.revision
        switch event {
        case .verify(let note, _):
            report.reviewNote = note
            report.reviewed = actor.stamp
        case .reject(let reason, _):
            report.reviewNote = reason
            report.reviewed = actor.stamp
        case .revoke(let reason, _):
            report.reviewNote = reason
            report.revoked = actor.stamp
        case .update, .withdraw:
            break
        }
        report.verifierNIP = actor.principal
        try ReportRecords.update(report, in: db)
        _ = action
        return report
    }

    /// The author of a report the caller names for a decision: NOT_FOUND when unknown or not
    /// readable by the caller; PERMISSION_DENIED (audited) unless the caller is the author's
    /// atasan langsung now.
    func decidableAuthor(_ reportID: String, doing what: String) async throws -> String {
        try Invalid.requireID(reportID, "report_id")
        guard let stored = try await store.read({ db in try ReportRecords.fetch(reportID, in: db) }) else {
            throw RPCError(.notFound, "no report \(reportID)", reason: "REPORT_NOT_FOUND")
        }
        try await requireAtasanLangsung(of: stored.report.nip, doing: what)
        return stored.report.nip
    }

    public func verifyDailyReport(_ request: Reporting.VerifyDailyReportRequest, context: ServerContext) async throws -> Reporting.VerifyDailyReportResponse {
        let author = try await decidableAuthor(request.reportID, doing: "verifies their reports")
        return try await write(context, request) { [self] db, actor in
            let report = try review(request.reportID, .verify(note: request.note, expectedRevision: request.expectedRevision), actor: actor, in: db)
            try audit(db, context, actor, target: "report/\(report.reportID)", detail: "verified report of \(author)")
            return Reporting.VerifyDailyReportResponse(report: report)
        }
    }

    public func rejectDailyReport(_ request: Reporting.RejectDailyReportRequest, context: ServerContext) async throws -> Reporting.RejectDailyReportResponse {
        // A missing reason is the caller's mistake whoever the caller is.
        var probe = ReportLifecycle(state: .diajukan, revision: 0, nip: "", reportDate: Common.Date.earliestValid)
        try probe.apply(.reject(reason: request.reason))
        let author = try await decidableAuthor(request.reportID, doing: "rejects their reports")
        return try await write(context, request) { [self] db, actor in
            let report = try review(request.reportID, .reject(reason: request.reason, expectedRevision: request.expectedRevision), actor: actor, in: db)
            try audit(db, context, actor, target: "report/\(report.reportID)", detail: "rejected report of \(author): \(request.reason)")
            return Reporting.RejectDailyReportResponse(report: report)
        }
    }

    public func revokeVerification(_ request: Reporting.RevokeVerificationRequest, context: ServerContext) async throws -> Reporting.RevokeVerificationResponse {
        var probe = ReportLifecycle(state: .diverifikasi, revision: 0, nip: "", reportDate: Common.Date.earliestValid)
        try probe.apply(.revoke(reason: request.reason))
        let author = try await decidableAuthor(request.reportID, doing: "revokes the verification of their reports")
        return try await write(context, request) { [self] db, actor in
            let report = try review(request.reportID, .revoke(reason: request.reason, expectedRevision: request.expectedRevision), actor: actor, in: db)
            try audit(db, context, actor, target: "report/\(report.reportID)", detail: "verification revoked, report of \(author): \(request.reason)")
            return Reporting.RevokeVerificationResponse(report: report)
        }
    }

    public func batchReviewDailyReports(_ request: Reporting.BatchReviewDailyReportsRequest, context: ServerContext) async throws -> Reporting.BatchReviewDailyReportsResponse {
        if let error = ReportingError(violations: BulkLimits.batchReviewViolations(request.reviews)) { throw error }
        let me = try user()
        let access = try Access.required()
        // Who wrote each report, and whether the caller is that author's atasan langsung now
        // (asked once per author; each refusal is audited).
        let authors = try await store.read { db -> [String: String] in
            var out: [String: String] = [:]
            for chunk in request.reviews.map(\.reportID).chunked(500) {
                for row in try Row.fetchAll(db, sql: "SELECT report_id, nip FROM daily_report WHERE report_id IN (\(ReportRecords.placeholders(chunk.count)))",
                                            arguments: StatementArguments(Array(chunk))) {
                    out[row["report_id"]] = row["nip"]
                }
            }
            return out
        }
        var allowed: [String: Bool] = [:]
        for nip in Set(authors.values).sorted() {
            let isAtasan = nip != me.nip ? try await directory.relation(atasan: me.nip, of: nip).direct : false
            if try await access.holds(.atasanLangsung, holds: { isAtasan }) {
                allowed[nip] = true
            } else {
                allowed[nip] = false
                _ = await access.denial(target: nip, "only \(nip)'s atasan langsung (per identity) decides on their reports", reason: "RELATION_NOT_HELD")
            }
        }
        return try await write(context, request) { [self, allowed] db, actor in
            var results: [Reporting.ReportReviewResult] = []
            var applied: UInt32 = 0
            for review in request.reviews {
                var result = Reporting.ReportReviewResult(reportID: review.reportID)
                do {
                    guard let author = authors[review.reportID] else {
                        throw RPCError(.notFound, "no report \(review.reportID)", reason: "REPORT_NOT_FOUND")
                    }
                    guard allowed[author] == true else {
                        throw RPCError(.permissionDenied, "only \(author)'s atasan langsung decides on this report", reason: "RELATION_NOT_HELD")
                    }
                    let event = try ReportLifecycle.Event(review: review)
                    let report = try self.review(review.reportID, event, actor: actor, in: db)
                    try audit(db, context, actor, target: "report/\(report.reportID)",
                              detail: "\(report.state == .diverifikasi ? "verified" : "rejected") report of \(author) (batch)"
                                + (report.state == .ditolak ? ": \(review.note)" : ""))
                    result.state = report.state
                    applied += 1
                } catch {
                    let status = RPCError.from(error, requestID: context.requestID)
                    result.statusCode = UInt32(status.code.rawValue)
                    result.message = String(status.message.unicodeScalars.prefix(500).map(Character.init))
                    result.state = (try? ReportRecords.fetch(review.reportID, in: db))?.report.state ?? .unspecified
                }
                results.append(result)
            }
            return Reporting.BatchReviewDailyReportsResponse(results: results, appliedCount: applied,
                                                             failedCount: UInt32(request.reviews.count) - applied)
        }
    }
}
