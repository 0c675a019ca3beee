import Hummingbird
import KinerjaProto

/// The atasan's team: each bawahan's average capaian, IKIs on track, days filed and reports
/// waiting for verification.
extension WebApp {
    func addTeamRoutes(to router: Router<WebRequestContext>) {
        router.get("/tim") { _, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            let reporting = try gateway.client(Reporting.ReportingService.Client.self)
            do {
                let response = try await asUser(session) {
                    try await reporting.getTeamProgress(.init(atasanNIP: session.nip, period: Common.Period(year: today.year, kind: .annual)), options: $0)
                }
                let members = response.members.map { member in
                    let percent = member.averageCapaianPercent?.value ?? 0
                    return ["name": member.employee?.displayName ?? "", "percent": ReportFormat.percent(percent),
                            "bar": Int(min(100, max(0, percent)).rounded()), "onTrack": "\(member.ikiOnTrackCount) dari \(member.ikiCount)",
                            "filed": "\(member.daysFiled) dari \(member.workingDays)", "pending": member.pendingVerificationCount] as [String: Any]
                }
                return page("team", title: "Progres tim", context: context, data: ["members": members, "year": "\(today.year)"])
            } catch let error as RPCError {
                return page("team", title: "Progres tim", context: context, status: .serviceUnavailable, error: StatusMessage.text(error))
            }
        }
    }
}
