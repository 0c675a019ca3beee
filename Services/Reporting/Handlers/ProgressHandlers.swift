public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaService
import KinerjaStore

extension ReportingHandlers {
    /// The period of a request (INVALID_ARGUMENT `PERIOD_INVALID` when missing or malformed).
    static func checkPeriod(_ period: Common.Period?) throws -> (period: Common.Period, days: WitaDayRange) {
        guard let period else { throw ReportingError(.periodInvalid, "the period is required: a month, a triwulan or a year", field: "period") }
        return (period, try ReportingPeriods.days(of: period))
    }

    /// The progress of `people` for `period`: planning's targets (batched), the calendar and the
    /// units' paths, then ``ProgressReader`` over the store.
    func progress(for people: [Identity.Employee], period: Common.Period) async throws -> [Reporting.EmployeeProgress] {
        _ = try ReportingPeriods.days(of: period)
        let targets = try await planning.targets(nips: people.map(\.nip), period: period)
        let calendar = try await calendar()
        let paths = try await organisation.paths(of: Set(people.map(\.unitID)))
        return try await ProgressReader.progress(of: people, period: period, targets: targets, calendar: calendar, paths: paths,
                                                 store: store, now: clock())
    }

    /// The progress of `people` for `period` per SKP (`per_skp`): for each person, one entry per SKP
    /// covering days of the period in period order (planning's `StreamTargets` with `per_skp`),
    /// or one NO_SKP entry.
    func progressPerSkp(for people: [Identity.Employee], period: Common.Period) async throws -> [[Reporting.EmployeeProgress]] {
        _ = try ReportingPeriods.days(of: period)
        let targets = try await planning.targetsPerSkp(nips: people.map(\.nip), period: period)
        let calendar = try await calendar()
        let paths = try await organisation.paths(of: Set(people.map(\.unitID)))
        return try await ProgressReader.progress(of: people, period: period, skpTargets: targets, calendar: calendar, paths: paths,
                                                 store: store, now: clock())
    }

    public func getProgress(_ request: Reporting.GetProgressRequest, context: ServerContext) async throws -> Reporting.GetProgressResponse {
        try Invalid.requireNIP(request.nip)
        let (period, _) = try Self.checkPeriod(request.period)
        try await Access.required().require(.employee(nip: request.nip))
        let person = try await employee(request.nip)
        var response = Reporting.GetProgressResponse(progress: try await progress(for: [person], period: period).first)
        if request.perSkp {
            response.skps = (try await progressPerSkp(for: [person], period: period).first ?? []).filter { !$0.skpID.isEmpty }
        }
        return response
    }

    public func getTeamProgress(_ request: Reporting.GetTeamProgressRequest, context: ServerContext) async throws -> Reporting.GetTeamProgressResponse {
        let atasan = request.atasanNIP.isEmpty ? try user().nip : request.atasanNIP
        try Invalid.requirePersonID(atasan, "atasan_nip")
        let (period, days) = try Self.checkPeriod(request.period)
        try await Access.required().require(.employee(nip: atasan))
        _ = try await employee(atasan)
        let team = try await organisation.bawahan(of: atasan, indirect: request.includeIndirect)
        let calendar = try await calendar()
        let paths = try await organisation.paths(of: Set(team.map(\.unitID)))
        var members: [Reporting.TeamMemberProgress] = []
        for chunk in team.chunked(1000) {
            let rows = try await progress(for: Array(chunk), period: period)
            for (person, row) in zip(chunk, rows) {
                members.append(Progress.teamMember(row, calendar: calendar, unitPath: paths[person.unitID] ?? [person.unitID]))
            }
        }
        let today = self.today
        return Reporting.GetTeamProgressResponse(members: members, period: period, asOfDate: days.end < today ? days.end : today)
    }

    public func streamUnitProgress(_ request: Reporting.StreamUnitProgressRequest, responses: RPCWriter<Reporting.StreamUnitProgressResponse>,
                                   context: ServerContext) async throws {
        guard let scope = request.unit, !scope.unitID.isEmpty else { throw Invalid.field("unit.unit_id", "is required", reason: "REQUIRED") }
        let (period, _) = try Self.checkPeriod(request.period)
        try await requireUnit(scope.unitID, field: "unit.unit_id")
        try await Access.required().require(.unit(id: scope.unitID))
        let people = try await directory.members(of: scope.unitID, includeSubunits: scope.includeSubunits)
        for chunk in people.chunked(500) {
            let rows = request.perSkp ? try await progressPerSkp(for: Array(chunk), period: period).flatMap { $0 }
                : try await progress(for: Array(chunk), period: period)
            for row in rows { try await responses.write(Reporting.StreamUnitProgressResponse(progress: row)) }
        }
    }

    public func getCompliance(_ request: Reporting.GetComplianceRequest, context: ServerContext) async throws -> Reporting.GetComplianceResponse {
        guard let scope = request.unit, !scope.unitID.isEmpty else { throw Invalid.field("unit.unit_id", "is required", reason: "REQUIRED") }
        let range = try Compliance.checkRange(request.dateRange, today: today)
        try await requireUnit(scope.unitID, field: "unit.unit_id")
        let access = try Access.required()
        if !(try await access.allows(.unit(id: scope.unitID))) {
            try await access.require(.unitAtasan, target: "unit/\(scope.unitID)",
                                     message: "an atasan sees the compliance of their own unit only") { [organisation] in
                guard let me = access.caller.user else { return false }
                let path = try await organisation.path(of: scope.unitID)
                guard path.contains(me.unitID) else { return false }
                return try await organisation.hasBawahan(me.nip)
            }
        }
        let people = try await directory.members(of: scope.unitID, includeSubunits: scope.includeSubunits)
        let nips = people.map(\.nip)
        // Filing is expected only of employees with an SKP for the year (planning, batched).
        var expected: [String: [WitaDayRange]] = [:]
        for year in Set([range.start.year, range.end.year]).sorted() {
            guard let whole = WitaDayRange(period: Common.Period(year: year, kind: .annual)) else { continue }
            for (nip, targets) in try await planning.targets(nips: nips, period: Common.Period(year: year, kind: .annual))
            where targets.availability == .approved || targets.availability == .provisional {
                expected[nip, default: []].append(whole)
            }
        }
        let calendar = try await calendar()
        let paths = try await organisation.paths(of: Set(people.map(\.unitID)))
        let (filed, absences) = try await store.read { db in
            (try ReportRecords.filedDays(nips: nips, days: range, in: db), try AbsenceRecords.overlapping(nips: nips, days: range, in: db))
        }
        let employees = people.map { person in
            ComplianceEmployee(employee: person.reference, atasanNIP: person.atasanNIP, unitPath: paths[person.unitID] ?? [person.unitID],
                               expectedDays: expected[person.nip] ?? [])
        }
        let result = Compliance.compute(range: range, employees: employees, filed: filed, absences: AbsenceIndex(absences), calendar: calendar)
        return result.response(unitID: scope.unitID, includeEmployees: request.includeEmployees, nonCompliantOnly: request.nonCompliantOnly)
    }
}
