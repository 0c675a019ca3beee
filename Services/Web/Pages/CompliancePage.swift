import Hummingbird
import KinerjaASN
import KinerjaProto

/// Pengelola kinerja and pimpinan: who in their unit (with sub-units) has not filed on the working
/// days of the last four weeks, least compliant first.
extension WebApp {
    func addComplianceRoutes(to router: Router<WebRequestContext>) {
        router.get("/kepatuhan") { _, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            let reporting = try gateway.client(Reporting.ReportingService.Client.self)
            let end = today.adding(days: -1) ?? today
            let start = end.adding(days: -27) ?? end
            do {
                let response = try await asUser(session) {
                    try await reporting.getCompliance(.init(unit: Common.UnitScope(unitID: session.unitID, includeSubunits: true),
                                                            dateRange: Common.DateRange(startDate: start, endDate: end),
                                                            includeEmployees: true, nonCompliantOnly: true), options: $0)
                }
                let employees = response.employees.sorted { $0.compliancePercent < $1.compliancePercent }.prefix(200).map { item in
                    ["name": item.employee?.displayName ?? "", "filed": "\(item.daysFiled) dari \(item.workingDays)",
                     "percent": ReportFormat.percent(item.compliancePercent),
                     "missing": item.missingDates.suffix(5).map(\.isoString).joined(separator: ", ")]
                }
                return page("compliance", title: "Kepatuhan pelaporan", context: context, data: [
                    "unit": session.unitName, "from": start.isoString, "to": end.isoString,
                    "percent": ReportFormat.percent(response.unitCompliancePercent), "employees": Array(employees),
                    "hasEmployees": !employees.isEmpty])
            } catch let error as RPCError {
                let status: HTTPResponse.Status = error.code == .permissionDenied ? .forbidden : .serviceUnavailable
                return page("compliance", title: "Kepatuhan pelaporan", context: context, status: status, error: StatusMessage.text(error))
            }
        }
    }
}
