import Hummingbird
import KinerjaProto

/// The atasan's inbox: the bawahan's SKPs awaiting approval (approve, or return with a note) and
/// their reports awaiting verification, oldest first, verified or rejected in one batch (a checkbox
/// per report; "select all" in the script, the button works without).
extension WebApp {
    func addInboxRoutes(to router: Router<WebRequestContext>) {
        router.get("/kotak-masuk") { request, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            var notice = request.uri.queryParameters["diproses"].map { "\($0) laporan diproses." }
            if let skp = request.uri.queryParameters["skp"] { notice = skp == "disetujui" ? "SKP disetujui." : "SKP dikembalikan dengan catatan." }
            do {
                return try await inboxPage(session, context: context, notice: notice)
            } catch is SessionEnded { return Self.signInFirst() }
        }
        router.post("/kotak-masuk/skp") { _, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            return try await decideSkp(session, context: context)
        }
        router.post("/kotak-masuk") { _, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            let ids = context.form.all("laporan").filter { !$0.isEmpty && $0.count <= 64 }
            let decision: Reporting.ReviewDecision = context.form["aksi"] == "tolak" ? .reject : .verify
            let note = String((context.form["catatan"] ?? "").prefix(500))
            guard !ids.isEmpty, ids.count <= 200 else {
                return try await inboxPage(session, context: context, status: .badRequest, error: "Pilih minimal satu laporan (paling banyak 200).")
            }
            if decision == .reject && note.trimmingCharacters(in: .whitespaces).isEmpty {
                return try await inboxPage(session, context: context, status: .badRequest, error: "Alasan penolakan wajib diisi.")
            }
            let reporting = try gateway.client(Reporting.ReportingService.Client.self)
            do {
                let response = try await asUser(session, write: "report-batch") {
                    try await reporting.batchReviewDailyReports(.init(reviews: ids.map { .init(reportID: $0, decision: decision, note: note) }), options: $0)
                }
                if response.failedCount > 0 {
                    return try await inboxPage(session, context: context, status: .unprocessableContent,
                                               error: "\(response.appliedCount) diproses, \(response.failedCount) gagal (mungkin sudah diproses).")
                }
                return Self.seeOther("/kotak-masuk?diproses=\(response.appliedCount)")
            } catch is SessionEnded {
                return Self.signInFirst()
            } catch {
                return try await inboxPage(session, context: context, status: .unprocessableContent, error: StatusMessage.text(error))
            }
        }
    }

    /// The atasan's decision on one submitted SKP: approve, or return it with the note the employee revises from.
    func decideSkp(_ session: WebSession, context: WebRequestContext) async throws -> Response {
        let form = context.form
        let skpID = form["skp"] ?? ""
        let note = (form["catatan"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...64).contains(skpID.count), let version = form["versi"].flatMap(UInt32.init), note.count <= 2000 else {
            return try await inboxPage(session, context: context, status: .badRequest, error: "Pilihan SKP tidak valid.")
        }
        let returning = form["aksi"] == "kembalikan"
        if returning && note.isEmpty {
            return try await inboxPage(session, context: context, status: .badRequest, error: "Catatan pengembalian SKP wajib diisi.")
        }
        let planning = try gateway.client(Planning.PlanningService.Client.self)
        do {
            if returning {
                _ = try await asUser(session, write: "skp-return") {
                    try await planning.returnSkp(.init(skpID: skpID, version: version, note: note), options: $0)
                }
            } else {
                _ = try await asUser(session, write: "skp-approve") {
                    try await planning.approveSkp(.init(skpID: skpID, version: version, note: note), options: $0)
                }
            }
            return Self.seeOther("/kotak-masuk?skp=\(returning ? "dikembalikan" : "disetujui")")
        } catch let error as RPCError {
            return try await inboxPage(session, context: context, status: .unprocessableContent, error: StatusMessage.text(error))
        }
    }

    func inboxPage(_ session: WebSession, context: WebRequestContext, status: HTTPResponse.Status = .ok,
                   notice: String? = nil, error: String? = nil) async throws -> Response {
        let reporting = try gateway.client(Reporting.ReportingService.Client.self)
        var rows: [[String: Any]] = []
        var loadError: String?
        do {
            let response = try await asUser(session) {
                try await reporting.listDailyReports(.init(verifierNIP: session.nip, states: [.diajukan], page: Common.PageRequest(pageSize: 200)), options: $0)
            }
            rows = response.reports.map { report in
                ["id": report.reportID, "name": report.employee?.displayName ?? report.nip, "date": report.reportDate?.isoString ?? "",
                 "indicator": report.indicator, "value": "\(ReportFormat.number(report.realisationValue)) \(report.unit)",
                 "description": report.description, "evidence": report.evidence.isEmpty ? "" : " · \(report.evidence.count) bukti",
                 "overdue": report.reviewOverdue]
            }
        } catch let failure as RPCError {
            loadError = StatusMessage.text(failure)
        }
        var skps: [[String: Any]] = []
        if loadError == nil {
            let planning = try gateway.client(Planning.PlanningService.Client.self)
            do {
                let response = try await asUser(session) {
                    try await planning.listSkps(.init(atasanNIP: session.nip, year: today.year, states: [.diajukan], page: Common.PageRequest(pageSize: 100)), options: $0)
                }
                skps = response.skps.map { skp in
                    ["id": skp.skpID, "version": skp.version, "name": skp.employee?.displayName ?? skp.employee?.nip ?? "",
                     "summary": "SKP \(skp.year), versi \(skp.version): \(skp.rhkCount) RHK, \(skp.ikiCount) IKI"] as [String: Any]
                }
            } catch let failure as RPCError {
                loadError = StatusMessage.text(failure)
            }
        }
        return page("inbox", title: "Kotak masuk", context: context,
                    data: ["reports": rows, "count": rows.count, "hasReports": !rows.isEmpty, "skps": skps, "hasSkps": !skps.isEmpty],
                    status: status, notice: notice, error: error ?? loadError)
    }
}
