public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaService
import KinerjaStore

extension ReportingHandlers {
    public func recordAbsence(_ request: Reporting.RecordAbsenceRequest, context: ServerContext) async throws -> Reporting.RecordAbsenceResponse {
        guard let absence = request.absence else { throw Invalid.field("absence", "is required", reason: "REQUIRED") }
        if let error = ReportingError(violations: AbsenceIndex.violations(absence)) { throw error }
        try await Access.required().require(.employee(nip: absence.nip))
        let person = try await employee(absence.nip)
        return try await write(context, request) { [self] db, actor in
            var stored = absence
            stored.absenceID = ULID.make(now: clock())
            stored.recorded = actor.stamp
            try AbsenceRecords.insert(stored, in: db)
            try audit(db, context, actor, target: person.nip,
                      detail: "absence \(stored.absenceID) \(Self.absenceKind(stored.kind)) \(stored.dates?.startDate?.isoString ?? "")…\(stored.dates?.endDate?.isoString ?? "")"
                        + (stored.reference.isEmpty ? "" : " (\(stored.reference))"))
            return Reporting.RecordAbsenceResponse(absence: stored)
        }
    }

    public func removeAbsence(_ request: Reporting.RemoveAbsenceRequest, context: ServerContext) async throws -> Reporting.RemoveAbsenceResponse {
        try Invalid.requireID(request.absenceID, "absence_id")
        try Invalid.requireText(request.reason, "reason", max: ReportingLimits.absenceNoteLength, optional: true)
        guard let existing = try await store.read({ db in try AbsenceRecords.fetch(request.absenceID, in: db) }) else {
            throw RPCError(.notFound, "no absence \(request.absenceID)", reason: "ABSENCE_NOT_FOUND")
        }
        try await Access.required().require(.employee(nip: existing.nip))
        return try await write(context, request) { [self] db, actor in
            guard let absence = try AbsenceRecords.fetch(request.absenceID, in: db) else {
                throw RPCError(.notFound, "no absence \(request.absenceID)", reason: "ABSENCE_NOT_FOUND")
            }
            try AbsenceRecords.remove(request.absenceID, in: db)
            try audit(db, context, actor, target: absence.nip,
                      detail: "absence \(absence.absenceID) removed" + (request.reason.isEmpty ? "" : ": \(request.reason)"))
            return Reporting.RemoveAbsenceResponse(absence: absence)
        }
    }

    public func listAbsences(_ request: Reporting.ListAbsencesRequest, context: ServerContext) async throws -> Reporting.ListAbsencesResponse {
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        let days = try Self.checkRange(request.dateRange)
        let access = try Access.required()
        var nips: [String]
        if !request.nip.isEmpty {
            try Invalid.requireNIP(request.nip)
            try await access.require(.employee(nip: request.nip))
            nips = [request.nip]
        } else if let scope = request.unit, !scope.unitID.isEmpty {
            try await requireUnit(scope.unitID, field: "unit.unit_id")
            try await access.require(.unit(id: scope.unitID))
            nips = try await directory.members(of: scope.unitID, includeSubunits: scope.includeSubunits).map(\.nip)
        } else {
            throw Invalid.field("nip", "give a NIP or a unit", reason: "REQUIRED")
        }
        if let scope = request.unit, !scope.unitID.isEmpty, !request.nip.isEmpty {
            let members = Set(try await directory.members(of: scope.unitID, includeSubunits: scope.includeSubunits).map(\.nip))
            nips = nips.filter(members.contains)
        }
        let found = try await store.read { [nips] db in try AbsenceRecords.overlapping(nips: nips, days: days, in: db) }
        let page = Array(found.dropFirst(offset).prefix(size))
        return Reporting.ListAbsencesResponse(absences: page, page: Paging.response(offset: offset, size: size, returned: page.count,
                                                                                   more: found.count > offset + page.count))
    }

