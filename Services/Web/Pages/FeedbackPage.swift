import Foundation
import Hummingbird
import KinerjaASN
import KinerjaProto

/// Feedback received (every user) and the atasan's form to give feedback to a bawahan. The text
/// is the giver's: the template escapes it, so markup in it shows as text.
extension WebApp {
    func addFeedbackRoutes(to router: Router<WebRequestContext>) {
        router.get("/umpan-balik") { request, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            do {
                return try await feedbackPage(session, context: context, notice: request.uri.queryParameters["terkirim"] != nil ? "Umpan balik terkirim." : nil)
            } catch is SessionEnded { return Self.signInFirst() }
        }
        router.post("/umpan-balik") { _, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            let recipient = context.form["penerima"] ?? ""
            let message = (context.form["pesan"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let kind = FeedbackFormat.kinds.first { $0.value == context.form["jenis"] }?.kind
            guard session.bawahanNIPs.contains(recipient), let kind, (1...2000).contains(message.count) else {
                return try await feedbackPage(session, context: context, status: .badRequest,
                                              error: "Pilih penerima dan jenis, lalu tulis umpan balik (1–2000 karakter).")
            }
            let feedback = try gateway.client(Feedback.FeedbackService.Client.self)
            do {
                _ = try await asUser(session, write: "feedback-give") {
                    try await feedback.giveFeedback(.init(feedback: Feedback.ContinuousFeedback(recipientNIP: recipient, kind: kind, message: message)), options: $0)
                }
                return Self.seeOther("/umpan-balik?terkirim=1")
            } catch is SessionEnded {
                return Self.signInFirst()
            } catch {
                return try await feedbackPage(session, context: context, status: .unprocessableContent, error: StatusMessage.text(error))
            }
        }
    }

    func feedbackPage(_ session: WebSession, context: WebRequestContext, status: HTTPResponse.Status = .ok,
                      notice: String? = nil, error: String? = nil) async throws -> Response {
        let feedback = try gateway.client(Feedback.FeedbackService.Client.self)
        var received: [[String: Any]] = []
        var loadError: String?
        do {
            let response = try await asUser(session) {
                try await feedback.listFeedback(.init(recipientNIP: session.nip, page: Common.PageRequest(pageSize: 50)), options: $0)
            }
            received = response.feedback.map { item in
                ["kind": FeedbackFormat.label(item.kind), "message": item.message,
                 "date": item.given?.at.map { FeedbackFormat.date($0.seconds) } ?? ""]
            }
        } catch let failure as RPCError {
            loadError = StatusMessage.text(failure)
        }
        // The bawahan by name (best effort: a failed look-up leaves the NIPs).
        var names: [String: String] = [:]
        if session.isAtasan, let identity = try? gateway.client(Identity.IdentityService.Client.self),
           let found = try? await asUser(session, { try await identity.batchGetEmployees(.init(nips: session.bawahanNIPs), options: $0) }) {
            for employee in found.employees { names[employee.nip] = employee.displayName }
        }
        return page("feedback", title: "Umpan balik", context: context,
                    data: ["received": received, "atasan": session.isAtasan,
                           "bawahan": session.bawahanNIPs.map { nip in ["nip": nip, "name": names[nip].map { "\($0) — \(nip)" } ?? nip] },
                           "kinds": FeedbackFormat.kinds.map { ["value": $0.value, "label": $0.label] }],
                    status: status, notice: notice, error: error ?? loadError)
    }
}

/// Feedback kinds and dates as the pages print them.
enum FeedbackFormat {
    static let kinds: [(value: String, kind: Feedback.FeedbackKind, label: String)] = [
        ("apresiasi", .apresiasi, "Apresiasi"), ("saran", .saran, "Saran"), ("koreksi", .koreksi, "Koreksi"), ("umum", .umum, "Umum"),
    ]

    static func label(_ kind: Feedback.FeedbackKind) -> String { kinds.first { $0.kind == kind }?.label ?? "Umpan balik" }

    /// A UTC instant as its WITA day.
    static func date(_ seconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "id_ID")
        formatter.timeZone = TimeZone(identifier: "Asia/Makassar")
        formatter.dateFormat = "d MMM yyyy"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
