import Hummingbird
import KinerjaProto

/// `/rate/CODE`: a citizen rates the service received at a counter, from the ticket's QR code —
/// no account, no script needed. The page names the unit and the service, never the employee.
/// Every request counts against the address's limit here, before the feedback service's own
/// per-address guess limit (which the gateway feeds with the citizen's address).
extension WebApp {
    func addCitizenRoutes(to router: Router<WebRequestContext>) {
        router.get("/rate/:code") { request, context -> Response in
            try await citizenPage(request, context: context)
        }
        router.post("/rate/:code") { request, context -> Response in
            try await citizenRating(request, context: context)
        }
    }

    static let skmQuestions: [(name: String, unsur: Feedback.SkmUnsur, label: String)] = [
        ("u1", .persyaratan, "Persyaratan pelayanan"), ("u2", .sistemMekanismeProsedur, "Sistem, mekanisme dan prosedur"),
        ("u3", .waktuPenyelesaian, "Waktu penyelesaian"), ("u4", .biayaTarif, "Biaya/tarif"),
        ("u5", .produkSpesifikasi, "Produk spesifikasi jenis pelayanan"), ("u6", .kompetensiPelaksana, "Kompetensi pelaksana"),
        ("u7", .perilakuPelaksana, "Perilaku pelaksana"), ("u8", .penangananPengaduan, "Penanganan pengaduan, saran dan masukan"),
        ("u9", .saranaPrasarana, "Sarana dan prasarana"),
    ]

    /// The code as typed in the URL when it is plausible (letters, digits, dashes; at most 40).
    static func ticketCode(_ context: WebRequestContext) -> String? {
        guard let code = context.parameters.get("code"), (1...40).contains(code.count),
              code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        return code
    }

    func citizenPage(_ request: Request, context: WebRequestContext, status: HTTPResponse.Status = .ok, error: String? = nil,
                     form: FormFields = FormFields()) async throws -> Response {
        guard citizenPerAddress.take(context.remoteAddress, now: Double(clock.now())) else {
            return page("citizen", title: "Penilaian layanan", context: context, status: .tooManyRequests,
                        error: "Terlalu banyak percobaan dari alamat Anda. Tunggu beberapa menit lalu coba lagi.")
        }
        guard let code = Self.ticketCode(context) else {
            return page("citizen", title: "Penilaian layanan", context: context, status: .notFound, error: "Kode tiket tidak valid.")
        }
        let feedback = try gateway.client(Feedback.FeedbackService.Client.self)
        do {
            let found = try await feedback.getServiceTicket(.init(ticketCode: code, clientAddress: context.remoteAddress),
                                                            options: gateway.options(accessToken: nil))
            guard let ticket = found.ticket else { throw RPCError(.notFound, "no ticket") }
            guard found.rateable else {
                return page("citizen", title: "Penilaian layanan", context: context, status: .gone,
                            error: "Tiket ini sudah dinilai, kedaluwarsa, atau dibatalkan. Terima kasih.")
            }
            let identity = try gateway.client(Identity.IdentityService.Client.self)
            let unit = try? await identity.getUnit(.init(unitID: ticket.unitID), options: gateway.options(accessToken: nil)).unit?.name
            let (token, headers) = anonymousCSRF(request)
            var data: [String: Any] = [
                "csrf": token, "code": code, "form": true, "service": ticket.serviceName,
                "comment": form["komentar"] ?? "",
                "scores": (1...5).map { ["value": $0, "checked": form["nilai"] == "\($0)" ? "checked" : ""] as [String: Any] },
                "questions": Self.skmQuestions.map { question in
                    ["name": question.name, "label": question.label,
                     "choices": (1...4).map { ["value": $0, "checked": form[question.name] == "\($0)" ? "checked" : ""] as [String: Any] }] as [String: Any]
                },
            ]
            if let unit, !unit.isEmpty { data["unit"] = unit }
            var response = page("citizen", title: "Penilaian layanan", context: context, data: data, status: status, error: error)
            response.headers.append(contentsOf: headers)
            return response
        } catch {
            let status: HTTPResponse.Status = (error as? RPCError)?.code == .resourceExhausted ? .tooManyRequests
                : (error as? RPCError)?.code == .notFound || (error as? RPCError)?.code == .invalidArgument ? .notFound : .serviceUnavailable
            let message = status == .notFound ? "Tiket tidak ditemukan. Periksa kode pada struk Anda." : StatusMessage.text(error)
            return page("citizen", title: "Penilaian layanan", context: context, status: status, error: message)
        }
    }

    func citizenRating(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let code = Self.ticketCode(context) else {
            return page("citizen", title: "Penilaian layanan", context: context, status: .notFound, error: "Kode tiket tidak valid.")
        }
        let form = context.form
        guard let score = form["nilai"].flatMap(UInt32.init), (1...5).contains(score) else {
            return try await citizenPage(request, context: context, status: .badRequest, error: "Pilih nilai 1 sampai 5.", form: form)
        }
        let comment = (form["komentar"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard comment.count <= 1000 else {
            return try await citizenPage(request, context: context, status: .badRequest, error: "Komentar paling banyak 1000 karakter.", form: form)
        }
        let answers = Self.skmQuestions.compactMap { question in
            form[question.name].flatMap(UInt32.init).map { Feedback.SkmAnswer(unsur: question.unsur, score: $0) }
        }
        guard answers.isEmpty || answers.count == Self.skmQuestions.count, answers.allSatisfy({ (1...4).contains($0.score) }) else {
            return try await citizenPage(request, context: context, status: .badRequest,
                                         error: "Survei kepuasan: jawab kesembilan pertanyaan, atau kosongkan semuanya.", form: form)
        }
        guard citizenPerAddress.take(context.remoteAddress, now: Double(clock.now())) else {
            return page("citizen", title: "Penilaian layanan", context: context, status: .tooManyRequests,
                        error: "Terlalu banyak percobaan dari alamat Anda. Tunggu beberapa menit lalu coba lagi.")
        }
        let feedback = try gateway.client(Feedback.FeedbackService.Client.self)
        do {
            let response = try await feedback.submitCitizenRating(
                .init(ticketCode: code, score: score, comment: comment, skmAnswers: answers, clientAddress: context.remoteAddress),
                options: gateway.options(accessToken: nil, write: "citizen-rating"))
            return page("citizen", title: "Terima kasih", context: context, data: ["thanks": response.acknowledgement.isEmpty
                ? "Terima kasih atas penilaian Anda." : response.acknowledgement])
        } catch {
            let code = (error as? RPCError)?.code
            let status: HTTPResponse.Status = code == .resourceExhausted ? .tooManyRequests : code == .alreadyExists || code == .failedPrecondition ? .gone
                : code == .notFound ? .notFound : code == .invalidArgument ? .badRequest : .serviceUnavailable
            let message = status == .gone ? "Tiket ini sudah dinilai, kedaluwarsa, atau dibatalkan." : StatusMessage.text(error)
            return page("citizen", title: "Penilaian layanan", context: context, status: status, error: message)
        }
    }
}
