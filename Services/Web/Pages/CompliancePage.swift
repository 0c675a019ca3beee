import Hummingbird
import KinerjaASN
import KinerjaProto

/// Pengelola kinerja and pimpinan: who in their unit (with sub-units) has not filed on the working
/// days of the last four weeks, least compliant first.
extension WebApp {
    func addComplianceRoutes(to router: Router<WebRequestContext>) {
        router.get("/kepatuhan") { request, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            let reporting = try gateway.client(Reporting.ReportingService.Client.self)
            let identity = try gateway.client(Identity.IdentityService.Client.self)
            let end = today.adding(days: -1) ?? today
            let start = end.adding(days: -27) ?? end
            do {
                // The perangkat daerah and their bidang (depth ≤ 2) to choose from; the user's own unit by default.
                let units = try await asUser(session) { try await identity.listUnits(.init(page: Common.PageRequest(pageSize: 1000)), options: $0) }.units
                    .filter { $0.active && $0.depth <= 2 }.sorted { $0.code < $1.code }
                let asked = request.uri.queryParameters["unit"].map(String.init)
                let chosen = units.first { $0.unitID == asked } ?? units.first { $0.unitID == session.unitID }
                let unitID = chosen?.unitID ?? session.unitID
                let options = units.map { ["id": $0.unitID, "label": "\($0.code) — \($0.name)", "selected": $0.unitID == unitID ? "selected" : ""] }
                let response = try await asUser(session) {
                    try await reporting.getCompliance(.init(unit: Common.UnitScope(unitID: unitID, includeSubunits: true),
                                                            dateRange: Common.DateRange(startDate: start, endDate: end),
                                                            includeEmployees: true, nonCompliantOnly: true), options: $0)
                }
                let employees = response.employees.sorted { $0.compliancePercent < $1.compliancePercent }.prefix(200).map { item in
                    ["name": item.employee?.displayName ?? "", "filed": "\(item.daysFiled) dari \(item.workingDays)",
                     "percent": ReportFormat.percent(item.compliancePercent),
                     "missing": item.missingDates.suffix(5).map(\.isoString).joined(separator: ", ")]
                }
                return page("compliance", title: "Kepatuhan pelaporan", context: context, data: [
                    "units": options, "unit": chosen?.name ?? session.unitName, "from": start.isoString, "to": end.isoString,
                    "percent": ReportFormat.percent(response.unitCompliancePercent), "employees": Array(employees),
                    "hasEmployees": !employees.isEmpty])
            } catch let error as RPCError {
                let status: HTTPResponse.Status = error.code == .permissionDenied ? .forbidden : .serviceUnavailable
                return page("compliance", title: "Kepatuhan pelaporan", context: context, status: status, error: StatusMessage.text(error))
            }
        }
    }
}
