public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaService
import KinerjaStore

/// Who rates whom (issue 11): the pejabat penilai on any day, and the acting officials (Plt/Plh)
/// pengelola kinerja record by decree. The rule itself is ``PejabatPenilaiRule``.
extension IdentityHandlers {
    /// Most NIPs in one GetPejabatPenilai call.
    static let maximumPenilaiBatch = 500
    /// Longest acting assignment, in days (a Plt is appointed for months, a Plh for days).
    static let maximumActingDays = 366
    /// Longest span of a penilai history.
    static let maximumHistoryDays = 3660

    public func getPejabatPenilai(_ request: Identity.GetPejabatPenilaiRequest, context: ServerContext) async throws -> Identity.GetPejabatPenilaiResponse {
        guard !request.nips.isEmpty, request.nips.count <= Self.maximumPenilaiBatch else {
            throw Invalid.field("nips", "must name 1–\(Self.maximumPenilaiBatch) employees", reason: "BATCH_SIZE")
        }
        for (index, nip) in request.nips.enumerated() { try Invalid.requirePersonID(nip, "nips[\(index)]") }
        let day = try Self.day(request.onDate, "on_date", default: today)
        let access = try Access.required()
        for nip in Set(request.nips) { try await access.require(.employee(nip: nip)) }
        let today = today
        return Identity.GetPejabatPenilaiResponse(penilai: try await store.read { db in
            try PenilaiQueries.penilai(of: request.nips, on: day, today: today, in: db)
        })
    }

    public func listDinilai(_ request: Identity.ListDinilaiRequest, context: ServerContext) async throws -> Identity.ListDinilaiResponse {
        try Invalid.requirePersonID(request.penilai, "penilai")
        let day = try Self.day(request.onDate, "on_date", default: today)
        try await Access.required().require(.employee(nip: request.penilai))
        let today = today
        return Identity.ListDinilaiResponse(dinilai: try await store.read { db in
            try PenilaiQueries.dinilai(by: request.penilai, on: day, today: today, in: db)
        })
    }

    public func getPenilaiHistory(_ request: Identity.GetPenilaiHistoryRequest, context: ServerContext) async throws -> Identity.GetPenilaiHistoryResponse {
        try Invalid.requirePersonID(request.nip, "nip")
        let today = today
        let from = try Self.day(request.from, "from", default: Common.Date(year: today.year, month: 1, day: 1))
        let until = try Self.day(request.until, "until", default: today)
        guard let first = from.daysSinceEpoch, let last = until.daysSinceEpoch, first <= last else {
            throw Invalid.field("until", "must not be before from", reason: "RANGE")
        }
        guard last - first < Self.maximumHistoryDays else {
            throw Invalid.field("until", "the range is at most \(Self.maximumHistoryDays) days", reason: "RANGE")
        }
        try await Access.required().require(.employee(nip: request.nip))
        return try await store.read { db in
            guard try EmployeeRecords.find(request.nip, in: db) != nil else { throw RPCError(.notFound, "no employee with NIP \(request.nip)") }
            var periods: [Identity.PenilaiPeriod] = []
            for offset in 0...(last - first) {
                guard let day = Common.Date(daysSinceEpoch: first + offset) else { continue }
                guard let answer = try PenilaiQueries.penilai(of: [request.nip], on: day, today: today, in: db).first else { continue }
                if var previous = periods.last, Self.samePenilai(previous.penilai, answer) {
                    previous.until = day
                    periods[periods.count - 1] = previous
                } else {
                    periods.append(Identity.PenilaiPeriod(from: day, until: day, penilai: answer))
                }
            }
            return Identity.GetPenilaiHistoryResponse(periods: periods)
        }
    }

    /// True when two answers name the same penilai in the same way (days aside).
    static func samePenilai(_ a: Identity.PejabatPenilai?, _ b: Identity.PejabatPenilai) -> Bool {
        guard let a else { return false }
        return a.kind == b.kind && a.penilai?.nip == b.penilai?.nip && a.actingAssignmentID == b.actingAssignmentID
    }

