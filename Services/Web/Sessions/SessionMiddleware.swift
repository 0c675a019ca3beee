public import Hummingbird

/// Finds the session the `kinerja_sesi` cookie names (an expired or unknown id is as good as none).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext

    let sessions: SessionTable
    let clock: WebClock

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let id = request.cookies[SessionCookie.name]?.value, !id.isEmpty {
            context.session = sessions.touch(id, now: clock.now())
        }
        if context.session?.mustChangePassword == true && !Self.allowedBeforePasswordChange(request.uri.path) {
            return WebApp.seeOther(WebApp.passwordPath)
        }
        return try await next(request, context)
    }
}

extension SessionMiddleware {
    /// What a session that must change its one-time password may reach.
    static func allowedBeforePasswordChange(_ path: String) -> Bool {
        path == WebApp.passwordPath || path == "/keluar" || path.hasPrefix("/static/")
    }
}

/// The cookies kinerja-web sets: the session's (HttpOnly, Secure, SameSite=Strict, the whole site)
/// and, before sign-in, the anonymous CSRF token's (the same flags).
enum SessionCookie {
    static let name = "kinerja_sesi"
    static let anonymousCSRF = "kinerja_csrf"

    static func set(_ name: String, _ value: String, maxAge: Int) -> String {
        "\(name)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; Secure; SameSite=Strict"
    }

    static func clear(_ name: String) -> String {
        "\(name)=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict"
    }
}

/// The time, in Unix seconds; tests move it.
struct WebClock: Sendable {
    var now: @Sendable () -> Int64

    static let system = WebClock { Int64(Date().timeIntervalSince1970) }
}

import Foundation