    static func absenceKind(_ kind: Reporting.AbsenceKind) -> String {
        (kind.protoName ?? "\(kind.rawValue)").replacingOccurrences(of: "ABSENCE_KIND_", with: "")
    }

    // MARK: Period locks

    public func lockPeriod(_ request: Reporting.LockPeriodRequest, context: ServerContext) async throws -> Reporting.LockPeriodResponse {
        guard let lock = request.lock else { throw Invalid.field("lock", "is required", reason: "REQUIRED") }
        if let error = ReportingError(violations: PeriodLockSet.violations(lock)) { throw error }
        guard let period = lock.period, let days = WitaDayRange(period: period) else { throw ReportingError(.periodInvalid, "the period is required", field: "lock.period") }
        let nips = Array(Set(lock.nips)).sorted()
        return try await write(context, request) { [self] db, actor in
            var stored = lock
            stored.nips = nips
            stored.locked = actor.stamp
            try LockRecords.replace(stored, days: days, in: db)
            var frozen = 0
            for batch in nips.chunked(500) {
                frozen += try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM daily_report WHERE nip IN (\(ReportRecords.placeholders(batch.count))) AND report_day BETWEEN ? AND ? AND state = ?
                    """, arguments: StatementArguments(Array(batch)) + [days.lowerDay, days.upperDay, Reporting.ReportState.diajukan.rawValue]) ?? 0
            }
            try audit(db, context, actor, target: "lock/\(lock.lockID)",
                      detail: "locked \(ReportingPeriods.label(period)) for \(nips.count) employees; \(frozen) reports frozen DIAJUKAN"
                        + (lock.reason.isEmpty ? "" : ": \(lock.reason)"))
            return Reporting.LockPeriodResponse(lock: stored, pendingFrozenCount: UInt32(frozen))
        }
    }

    public func unlockPeriod(_ request: Reporting.UnlockPeriodRequest, context: ServerContext) async throws -> Reporting.UnlockPeriodResponse {
        try Invalid.requireID(request.lockID, "lock_id")
        try Invalid.requireText(request.reason, "reason", max: ReportingLimits.unlockReasonLength)
        return try await write(context, request) { [self] db, actor in
            guard let lock = try LockRecords.fetch(request.lockID, in: db) else {
                throw RPCError(.notFound, "no period lock \(request.lockID)", reason: "LOCK_NOT_FOUND")
            }
            try LockRecords.remove(request.lockID, in: db)
            try audit(db, context, actor, target: "lock/\(lock.lockID)", detail: "unlocked: \(request.reason)")
            return Reporting.UnlockPeriodResponse(lock: lock)
        }
    }

    public func listPeriodLocks(_ request: Reporting.ListPeriodLocksRequest, context: ServerContext) async throws -> Reporting.ListPeriodLocksResponse {
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        if request.year != 0 { try Invalid.requireYear(request.year) }
        let access = try Access.required()
        var nip = request.nip
        if nip.isEmpty, let user = access.caller.user, !access.grantedByIdentity {
            nip = user.nip
        }
        if !nip.isEmpty {
            try Invalid.requireNIP(nip)
            try await access.require(.employee(nip: nip))
        }
        let locks = try await store.read { [nip] db -> [Reporting.PeriodLock] in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if !nip.isEmpty { conditions.append("lock_id IN (SELECT lock_id FROM period_lock_nip WHERE nip = ?)"); arguments += [nip] }
            if request.year != 0 { conditions.append("year = ?"); arguments += [request.year] }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let ids = try String.fetchAll(db, sql: "SELECT lock_id FROM period_lock \(filter) ORDER BY start_day, lock_id LIMIT ? OFFSET ?",
                                          arguments: arguments + [size + 1, offset])
            return try ids.compactMap { try LockRecords.fetch($0, in: db) }
        }
        let page = Array(locks.prefix(size))
        return Reporting.ListPeriodLocksResponse(locks: page, page: Paging.response(offset: offset, size: size, returned: page.count, more: locks.count > size))
    }
}
