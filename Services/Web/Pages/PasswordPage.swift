import Hummingbird
import KinerjaProto

/// `/kata-sandi`: a signed-in user changes their password through identity (its rules: 12–256
/// characters, not the current one, not containing the NIP). An account that must change its
/// one-time password is sent here at sign-in and reaches nothing else until it has.
extension WebApp {
    static let passwordPath = "/kata-sandi"

    func addPasswordRoutes(to router: Router<WebRequestContext>) {
        router.get("/kata-sandi") { request, context -> Response in
            guard context.session != nil else { return Self.signInFirst() }
            return passwordPage(context: context, notice: request.uri.queryParameters["diganti"] != nil ? "Kata sandi berhasil diganti." : nil)
        }
        router.post("/kata-sandi") { _, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            return try await changePassword(session, context: context)
        }
    }

    func passwordPage(context: WebRequestContext, status: HTTPResponse.Status = .ok, notice: String? = nil, error: String? = nil) -> Response {
        let mustChange = context.session?.mustChangePassword == true
        return page("password", title: "Ganti kata sandi", context: context, data: ["mustChange": mustChange], status: status, notice: notice, error: error)
    }

    func changePassword(_ session: WebSession, context: WebRequestContext) async throws -> Response {
        let current = context.form["sandi_lama"] ?? ""
        let new = context.form["sandi_baru"] ?? ""
        let again = context.form["sandi_ulang"] ?? ""
        guard (1...256).contains(current.count) else { return passwordPage(context: context, status: .badRequest, error: "Masukkan kata sandi saat ini.") }
        guard (12...256).contains(new.count) else {
            return passwordPage(context: context, status: .badRequest, error: "Kata sandi baru harus 12–256 karakter.")
        }
        guard new == again else { return passwordPage(context: context, status: .badRequest, error: "Ulangan kata sandi baru tidak sama.") }
        guard !new.contains(session.nip) else { return passwordPage(context: context, status: .badRequest, error: "Kata sandi baru tidak boleh memuat NIP.") }
        let identity = try gateway.client(Identity.IdentityService.Client.self)
        do {
            // Not through asUser: a wrong current password is UNAUTHENTICATED, which must not end the session.
            let response = try await identity.changePassword(.init(currentPassword: current, newPassword: new, endOtherSessions: context.form["akhiri_sesi_lain"] == "1"),
                                                             options: gateway.options(accessToken: session.accessToken, write: "change-password"))
            guard let tokens = response.tokens, !tokens.accessToken.isEmpty else { throw RPCError(.internal, "ChangePassword without tokens") }
            // A fresh session id and CSRF token after the change, with the account's full details.
            let fresh = try await fullSession(nip: session.nip, fallbackName: session.displayName, tokens: tokens)
            sessions.remove(session.id)
            logger.info("password changed", metadata: ["nip": "\(session.nip)"])
            return Self.seeOther("\(Self.passwordPath)?diganti=1", headers: startSession(fresh))
        } catch let error as RPCError {
            logger.info("password change refused", metadata: ["nip": "\(session.nip)", "error": "\(error)"])
            return passwordPage(context: context, status: error.code == .resourceExhausted ? .tooManyRequests : .unprocessableContent,
                                error: Self.passwordRefusal(error))
        }
    }

    static func passwordRefusal(_ error: RPCError) -> String {
        switch error.code {
        case .unauthenticated: return "Kata sandi saat ini salah."
        case .invalidArgument: return "Kata sandi baru tidak memenuhi aturan: 12–256 karakter, berbeda dari yang lama, tanpa NIP."
        case .resourceExhausted: return "Terlalu banyak percobaan. Akun terkunci sementara; coba lagi nanti."
        default: return StatusMessage.text(error)
        }
    }
}
