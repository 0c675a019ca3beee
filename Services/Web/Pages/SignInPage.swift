import Hummingbird
import HTTPTypes
import KinerjaASN
import KinerjaProto

/// Sign-in and sign-out. Identity decides (passwords, lockout, one-time passwords); the gateway
/// adds its own per-address and per-account limits in front, keeps the tokens, and gives the
/// browser only the session cookie.
extension WebApp {
    func addSignInRoutes(to router: Router<WebRequestContext>) {
        router.get("/masuk") { request, context -> Response in
            if context.session != nil { return Self.seeOther("/") }
            return signInForm(request, context: context, notice: request.uri.queryParameters["keluar"] != nil ? "Anda telah keluar." : nil)
        }
        router.post("/masuk") { request, context -> Response in
            try await signIn(request, context: context)
        }
        router.post("/keluar") { _, context -> Response in
            await signOut(context)
        }
    }

    /// The sign-in form, with the anonymous CSRF token (a fresh cookie when the browser has none).
    func signInForm(_ request: Request, context: WebRequestContext, status: HTTPResponse.Status = .ok,
                    notice: String? = nil, error: String? = nil, nip: String = "") -> Response {
        let (token, headers) = anonymousCSRF(request)
        var response = page("sign-in", title: "Masuk", context: context, data: ["csrf": token, "nip": nip],
                            status: status, notice: notice, error: error)
        response.headers.append(contentsOf: headers)
        return response
    }

    /// The anonymous CSRF token of this browser, and the Set-Cookie header when it is new.
    func anonymousCSRF(_ request: Request) -> (String, HTTPFields) {
        if let existing = request.cookies[SessionCookie.anonymousCSRF]?.value, existing.count == 43 { return (existing, [:]) }
        let token = SessionTable.randomToken()
        return (token, [.setCookie: SessionCookie.set(SessionCookie.anonymousCSRF, token, maxAge: 3600)])
    }

    func signIn(_ request: Request, context: WebRequestContext) async throws -> Response {
        let nip = (context.form["nip"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = context.form["password"] ?? ""
        guard nip.count == 18, nip.allSatisfy(\.isASCIIDigit), !password.isEmpty, password.count <= 256 else {
            return signInForm(request, context: context, status: .badRequest, error: "Masukkan NIP (18 angka) dan kata sandi.", nip: String(nip.prefix(18)))
        }
        let now = Double(clock.now())
        guard signInPerAddress.take(context.remoteAddress, now: now), signInPerAccount.take(nip, now: now) else {
            return signInForm(request, context: context, status: .tooManyRequests,
                              error: "Terlalu banyak percobaan masuk. Tunggu satu menit lalu coba lagi.", nip: nip)
        }
        do {
            let identity = try gateway.client(Identity.IdentityService.Client.self)
            let login = try await identity.login(.init(nip: nip, password: password, clientName: "kinerja-web"),
                                               options: gateway.options(accessToken: nil, clientAddress: context.remoteAddress))
            guard let tokens = login.tokens, !tokens.accessToken.isEmpty else { throw RPCError(.internal, "Login without tokens") }
            if login.mustChangePassword {
                // A half-session that reaches only the change-password page (docs/WEB.md "Sessions").
                let session = newSession(nip: nip, displayName: login.employee?.displayName ?? nip, tokens: tokens, mustChangePassword: true)
                logger.info("signed in to change a one-time password", metadata: ["nip": "\(nip)", "address": "\(context.remoteAddress)"])
                return Self.seeOther(Self.passwordPath, headers: startSession(session))
            }
            let session = try await fullSession(nip: nip, fallbackName: login.employee?.displayName ?? nip, tokens: tokens)
            logger.info("signed in", metadata: ["nip": "\(nip)", "address": "\(context.remoteAddress)"])
            return Self.seeOther("/", headers: startSession(session))
        } catch {
            logger.info("sign-in refused", metadata: ["nip": "\(nip)", "error": "\(error)"])
            let status: HTTPResponse.Status = (error as? RPCError)?.code == .resourceExhausted ? .tooManyRequests : .unauthorized
            return signInForm(request, context: context, status: status, error: StatusMessage.signIn(error), nip: nip)
        }
    }

    /// A session of the user `tokens` belong to, with what identity's WhoAmI says of them.
    func fullSession(nip: String, fallbackName: String, tokens: Identity.TokenPair) async throws -> WebSession {
        let identity = try gateway.client(Identity.IdentityService.Client.self)
        let who = try await identity.whoAmI(.init(), options: gateway.options(accessToken: tokens.accessToken))
        let now = clock.now()
        return WebSession(
            id: SessionTable.randomToken(), csrfToken: SessionTable.randomToken(), nip: nip, displayName: who.employee?.displayName ?? fallbackName,
            unitID: who.unit?.unitID ?? "", unitName: who.unit?.name ?? "", bawahanNIPs: who.bawahanNIPs, roles: Set(who.roles.map(\.role)),
            accessToken: tokens.accessToken, accessTokenExpiresAt: tokens.accessTokenExpiresAt?.seconds ?? now + 300,
            refreshToken: tokens.refreshToken, signedInAt: now, lastSeenAt: now)
    }

    /// A fresh session (new id, new CSRF token) holding `tokens`; not yet in the table.
    func newSession(nip: String, displayName: String, tokens: Identity.TokenPair, mustChangePassword: Bool) -> WebSession {
        let now = clock.now()
        var session = WebSession(
            id: SessionTable.randomToken(), csrfToken: SessionTable.randomToken(), nip: nip, displayName: displayName,
            unitID: "", unitName: "", bawahanNIPs: [], roles: [], accessToken: tokens.accessToken,
            accessTokenExpiresAt: tokens.accessTokenExpiresAt?.seconds ?? now + 300, refreshToken: tokens.refreshToken,
            signedInAt: now, lastSeenAt: now)
        session.mustChangePassword = mustChangePassword
        return session
    }

    /// Puts `session` in the table; the cookie that names it (the anonymous CSRF cookie cleared).
    func startSession(_ session: WebSession) -> HTTPFields {
        sessions.purge(now: clock.now())
        sessions.insert(session)
        var headers = HTTPFields()
        headers.append(HTTPField(name: .setCookie, value: SessionCookie.set(SessionCookie.name, session.id, maxAge: configuration.sessionLifetimeSeconds)))
        headers.append(HTTPField(name: .setCookie, value: SessionCookie.clear(SessionCookie.anonymousCSRF)))
        return headers
    }

    /// Ends the session here and at identity (its tokens are revoked everywhere), and clears the cookie.
    func signOut(_ context: WebRequestContext) async -> Response {
        if let session = context.session {
            sessions.remove(session.id)
            if let identity = try? gateway.client(Identity.IdentityService.Client.self) {
                _ = try? await identity.logout(.init(refreshToken: session.refreshToken), options: gateway.options(accessToken: session.accessToken))
            }
        }
        return Self.seeOther("/masuk?keluar=1", headers: [.setCookie: SessionCookie.clear(SessionCookie.name)])
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
