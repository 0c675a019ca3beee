public import Hummingbird
import KinerjaCrypto
import NIOCore

/// Every POST passes here before any handler: a cross-site request is refused (Sec-Fetch-Site or
/// Origin naming another site), a body over the route's limit is refused from its Content-Length
/// before a byte of it is read (and while reading, when the length was not given), and the form's
/// `csrf` field must equal the session's token — or, before sign-in, the anonymous token of the
/// `kinerja_csrf` cookie. Only then does the handler see the form (``WebRequestContext/form``).
struct FormGuardMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext

    let maxFormBytes: Int
    let maxUploadBytes: Int
    /// Paths whose forms may carry files.
    let uploadPaths: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        if let refusal = CrossSiteCheck.refusal(request) {
            throw HTTPError(.forbidden, message: refusal)
        }
        let limit = uploadPaths.contains(request.uri.path) ? maxUploadBytes : maxFormBytes
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw HTTPError(.contentTooLarge, message: BodyLimit.message(limit))
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw HTTPError(.contentTooLarge, message: BodyLimit.message(limit))
        }
        let bytes = Array(buffer.readableBytesView)
        let contentType = request.headers[.contentType] ?? ""
        let form: FormFields
        if let boundary = MultipartForm.boundary(of: contentType) {
            guard let parsed = MultipartForm.parse(bytes, boundary: boundary) else {
                throw HTTPError(.badRequest, message: "Formulir tidak dapat dibaca.")
            }
            form = parsed
        } else {
            form = FormFields.urlEncoded(String(decoding: bytes, as: UTF8.self))
        }
        let expected = context.session?.csrfToken ?? request.cookies["kinerja_csrf"]?.value
        guard let expected, !expected.isEmpty, let sent = form["csrf"],
              ConstantTime.equals(Array(sent.utf8), Array(expected.utf8)) else {
            throw HTTPError(.forbidden, message: "Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu kirim lagi.")
        }
        var context = context
        context.form = form
        var request = request
        request.body = RequestBody(buffer: buffer)
        return try await next(request, context)
    }
}

/// The limits of request bodies, said to the user.
enum BodyLimit {
    static func message(_ limit: Int) -> String {
        "Ukuran kiriman melebihi batas \(limit >> 20 > 0 ? "\(limit >> 20) MB" : "\(limit >> 10) KB")."
    }
}
