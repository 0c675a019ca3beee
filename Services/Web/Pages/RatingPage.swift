import Hummingbird
import KinerjaProto

/// The atasan as pejabat penilai: the bawahan's evaluations still open, and one evaluation rated
/// with the proposal (and the basis of each IKI's classification) and the unit's curve quotas, with
/// how many are already used, beside the form.
extension WebApp {
    static let ratingPath = "/penilaian"

    func addRatingRoutes(to router: Router<WebRequestContext>) {
        router.get("/penilaian") { _, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            do { return try await ratingListPage(session, context: context) } catch is SessionEnded { return Self.signInFirst() }
        }
        router.get("/penilaian/:id") { request, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            let id = context.parameters.get("id") ?? ""
            let notice = request.uri.queryParameters["disimpan"] != nil ? "Penilaian disimpan." : nil
            do { return try await ratingPage(session, id: id, context: context, notice: notice) } catch is SessionEnded { return Self.signInFirst() }
        }
        router.post("/penilaian/:id") { _, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            let id = context.parameters.get("id") ?? ""
            do { return try await rate(session, id: id, context: context) } catch is SessionEnded { return Self.signInFirst() }
        }
    }

    /// Each bawahan's evaluations of the year the user rates and that are not final yet.
    func ratingListPage(_ session: WebSession, context: WebRequestContext) async throws -> Response {
        let evaluation = try gateway.client(Evaluation.EvaluationService.Client.self)
        var rows: [[String: Any]] = []
        var failure: String?
        for nip in session.bawahanNIPs.prefix(100) {
            do {
                let response = try await asUser(session) {
                    try await evaluation.listEmployeeEvaluations(.init(nip: nip, fromYear: today.year, toYear: today.year), options: $0)
                }
                for item in response.evaluations where !item.excluded && item.state != .finalised && item.evaluator?.nip == session.nip {
                    rows.append(["id": item.evaluationID, "name": item.employee?.displayName ?? nip,
                                 "period": item.period.map(Self.periodText) ?? item.periodID, "state": Self.evaluationState(item.state),
                                 "proposal": Self.rating(item.proposal?.rating), "predikat": ReportFormat.predikat(item.predikat)])
                }
            } catch let error as RPCError where error.code == .permissionDenied || error.code == .notFound {
                continue
            } catch let error as RPCError {
                failure = StatusMessage.text(error)
                break
            }
        }
        return page("rating-list", title: "Penilaian bawahan", context: context, data: ["rows": rows, "hasRows": !rows.isEmpty],
                    status: failure == nil ? .ok : .serviceUnavailable, error: failure)
    }

    /// One evaluation: the proposal and its basis, the curve's quotas and their use, the form.
    func ratingPage(_ session: WebSession, id: String, context: WebRequestContext, status: HTTPResponse.Status = .ok,
                    notice: String? = nil, error: String? = nil) async throws -> Response {
        let title = "Penilaian kinerja"
        guard Self.isIdentifier(id) else { return page("rating", title: title, context: context, status: .notFound, error: "Data tidak ditemukan.") }
        let evaluation = try gateway.client(Evaluation.EvaluationService.Client.self)
        do {
            let response = try await asUser(session) { try await evaluation.getEvaluation(.init(key: .evaluationID(id)), options: $0) }
            let item = response.evaluation ?? Evaluation.EmployeeEvaluation()
            var data = RatingView.fields(item)
            if let curve = try? await asUser(session, { try await evaluation.getCurve(.init(periodID: item.periodID), options: $0) }).curve {
                data.merge(RatingView.quotas(curve)) { _, new in new }
            }
            return page("rating", title: title, context: context, data: data, status: status, notice: notice, error: error)
        } catch let failure as RPCError {
            let code: HTTPResponse.Status = failure.code == .notFound ? .notFound : failure.code == .permissionDenied ? .forbidden : .serviceUnavailable
            return page("rating", title: title, context: context, status: code, error: StatusMessage.text(failure))
        }
    }

    /// Sets Hasil Kerja and/or Perilaku Kerja; each refusal is shown on the evaluation's page in Indonesian.
    func rate(_ session: WebSession, id: String, context: WebRequestContext) async throws -> Response {
        let form = context.form
        guard Self.isIdentifier(id) else { return page("rating", title: "Penilaian kinerja", context: context, status: .notFound, error: "Data tidak ditemukan.") }
        let hasilKerja = RatingView.rating(form["hasil_kerja"])
        let perilaku = RatingView.rating(form["perilaku"])
        let hasilReason = (form["alasan_hasil_kerja"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let perilakuReason = (form["alasan_perilaku"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let revision = form["revisi"].flatMap(UInt64.init) ?? 0
        if hasilKerja == nil && perilaku == nil {
            return try await ratingPage(session, id: id, context: context, status: .badRequest, error: "Pilih penilaian Hasil Kerja dan/atau Perilaku Kerja.")
        }
        if hasilReason.count > 2000 || perilakuReason.count > 2000 {
            return try await ratingPage(session, id: id, context: context, status: .badRequest, error: "Alasan paling banyak 2000 karakter.")
        }
        if let perilaku, perilaku != .sesuaiEkspektasi, perilakuReason.count < 10 {
            return try await ratingPage(session, id: id, context: context, status: .badRequest,
                                        error: "Perilaku Kerja Di Atas atau Di Bawah Ekspektasi wajib disertai alasan (minimal 10 karakter).")
        }
        let evaluation = try gateway.client(Evaluation.EvaluationService.Client.self)
        do {
            var expected = revision
            if let hasilKerja {
                let response = try await asUser(session, write: "eval-rate-hasil-kerja") {
                    try await evaluation.setHasilKerjaRating(.init(evaluationID: id, rating: hasilKerja, reason: hasilReason, expectedRevision: expected), options: $0)
                }
                expected = response.evaluation?.revision ?? 0
            }
            if let perilaku {
                _ = try await asUser(session, write: "eval-rate-perilaku") {
                    try await evaluation.setPerilakuRating(.init(evaluationID: id, rating: perilaku, reason: perilakuReason, expectedRevision: expected), options: $0)
                }
            }
            return Self.seeOther("\(Self.ratingPath)/\(id)?disimpan=1")
        } catch let failure as RPCError {
            logger.info("rating refused", metadata: ["evaluation": "\(id)", "error": "\(failure)"])
            return try await ratingPage(session, id: id, context: context, status: .unprocessableContent, error: RatingView.refusal(failure))
        }
    }

    /// An id as the services make them: letters, digits, `-` and `_`, at most 64.
    static func isIdentifier(_ text: String) -> Bool {
        (1...64).contains(text.count) && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}