    public func recordActingAssignment(_ request: Identity.RecordActingAssignmentRequest, context: ServerContext) async throws -> Identity.RecordActingAssignmentResponse {
        guard var given = request.assignment else { throw Invalid.field("assignment", "is required", reason: "REQUIRED") }
        try Invalid.requireID(given.unitID, "assignment.unit_id")
        try Invalid.requireNIP(given.actingNIP, "assignment.acting_nip")
        guard given.kind == .plt || given.kind == .plh else {
            throw Invalid.field("assignment.kind", "must be PENILAI_KIND_PLT or PENILAI_KIND_PLH", reason: "ACTING_KIND")
        }
        guard let from = given.validFrom, from.isValid else { throw Invalid.field("assignment.valid_from", "is required", reason: "REQUIRED") }
        guard let until = given.validUntil, until.isValid else { throw Invalid.field("assignment.valid_until", "is required", reason: "REQUIRED") }
        guard let first = from.daysSinceEpoch, let last = until.daysSinceEpoch, first <= last else {
            throw Invalid.field("assignment.valid_until", "must not be before valid_from", reason: "RANGE")
        }
        guard last - first < Self.maximumActingDays else {
            throw Invalid.field("assignment.valid_until", "an acting assignment lasts at most \(Self.maximumActingDays) days; record a new decree to extend it", reason: "RANGE")
        }
        try Invalid.requireText(given.decreeNumber, "assignment.decree_number", max: 100)
        guard let decreeDate = given.decreeDate, decreeDate.isValid else {
            throw Invalid.field("assignment.decree_date", "is required", reason: "REQUIRED")
        }
        _ = decreeDate
        try Invalid.requireText(given.note, "assignment.note", max: 500, optional: true)
        let access = try Access.required()
        let unitID = given.unitID
        let unit = try await store.read { db in try UnitRecords.find(unitID, in: db) }
        guard let unit else { throw RPCError(.notFound, "no unit \(unitID)") }
        try await access.require(.unit(id: unit.unitID))
        if access.isSelf(given.actingNIP) {
            throw await access.denial(target: given.actingNIP, "nobody records themselves as Plt/Plh: the decree's official is recorded by another pengelola kinerja or an admin",
                                      reason: "SELF_APPOINTMENT")
        }
        given.assignmentID = ULID.make(now: clock())
        given.replacedNIP = given.kind == .plh ? unit.headNIP : ""
        let prepared = given
        return try await write(context, request) { [self] db, actor in
            guard let official = try EmployeeRecords.find(prepared.actingNIP, in: db) else {
                throw RPCError(.notFound, "no employee with NIP \(prepared.actingNIP)")
            }
            guard official.status == .aktif, official.asnType != .nonAsn else {
                throw RPCError(.failedPrecondition, "the acting official must be an AKTIF ASN", reason: "ACTING_NOT_AKTIF")
            }
            if unit.headNIP == official.nip {
                throw RPCError(.failedPrecondition, "\(official.nip) is the definitive head of \(unit.code); a Plt/Plh acts for someone else",
                               reason: "ACTING_IS_HEAD")
            }
            if let clash = try ActingRecords.overlapping(unitID: unit.unitID, from: from, until: until, in: db).first {
                throw RPCError(.failedPrecondition, "acting assignment \(clash.assignmentID) for \(unit.code) already covers part of the range",
                               reason: "ACTING_OVERLAP")
            }
            try ActingRecords.insert(prepared, actor: actor, in: db)
            try audit(db, context, actor, target: "unit/\(unit.unitID)",
                      detail: "\(prepared.kind == .plt ? "Plt" : "Plh") \(official.nip) \(RowCoding.text(from) ?? "")…\(RowCoding.text(until) ?? ""), \(prepared.decreeNumber)")
            return Identity.RecordActingAssignmentResponse(assignment: try ActingRecords.find(prepared.assignmentID, in: db))
        }
    }

