import Hummingbird
import KinerjaProto

/// The pegawai's progress per IKI for the year: verified realisation against the target as a bar,
/// the figure with pending reports beside it.
extension WebApp {
    func addProgressRoutes(to router: Router<WebRequestContext>) {
        router.get("/progres") { _, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            let reporting = try gateway.client(Reporting.ReportingService.Client.self)
            do {
                let response = try await asUser(session) {
                    try await reporting.getProgress(.init(nip: session.nip, period: Common.Period(year: today.year, kind: .annual)), options: $0)
                }
                let ikis = (response.progress?.ikis ?? []).map(Self.progressRow)
                return page("progress", title: "Progres saya", context: context,
                            data: ["ikis": ikis, "year": "\(today.year)", "pending": "\(response.progress?.pendingVerificationCount ?? 0)"])
            } catch is SessionEnded {
                return Self.signInFirst()
            } catch {
                return page("progress", title: "Progres saya", context: context, data: ["ikis": [Any]()], status: .serviceUnavailable,
                            error: StatusMessage.text(error))
            }
        }
    }

    static func progressRow(_ iki: Reporting.IkiProgress) -> [String: Any] {
        let percent = iki.capaianPercent?.value ?? 0
        let pending = iki.capaianWithPendingPercent?.value ?? percent
        // The bar is drawn with a <progress> element (no inline style): CSP forbids style attributes.
        return ["indicator": iki.indicator, "target": "\(ReportFormat.number(iki.target?.value ?? 0)) \(iki.target?.unit ?? "")",
                "verified": ReportFormat.number(iki.realisationVerified), "withPending": ReportFormat.number(iki.realisationWithPending),
                "percent": ReportFormat.percent(percent), "pendingPercent": ReportFormat.percent(pending),
                "bar": Int(min(100, max(0, percent)).rounded()), "pendingBar": Int(min(100, max(0, pending)).rounded()),
                "reports": "\(iki.verifiedCount) terverifikasi, \(iki.pendingCount) menunggu"]
    }
}
