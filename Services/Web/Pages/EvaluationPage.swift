import Hummingbird
import KinerjaProto

/// The pegawai's own evaluations of the year: per period the Hasil Kerja and Perilaku ratings,
/// the predikat and whether it is final.
extension WebApp {
    func addEvaluationRoutes(to router: Router<WebRequestContext>) {
        router.get("/evaluasi") { _, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            let evaluation = try gateway.client(Evaluation.EvaluationService.Client.self)
            do {
                let response = try await asUser(session) {
                    try await evaluation.listEmployeeEvaluations(.init(nip: session.nip, fromYear: today.year, toYear: today.year), options: $0)
                }
                let rows = response.evaluations.filter { !$0.excluded }.map { item in
                    ["period": item.period.map(Self.periodText) ?? item.periodID,
                     "hasilKerja": Self.rating(item.hasilKerja?.rating), "perilaku": Self.rating(item.perilakuKerja?.rating),
                     "predikat": ReportFormat.predikat(item.predikat), "state": Self.evaluationState(item.state),
                     "evaluator": item.evaluator?.displayName ?? ""]
                }
                return page("evaluation", title: "Evaluasi saya", context: context, data: ["evaluations": rows, "year": "\(today.year)"])
            } catch let error as RPCError {
                return page("evaluation", title: "Evaluasi saya", context: context, status: .serviceUnavailable, error: StatusMessage.text(error))
            }
        }
    }

    static func periodText(_ period: Common.Period) -> String {
        switch period.kind {
        case .monthly: return "Bulan \(period.month)/\(period.year)"
        case .quarterly:
            let names: [Common.Triwulan: String] = [.i: "I", .ii: "II", .iii: "III", .iv: "IV"]
            return "Triwulan \(names[period.triwulan] ?? "?") \(period.year)"
        case .annual: return "Tahunan \(period.year)"
        default: return "\(period.year)"
        }
    }

    static func rating(_ rating: Common.Rating?) -> String {
        switch rating {
        case .diAtasEkspektasi?: "Di Atas Ekspektasi"
        case .sesuaiEkspektasi?: "Sesuai Ekspektasi"
        case .diBawahEkspektasi?: "Di Bawah Ekspektasi"
        default: "belum dinilai"
        }
    }

    static func evaluationState(_ state: Evaluation.EvaluationState) -> String {
        switch state {
        case .pending, .proposed: "Belum dinilai"
        case .partiallyRated: "Sebagian dinilai"
        case .rated: "Dinilai"
        case .finalised: "Final"
        default: "—"
        }
    }
}
