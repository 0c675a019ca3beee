public import Hummingbird
import HTTPTypes

/// The headers every answer carries: a strict Content-Security-Policy (only our own static files,
/// no inline script or style, no framing, forms only to us), no MIME sniffing, no referrer, and no
/// caching of pages that hold personal data.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext

    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// True when answers go over HTTPS (adds Strict-Transport-Security).
    let https: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch is WebApp.SessionEnded {
            response = WebApp.signInFirst()
        } catch let error as HTTPError {
            response = ErrorPage.response(status: error.status, message: error.body ?? ErrorPage.message(for: error.status))
        } catch {
            // A service that could not be reached, a certificate that could not be loaded: logged, said plainly.
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            response = ErrorPage.response(status: .serviceUnavailable, message: StatusMessage.text(error))
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "no-referrer"
        if https { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

extension HTTPField.Name {
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
}
