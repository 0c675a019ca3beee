import Foundation
import Hummingbird
import KinerjaProto

/// Pengelola kinerja and pimpinan: a unit's curve for an evaluation period — the quotas the
/// organisation rating sets, what has been rated so far, any breach — as a plot and a table, and
/// each rater's leniency against the unit.
extension WebApp {
    func addCurveRoutes(to router: Router<WebRequestContext>) {
        router.get("/kurva") { request, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            do {
                let finalised = request.uri.queryParameters["final"].map { "Periode difinalkan: \($0) evaluasi dikunci." }
                return try await curvePage(session, context: context, chosen: request.uri.queryParameters["periode"].map(String.init), notice: finalised)
            } catch is SessionEnded { return Self.signInFirst() }
        }
    }

    /// The curve of `chosen` (else the period being rated); after a refused finalisation, `askExplanation`
    /// opens the explanation form and `refusedBreaches` lists what the service refused.
    func curvePage(_ session: WebSession, context: WebRequestContext, chosen: String?, status: HTTPResponse.Status = .ok,
                   notice: String? = nil, error: String? = nil, askExplanation: Bool = false,
                   refusedBreaches: [Common.CurveBreach] = []) async throws -> Response {
        let evaluation = try gateway.client(Evaluation.EvaluationService.Client.self)
        let identity = try gateway.client(Identity.IdentityService.Client.self)
        do {
            var periods: [Evaluation.EvaluationPeriod]
            do {
                periods = try await asUser(session) {
                    try await evaluation.listPeriods(.init(year: today.year, page: Common.PageRequest(pageSize: 500)), options: $0)
                }.periods
            } catch let error as RPCError where error.code == .permissionDenied {
                do {
                    periods = try await asUser(session) {
                        try await evaluation.listPeriods(.init(unit: Common.UnitScope(unitID: session.unitID, includeSubunits: true), year: today.year,
                                                               page: Common.PageRequest(pageSize: 500)), options: $0)
                    }.periods
                } catch let error as RPCError where error.code == .permissionDenied {
                    // No scope to list (the pimpinan above a unit, a penilai): the period the link names,
                    // which evaluation lets them read.
                    guard let chosen, Self.isIdentifier(chosen) else { throw error }
                    periods = try await asUser(session) { try await evaluation.getPeriod(.init(periodID: chosen), options: $0) }.period.map { [$0] } ?? []
                }
            }
            let units = try await asUser(session) {
                try await identity.listUnits(.init(page: Common.PageRequest(pageSize: 1000)), options: $0)
            }.units
            let names = Dictionary(units.map { ($0.unitID, $0.name) }, uniquingKeysWith: { first, _ in first })
            periods = periods.filter { $0.period?.kind == .quarterly }
            let selected = periods.first { $0.periodID == chosen } ?? periods.first { $0.state == .penilaian } ?? periods.first
            let options = periods.map { period in
                ["id": period.periodID, "label": "\(names[period.unit?.unitID ?? ""] ?? "?") — \(Self.periodLabel(period))",
                 "selected": period.periodID == selected?.periodID ? "selected" : ""]
            }
            var data: [String: Any] = ["periods": options, "hasPeriods": !options.isEmpty]
            if let selected {
                data["periodID"] = selected.periodID
                data["revision"] = "\(selected.revision)"
                data["finalisable"] = selected.state == .penilaian
                data["isFinal"] = selected.state == .finalised
                data["override"] = askExplanation
                data["refused"] = refusedBreaches.map { ["text": Self.breachText($0)] }
                data["unitID"] = selected.unit?.unitID ?? ""
                data["month"] = Self.lastMonth(of: selected)
                let curve = try await asUser(session) { try await evaluation.getCurve(.init(periodID: selected.periodID), options: $0) }.curve
                    ?? Evaluation.CurveStatus()
                data["unit"] = names[curve.unitID] ?? curve.unitID
                data["period"] = Self.periodLabel(selected)
                data["rating"] = Self.organisationRating(curve.organisationRating)
                data["population"] = curve.population
                data["rated"] = curve.ratedCount
                data["compliant"] = curve.compliant
                data["svg"] = CurvePlot.svg(curve)
                data["quotas"] = curve.quotas.map { ["rule": $0.ruleTextID.isEmpty ? $0.ruleText : $0.ruleTextID, "min": $0.minCount, "max": $0.maxCount] as [String: Any] }
                data["breaches"] = curve.breaches.map { ["text": $0.explanationID.isEmpty ? $0.explanation : $0.explanationID] }
                // Each rater against the unit: inflation is the process's known failure (SE 3/2023 context).
                if let leniency = try? await asUser(session, { options in
                    try await evaluation.getRaterLeniency(.init(unit: selected.unit, period: selected.period, span: selected.span), options: options)
                }) {
                    data["raters"] = leniency.raters.map { rater in
                        ["name": rater.rater?.displayName ?? "", "count": rater.ratedCount, "mean": String(format: "%.2f", rater.meanScore),
                         "index": String(format: "%+.2f", rater.leniencyIndex), "flagged": rater.flagged] as [String: Any]
                    }
                    data["hasRaters"] = !leniency.raters.isEmpty
                    data["unitMean"] = String(format: "%.2f", leniency.unitMeanScore)
                }
                data["distribution"] = CurvePlot.order.map { predikat in
                    ["predikat": ReportFormat.predikat(predikat), "count": curve.distribution.first { $0.predikat == predikat }?.count ?? 0] as [String: Any]
                }
            }
            return page("curve", title: "Kurva distribusi", context: context, data: data, status: status, notice: notice, error: error)
        } catch let failure as RPCError {
            let status: HTTPResponse.Status = failure.code == .permissionDenied ? .forbidden : .serviceUnavailable
            return page("curve", title: "Kurva distribusi", context: context, data: [:], status: status, error: error ?? StatusMessage.text(failure))
        }
    }

    /// The TPP export's default month, `YYYY-MM`: the period's last month once it is final, else
    /// the month before it began (the latest whose factors can be final).
    static func lastMonth(of period: Evaluation.EvaluationPeriod) -> String {
        guard let p = period.period else { return "" }
        let last: Int32 = switch p.kind {
        case .quarterly: Int32(max(1, min(4, Int(p.triwulan.rawValue)))) * 3
        case .monthly: p.month
        default: 12
        }
        if period.state == .finalised { return String(format: "%04d-%02d", p.year, last) }
        let first = p.kind == .quarterly ? last - 2 : p.kind == .monthly ? last : 1
        return first == 1 ? String(format: "%04d-12", p.year - 1) : String(format: "%04d-%02d", p.year, first - 1)
    }

    static func periodLabel(_ period: Evaluation.EvaluationPeriod) -> String {
        guard let p = period.period else { return period.periodID }
        switch p.triwulan {
        case .i: return "Triwulan I \(p.year)"
        case .ii: return "Triwulan II \(p.year)"
        case .iii: return "Triwulan III \(p.year)"
        case .iv: return "Triwulan IV \(p.year)"
        default: return "\(p.year)"
        }
    }

    static func organisationRating(_ rating: Common.OrganisationRating) -> String {
        switch rating {
        case .istimewa: "Istimewa"
        case .baik: "Baik"
        case .butuhPerbaikan: "Butuh Perbaikan"
        case .kurang: "Kurang"
        case .sangatKurang: "Sangat Kurang"
        default: "belum ditetapkan"
        }
    }
}
