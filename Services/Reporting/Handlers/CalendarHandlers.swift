public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaService
import KinerjaStore

extension ReportingHandlers {
    /// Longest range of ListNonWorkingDays and ListAbsences (731 days).
    static let longRangeDays = 731

    /// A request's date range of at most `limit` days (INVALID_ARGUMENT otherwise).
    static func checkRange(_ range: Common.DateRange?, field: String = "date_range", limit: Int = longRangeDays) throws -> WitaDayRange {
        guard let range, let days = WitaDayRange(range) else {
            throw Invalid.field(field, "needs real start and end days, end not before start", reason: "RANGE_INVALID")
        }
        guard days.dayCount <= limit else { throw Invalid.field(field, "covers at most \(limit) days, got \(days.dayCount)", reason: "RANGE_TOO_LONG") }
        return days
    }

    /// Fails unless the caller may keep the calendar entry of `unitID` (empty = agency-wide: a
    /// scope covering the root unit); PERMISSION_DENIED is audited.
    func requireCalendarKeeper(unitID: String) async throws {
        let access = try Access.required()
        if unitID.isEmpty {
            guard let root = try await directory.rootUnitID() else { throw RPCError(.unavailable, "identity has no unit tree yet", reason: "NO_UNIT_TREE") }
            try await access.require(.unit(id: root))
        } else {
            try await requireUnit(unitID, field: "unit_id")
            try await access.require(.unit(id: unitID))
        }
    }

    public func listNonWorkingDays(_ request: Reporting.ListNonWorkingDaysRequest, context: ServerContext) async throws -> Reporting.ListNonWorkingDaysResponse {
        let days = try Self.checkRange(request.dateRange)
        var path: [String] = []
        if !request.unitID.isEmpty {
            try await requireUnit(request.unitID, field: "unit_id")
            path = try await organisation.path(of: request.unitID)
        }
        let units = Set(path)
        let entries = try await store.read { db in
            try Data.fetchAll(db, sql: "SELECT body FROM non_working_day WHERE day BETWEEN ? AND ? ORDER BY day, unit_id",
                              arguments: [days.lowerDay, days.upperDay]).map { try Reporting.NonWorkingDay(serializedBytes: Array($0)) }
        }
        return Reporting.ListNonWorkingDaysResponse(days: entries.filter { $0.unitID.isEmpty || units.contains($0.unitID) })
    }

    public func setNonWorkingDay(_ request: Reporting.SetNonWorkingDayRequest, context: ServerContext) async throws -> Reporting.SetNonWorkingDayResponse {
        guard let day = request.day else { throw Invalid.field("day", "is required", reason: "REQUIRED") }
        let violations = NonWorkingDayList.violations(day, fieldPrefix: "day.")
        if !violations.isEmpty { throw Invalid.fields(violations) }
        try await requireCalendarKeeper(unitID: day.unitID)
        let response = try await write(context, request) { [self] db, actor in
            var stored = day
            stored.setBy = actor.stamp
            try CalendarRecords.upsert(stored, in: db)
            try audit(db, context, actor, target: "calendar/\(day.date?.isoString ?? "")" + (day.unitID.isEmpty ? "" : "/\(day.unitID)"),
                      detail: "\(Self.kindName(day.kind)): \(day.name)")
            return Reporting.SetNonWorkingDayResponse(day: stored)
        }
        calendarChanged()
        return response
    }

    public func removeNonWorkingDay(_ request: Reporting.RemoveNonWorkingDayRequest, context: ServerContext) async throws -> Reporting.RemoveNonWorkingDayResponse {
        guard let date = request.date, let number = date.daysSinceEpoch else { throw Invalid.field("date", "is required: a real day", reason: "REQUIRED") }
        try await requireCalendarKeeper(unitID: request.unitID)
        let response = try await write(context, request) { [self] db, actor in
            guard let existing = try CalendarRecords.fetch(day: number, unitID: request.unitID, in: db) else {
                throw RPCError(.notFound, "no non-working day on \(date.isoString)" + (request.unitID.isEmpty ? " (agency-wide)" : " for unit \(request.unitID)"),
                               reason: "NON_WORKING_DAY_NOT_FOUND")
            }
            try CalendarRecords.remove(day: number, unitID: request.unitID, in: db)
            try audit(db, context, actor, target: "calendar/\(date.isoString)" + (request.unitID.isEmpty ? "" : "/\(request.unitID)"),
                      detail: "removed \(Self.kindName(existing.kind)): \(existing.name)")
            return Reporting.RemoveNonWorkingDayResponse(day: existing)
        }
        calendarChanged()
        return response
    }

    static func kindName(_ kind: Reporting.NonWorkingDayKind) -> String {
        (kind.protoName ?? "\(kind.rawValue)").replacingOccurrences(of: "NON_WORKING_DAY_KIND_", with: "")
    }

    // MARK: Policy

    public func getReportingPolicy(_ request: Reporting.GetReportingPolicyRequest, context: ServerContext) async throws -> Reporting.GetReportingPolicyResponse {
        var path: [String] = []
        if !request.unitID.isEmpty {
            try await requireUnit(request.unitID, field: "unit_id")
            path = try await organisation.path(of: request.unitID)
        }
        let book = try await store.read { db in try PolicyBook.load(db) }
        var (policy, inherited) = book.policy(path: path)
        policy.inherited = inherited
        policy.unitID = request.unitID
        return Reporting.GetReportingPolicyResponse(policy: Self.resolved(policy))
    }

    /// A policy as GetReportingPolicy shows it: fields left 0 where 0 means "the default" filled in.
    static func resolved(_ policy: Reporting.ReportingPolicy) -> Reporting.ReportingPolicy {
        let effective = EffectivePolicy(policy)
        var out = policy
        out.reviewDeadlineDays = UInt32(effective.reviewDeadlineWorkingDays)
        out.maxReportsPerDay = UInt32(effective.maxReportsPerDay)
        out.maxEvidenceFileBytes = effective.maxEvidenceFileBytes
        out.maxEvidenceBytesPerMonth = effective.maxEvidenceBytesPerMonth
        return out
    }

    public func setReportingPolicy(_ request: Reporting.SetReportingPolicyRequest, context: ServerContext) async throws -> Reporting.SetReportingPolicyResponse {
        guard let policy = request.policy else { throw Invalid.field("policy", "is required", reason: "REQUIRED") }
        if let error = ReportingError(violations: EffectivePolicy.violations(policy)) { throw error }
        try await requireCalendarKeeper(unitID: policy.unitID)
        return try await write(context, request) { [self] db, actor in
            let book = try PolicyBook.load(db)
            let current = book.stored[policy.unitID]
            let revision = current?.revision ?? 0
            if request.expectedRevision != 0 && request.expectedRevision != revision {
                throw ReportingError(.revisionMismatch, "the policy changed since it was read (revision \(revision)); read it again",
                                     field: "expected_revision")
            }
            var stored = policy
            stored.inherited = false
            stored.updated = actor.stamp
            stored.revision = revision + 1
            try PolicyRecords.upsert(stored, in: db)
            try audit(db, context, actor, target: "policy/\(policy.unitID.isEmpty ? "default" : policy.unitID)",
                      detail: "backdate \(policy.backdateDays), evidence \(policy.evidenceRequired ? "required" : "optional"), review \(policy.reviewDeadlineDays) days, max \(policy.maxReportsPerDay)/day")
            return Reporting.SetReportingPolicyResponse(policy: Self.resolved(stored))
        }
    }
}
