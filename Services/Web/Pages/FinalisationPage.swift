import Hummingbird
import KinerjaProto

/// The pimpinan above a unit finalises its period from the curve page. When evaluation refuses
/// because the curve is breached, the page lists each breach and asks for the explanation
/// (20–2000 characters) under which evaluation accepts them — an override it audits.
extension WebApp {
    func addFinalisationRoutes(to router: Router<WebRequestContext>) {
        router.post("/kurva/final") { _, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            do { return try await finalise(session, context: context) } catch is SessionEnded { return Self.signInFirst() }
        }
    }

    func finalise(_ session: WebSession, context: WebRequestContext) async throws -> Response {
        let form = context.form
        let periodID = form["periode"] ?? ""
        let revision = form["revisi"].flatMap(UInt64.init) ?? 0
        let reason = (form["penjelasan"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard Self.isIdentifier(periodID) else {
            return try await curvePage(session, context: context, chosen: nil, status: .badRequest, error: "Pilih periode yang akan difinalkan.")
        }
        if form["dengan_penjelasan"] == "1" && !(20...2000).contains(reason.count) {
            return try await curvePage(session, context: context, chosen: periodID, status: .badRequest,
                                       error: "Penjelasan pelanggaran kurva wajib diisi (20–2000 karakter).", askExplanation: true)
        }
        let evaluation = try gateway.client(Evaluation.EvaluationService.Client.self)
        do {
            let response = try await asUser(session, write: "eval-finalise") {
                try await evaluation.finalisePeriod(.init(periodID: periodID, overrideReason: reason, expectedRevision: revision), options: $0)
            }
            logger.info("period finalised", metadata: ["period": "\(periodID)", "count": "\(response.finalisedCount)", "override": "\(!reason.isEmpty)"])
            return Self.seeOther("/kurva?periode=\(periodID)&final=\(response.finalisedCount)")
        } catch let error as RPCError {
            let breaches = error.details.flatMap { detail -> [Common.CurveBreach] in
                if case .curveBreach(let info)? = detail.detail { return info.breaches }
                return []
            }
            if !breaches.isEmpty {
                return try await curvePage(session, context: context, chosen: periodID, status: .conflict,
                                           error: "Sebaran predikat melanggar kurva. Finalisasi hanya dapat dilanjutkan dengan penjelasan (dicatat dalam log audit).",
                                           askExplanation: true, refusedBreaches: breaches)
            }
            return try await curvePage(session, context: context, chosen: periodID, status: .unprocessableContent, error: Self.finalisationRefusal(error))
        }
    }

    /// The service's refusal of a finalisation, in Indonesian, by status.
    static func finalisationRefusal(_ error: RPCError) -> String {
        switch error.code {
        case .failedPrecondition:
            return "Periode belum dapat difinalkan: masih ada evaluasi yang belum dinilai, predikat organisasi belum ditetapkan, atau periode sudah final."
        case .aborted: return "Periode telah berubah sejak halaman dibuka. Muat ulang halaman lalu coba lagi."
        case .permissionDenied: return "Hanya pimpinan di atas unit yang dapat memfinalkan periode ini."
        case .invalidArgument: return "Penjelasan pelanggaran kurva harus 20–2000 karakter."
        default: return StatusMessage.text(error)
        }
    }

    /// A breach as a sentence: the service's Indonesian wording, else the count against the limit.
    static func breachText(_ breach: Common.CurveBreach) -> String {
        if !breach.explanationID.isEmpty { return breach.explanationID }
        let bound = breach.bound ?? Common.CurveBound()
        let subject = [bound.predikat, bound.alsoPredikat].filter { $0 != .unspecified }.map(ReportFormat.predikat).joined(separator: " atau ")
        return "\(subject): \(breach.actualCount) dari \(breach.population) pegawai (batas \(bound.minCount)–\(bound.maxCount))."
    }
}