    public func endActingAssignment(_ request: Identity.EndActingAssignmentRequest, context: ServerContext) async throws -> Identity.EndActingAssignmentResponse {
        try Invalid.requireID(request.assignmentID, "assignment_id")
        try Invalid.requireText(request.reason, "reason", max: 500)
        let lastDay = try Self.day(request.lastDay, "last_day", default: today)
        let existing = try await store.read { db in try ActingRecords.find(request.assignmentID, in: db) }
        guard let existing, let from = existing.validFrom, let until = existing.validUntil else {
            throw RPCError(.notFound, "no acting assignment \(request.assignmentID)")
        }
        guard from <= lastDay, lastDay <= until else {
            throw Invalid.field("last_day", "must lie within \(RowCoding.text(from) ?? "")…\(RowCoding.text(until) ?? "")", reason: "RANGE")
        }
        try await Access.required().require(.unit(id: existing.unitID))
        if existing.ended != nil && lastDay == until { return Identity.EndActingAssignmentResponse(assignment: existing) }
        return try await write(context, request) { [self] db, actor in
            try db.execute(sql: """
                UPDATE acting_assignment SET valid_until = ?, ended_by = ?, ended_kind = ?, ended_at = ? WHERE assignment_id = ?
                """, arguments: StatementArguments([RowCoding.text(lastDay)] as [(any DatabaseValueConvertible)?])
                    + StatementArguments(actor.arguments) + [request.assignmentID])
            try audit(db, context, actor, target: "unit/\(existing.unitID)",
                      detail: "acting assignment \(request.assignmentID) ends \(RowCoding.text(lastDay) ?? ""): \(request.reason)")
            return Identity.EndActingAssignmentResponse(assignment: try ActingRecords.find(request.assignmentID, in: db))
        }
    }

    public func listActingAssignments(_ request: Identity.ListActingAssignmentsRequest, context: ServerContext) async throws -> Identity.ListActingAssignmentsResponse {
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        if !request.actingNIP.isEmpty { try Invalid.requireNIP(request.actingNIP, "acting_nip") }
        if let scope = request.unit { try Invalid.requireID(scope.unitID, "unit.unit_id") }
        if let day = request.onDate, !day.isValid { throw Invalid.field("on_date", "is not a real date") }
        return try await store.read { db in
            var rows = try ActingRecords.all(in: db)
            if let scope = request.unit {
                guard try UnitRecords.find(scope.unitID, in: db) != nil else { throw RPCError(.notFound, "no unit \(scope.unitID)") }
                let units = Set(scope.includeSubunits ? try UnitQueries.subtree(of: scope.unitID, in: db) : [scope.unitID])
                rows = rows.filter { units.contains($0.unitID) }
            }
            if !request.actingNIP.isEmpty { rows = rows.filter { $0.actingNIP == request.actingNIP } }
            if let day = request.onDate {
                rows = rows.filter { ($0.validFrom.map { $0 <= day } ?? false) && ($0.validUntil.map { day <= $0 } ?? false) }
            }
            // Newest first: by valid_from, then id.
            rows.sort { a, b in
                let (x, y) = (a.validFrom ?? Common.Date.earliestValid, b.validFrom ?? Common.Date.earliestValid)
                return x == y ? a.assignmentID > b.assignmentID : y < x
            }
            let page = Array(rows.dropFirst(offset).prefix(size))
            return Identity.ListActingAssignmentsResponse(assignments: page, page: Paging.response(
                offset: offset, size: size, returned: page.count, more: rows.count > offset + size))
        }
    }

    /// A request's optional day: absent gives `default`; an invalid one is INVALID_ARGUMENT naming `field`.
    static func day(_ given: Common.Date?, _ field: String, default fallback: Common.Date) throws -> Common.Date {
        guard let given else { return fallback }
        guard given.isValid else { throw Invalid.field(field, "is not a real date", reason: "DATE") }
        return given
    }
}
