import Hummingbird
import KinerjaASN
import KinerjaProto

/// The atasan's team compliance calendar: each bawahan against each day of the last four weeks —
/// filed, not filed, on leave, or not a working day — from reporting's compliance and absences.
extension WebApp {
    func addTeamCalendarRoutes(to router: Router<WebRequestContext>) {
        router.get("/tim/kalender") { _, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            do { return try await teamCalendarPage(session, context: context) } catch is SessionEnded { return Self.signInFirst() }
        }
    }

    func teamCalendarPage(_ session: WebSession, context: WebRequestContext) async throws -> Response {
        let title = "Kalender kepatuhan tim"
        let reporting = try gateway.client(Reporting.ReportingService.Client.self)
        let end = today
        let start = end.adding(days: -27) ?? end
        let range = Common.DateRange(startDate: start, endDate: end)
        do {
            let compliance = try await asUser(session) {
                try await reporting.getCompliance(.init(unit: Common.UnitScope(unitID: session.unitID, includeSubunits: true), dateRange: range,
                                                        includeEmployees: true), options: $0)
            }
            let team = Set(session.bawahanNIPs)
            var leave: [String: [Common.DateRange]] = [:]
            for nip in session.bawahanNIPs.prefix(100) {
                if let absences = try? await asUser(session, { try await reporting.listAbsences(.init(nip: nip, dateRange: range), options: $0) }) {
                    leave[nip] = absences.absences.compactMap(\.dates)
                }
            }
            let members = compliance.employees.filter { team.contains($0.employee?.nip ?? "") }
                .sorted { ($0.employee?.displayName ?? "") < ($1.employee?.displayName ?? "") }
            let grid = TeamCalendar(days: compliance.days, members: members, leave: leave)
            return page("team-calendar", title: title, context: context, data: [
                "from": start.isoString, "to": end.isoString, "days": grid.header, "rows": grid.rows, "hasRows": !grid.rows.isEmpty])
        } catch let error as RPCError {
            let status: HTTPResponse.Status = error.code == .permissionDenied ? .forbidden : .serviceUnavailable
            return page("team-calendar", title: title, context: context, status: status, error: StatusMessage.text(error))
        }
    }
}

/// The calendar's cells, from the compliance answer: pure, so the marking rule is testable.
struct TeamCalendar {
    /// A day's mark for one employee.
    enum Mark: String {
        case filed = "cal-filed", missing = "cal-missing", leave = "cal-leave", nonWorking = "cal-off", notExpected = "cal-none"

        var symbol: String {
            switch self {
            case .filed: "✓"
            case .missing: "✗"
            case .leave: "C"
            case .nonWorking: "·"
            case .notExpected: "–"
            }
        }

        var label: String {
            switch self {
            case .filed: "melapor"
            case .missing: "belum melapor"
            case .leave: "cuti atau izin"
            case .nonWorking: "bukan hari kerja"
            case .notExpected: "tidak wajib melapor"
            }
        }
    }

    let header: [[String: String]]
    let rows: [[String: Any]]

    init(days: [Reporting.ComplianceDay], members: [Reporting.EmployeeCompliance], leave: [String: [Common.DateRange]]) {
        let dates = days.compactMap { day in day.date.map { ($0, day.workingDay) } }
        header = dates.map { date, _ in ["label": "\(date.day)", "weekday": Self.weekday(date)] }
        rows = members.map { member in
            let nip = member.employee?.nip ?? ""
            let missing = Set(member.missingDates.map(\.isoString))
            let cells = dates.map { date, working -> [String: String] in
                let mark = Self.mark(date: date, working: working, missing: missing, leave: leave[nip] ?? [], expected: member.workingDays > 0)
                return ["class": mark.rawValue, "symbol": mark.symbol, "label": "\(date.isoString): \(mark.label)"]
            }
            return ["name": member.employee?.displayName ?? nip, "cells": cells,
                    "summary": "\(member.daysFiled) dari \(member.workingDays) hari"] as [String: Any]
        }
    }

    static func mark(date: Common.Date, working: Bool, missing: Set<String>, leave: [Common.DateRange], expected: Bool) -> Mark {
        if leave.contains(where: { range in
            guard let from = range.startDate, let to = range.endDate else { return false }
            return from <= date && date <= to
        }) { return working ? .leave : .nonWorking }
        if !working { return .nonWorking }
        if missing.contains(date.isoString) { return .missing }
        return expected ? .filed : .notExpected
    }

    static func weekday(_ date: Common.Date) -> String {
        switch date.weekday?.rawValue {
        case 1: "Sn"
        case 2: "Sl"
        case 3: "Rb"
        case 4: "Km"
        case 5: "Jm"
        case 6: "Sb"
        case 7: "Mg"
        default: ""
        }
    }
}
