import Hummingbird
import KinerjaProto

/// The first page after sign-in: who you are, your SKP's indicators for the year (read only), and
/// where to go next for your role.
extension WebApp {
    func addHomeRoutes(to router: Router<WebRequestContext>) {
        router.get("/") { _, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            let planning = try gateway.client(Planning.PlanningService.Client.self)
            var data: [String: Any] = ["atasan": session.isAtasan, "manager": session.isManager]
            var problem: String?
            do {
                let targets = try await asUser(session) {
                    try await planning.getTargets(.init(nip: session.nip, period: Common.Period(year: today.year, kind: .annual), allowProvisional: true), options: $0)
                }.targets
                data["year"] = "\(today.year)"
                data["provisional"] = targets?.availability == .provisional
                data["ikis"] = (targets?.targets ?? []).map { target in
                    ["rhk": target.rhkText, "kind": target.rhkKind == .utama ? "Utama" : "Tambahan", "indicator": target.indicator,
                     "target": "\(ReportFormat.number(target.annualTarget?.value ?? target.periodTarget?.value ?? 0)) \(target.annualTarget?.unit ?? target.periodTarget?.unit ?? "")"]
                }
            } catch is SessionEnded {
                return Self.signInFirst()
            } catch {
                problem = StatusMessage.text(error)
            }
            return page("home", title: "Beranda", context: context, data: data, error: problem)
        }
    }
}
