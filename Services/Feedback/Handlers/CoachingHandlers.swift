public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaService
import KinerjaStore

extension FeedbackHandlers {
    /// The stored coaching record `id`, or NOT_FOUND.
    func storedCoaching(_ id: String) async throws -> Feedback.CoachingRecord {
        let found = try await store.read { db in try DialogRecords.coaching(id, in: db) }
        guard let record = found else { throw RPCError(.notFound, "no coaching record \(id)", reason: "COACHING_NOT_FOUND") }
        return record
    }

    public func recordCoaching(_ request: Feedback.RecordCoachingRequest, context: ServerContext) async throws -> Feedback.RecordCoachingResponse {
        let me = try callerNIP()
        let today = self.today
        let coacheeNIP = request.coaching?.coacheeNIP ?? ""
        do {
            _ = try CoachingRules.validatedRecord(request, coachNIP: me, standing: FeedbackStanding(levelsAbove: 1), appointedCoach: true, today: today)
        } catch where error.code.category == .invalidArgument {
            throw error
        } catch {}
        let coachee = try await employee(coacheeNIP, "coachee")
        let standing = try await standing(of: me, to: coachee)
        let heldOn = request.coaching?.heldOn ?? today
        let appointed = try await store.read { db in try DialogRecords.isAppointed(coach: me, coachee: coachee.nip, on: heldOn, in: db) }
        let content = try await decide(.coach, target: coachee.nip) {
            try CoachingRules.validatedRecord(request, coachNIP: me, standing: standing, appointedCoach: appointed, today: today)
        }
        let id = newID()
        return try await write(context, request) { [self] db, actor in
            var record = content
            record.coachingID = id
            record.recorded = actor.stamp
            try DialogRecords.insert(record, coacheeUnitID: coachee.unitID, in: db)
            try audit(db, context, actor, target: "coaching/\(id)",
                      detail: "\(record.kind.stateLabel) with \(coachee.nip)" + (standing.levelsAbove >= 1 ? "" : " as appointed coach"))
            return Feedback.RecordCoachingResponse(coaching: record)
        }
    }

    public func getCoaching(_ request: Feedback.GetCoachingRequest, context: ServerContext) async throws -> Feedback.GetCoachingResponse {
        let id = try FeedbackInput.id(request.coachingID, field: "coaching_id")
        let record = try await storedCoaching(id)
        let me = try Access.required().caller.user?.nip
        try await visible("coaching record \(id)") {
            try await require(.recordParty, me == record.coachNIP || me == record.coacheeNIP, or: .employee(nip: record.coacheeNIP))
        }
        return Feedback.GetCoachingResponse(coaching: record)
    }

    public func listCoaching(_ request: Feedback.ListCoachingRequest, context: ServerContext) async throws -> Feedback.ListCoachingResponse {
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        let access = try Access.required()
        let me = try callerNIP()
        var conditions: [String] = []
        var arguments: StatementArguments = []
        for (field, value) in [("coachee_nip", request.coacheeNIP), ("coach_nip", request.coachNIP)] where !value.isEmpty {
            let nip = try FeedbackInput.nip(value, field: field)
            if nip != me { try await access.require(.employee(nip: nip)) }
            conditions.append("\(field) = ?"); arguments += [nip]
        }
        if conditions.isEmpty { conditions.append("(coachee_nip = ? OR coach_nip = ?)"); arguments += [me, me] }
        if request.kind != .unspecified { conditions.append("kind = ?"); arguments += [request.kind.rawValue] }
        if let range = request.dateRange {
            let days = try FeedbackInput.days(of: range, maximumDays: Int.max)
            conditions.append("held_on BETWEEN ? AND ?"); arguments += [days.start.isoString, days.end.isoString]
        }
        let (where_, bound) = (conditions, arguments)
        let (rows, all) = try await store.read { db in
            (try DialogRecords.coaching(where: where_, bound, limit: size + 1, offset: offset, in: db),
             try DialogRecords.coachingScores(where: where_, bound, in: db))
        }
        return Feedback.ListCoachingResponse(
            records: Array(rows.prefix(size)), page: Paging.response(offset: offset, size: size, returned: min(size, rows.count), more: rows.count > size),
            meanCoacheeScore: CoachingRules.meanCoacheeScore(all).map { Common.DoubleValue(value: $0) })
    }

    public func rateCoaching(_ request: Feedback.RateCoachingRequest, context: ServerContext) async throws -> Feedback.RateCoachingResponse {
        let id = try FeedbackInput.id(request.coachingID, field: "coaching_id")
        let me = try callerNIP()
        let current = try await storedCoaching(id)
        return try await decide(.coachee, target: current.coacheeNIP) {
            try await write(context, request) { [self] db, actor in
                guard var record = try DialogRecords.coaching(id, in: db) else { throw RPCError(.notFound, "no coaching record \(id)") }
                record.coacheeRating = try CoachingRules.rating(request, of: record, by: me, stamp: actor.stamp)
                record.revision += 1
                try DialogRecords.update(record, in: db)
                try audit(db, context, actor, target: "coaching/\(id)", detail: "rated by the coachee")
                return Feedback.RateCoachingResponse(coaching: record)
            }
        }
    }

    public func appointCoach(_ request: Feedback.AppointCoachRequest, context: ServerContext) async throws -> Feedback.AppointCoachResponse {
        let input = request.appointment ?? Feedback.CoachAppointment()
        let today = self.today
        var out = Feedback.CoachAppointment()
        var problems: [Common.FieldViolation] = []
        func check(_ body: () throws(FeedbackError) -> Void) {
            do throws(FeedbackError) { try body() } catch { problems += error.fieldViolations }
        }
        check { () throws(FeedbackError) in out.coachNIP = try FeedbackInput.nip(input.coachNIP, field: "appointment.coach_nip") }
        check { () throws(FeedbackError) in out.coacheeNIP = try FeedbackInput.nip(input.coacheeNIP, field: "appointment.coachee_nip") }
        if !input.coachNIP.isEmpty, input.coachNIP == input.coacheeNIP {
            problems.append(Common.FieldViolation(field: "appointment.coach_nip", description: "a coach coaches someone else", reason: "FIELD_REQUIRED"))
        }
        if let until = input.until {
            if !until.isValid || until < today {
                problems.append(Common.FieldViolation(field: "appointment.until", description: "must be a real WITA day, not before today",
                                                      reason: "DATE_INVALID"))
            }
            out.until = until
        }
        check { () throws(FeedbackError) in
            out.reason = try FeedbackText.validated(input.reason, field: "appointment.reason", range: FeedbackLimits.appointmentReason)
        }
        if let error = FeedbackError(violations: problems) { throw error }
        let coachee = try await employee(out.coacheeNIP, "coachee")
        _ = try await employee(out.coachNIP, "coach")
        try await Access.required().require(.employee(nip: coachee.nip))
        let id = newID()
        let content = out
        return try await write(context, request) { [self] db, actor in
            var appointment = content
            appointment.appointmentID = id
            appointment.appointed = actor.stamp
            try DialogRecords.insert(appointment, in: db)
            try audit(db, context, actor, target: "coach-appointment/\(id)",
                      detail: "\(appointment.coachNIP) coaches \(appointment.coacheeNIP)" + (appointment.until.map { " until \($0.isoString)" } ?? "")
                        + ": \(appointment.reason)")
            return Feedback.AppointCoachResponse(appointment: appointment)
        }
    }
}
