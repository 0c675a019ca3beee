public import Hummingbird
import KinerjaProto
import NIOCore

/// Renders a page: the page's template inside the layout, with the navigation of the signed-in
/// user's roles and the session's CSRF token for every form.
extension WebApp {
    /// `template` rendered with `data`, the layout's fields added.
    func page(_ template: String, title: String, context: WebRequestContext, data: [String: Any] = [:],
              status: HTTPResponse.Status = .ok, notice: String? = nil, error: String? = nil) -> Response {
        var fields = data
        fields["title"] = title
        if let notice { fields["notice"] = notice }
        if let error { fields["error"] = error }
        if let session = context.session {
            fields["csrf"] = session.csrfToken
            fields["user"] = ["name": session.displayName, "unit": session.unitName]
            fields["nav"] = Navigation.items(for: session)
            fields["signedIn"] = true
        }
        let html = templates.render(fields, withTemplate: template) ?? "<!doctype html><title>Kinerja</title><p>Halaman tidak tersedia.</p>"
        return Self.html(html, status: status)
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// 303 to `location` (after a POST: the browser then GETs it).
    static func seeOther(_ location: String, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    /// To the sign-in page, with where to come back to.
    static func signInFirst() -> Response { seeOther("/masuk") }
}

/// The links at the top of every page, by what the user is.
enum Navigation {
    static func items(for session: WebSession) -> [[String: String]] {
        if session.mustChangePassword { return [["href": WebApp.passwordPath, "label": "Ganti kata sandi"]] }
        var items = [["href": "/", "label": "Beranda"], ["href": "/minggu", "label": "Laporan minggu ini"],
                     ["href": "/progres", "label": "Progres"], ["href": "/umpan-balik", "label": "Umpan balik"],
                     ["href": "/evaluasi", "label": "Evaluasi"]]
        if session.isAtasan {
            items.append(["href": "/kotak-masuk", "label": "Kotak masuk"])
            items.append(["href": "/tim", "label": "Tim"])
            items.append(["href": "/penilaian", "label": "Penilaian"])
        }
        if session.isManager {
            items.append(["href": "/kepatuhan", "label": "Kepatuhan"])
            items.append(["href": "/kurva", "label": "Kurva distribusi"])
        }
        items.append(["href": WebApp.passwordPath, "label": "Kata sandi"])
        return items
    }
}

/// The page of a refused request (HTTPError): the status and a message in Indonesian.
enum ErrorPage {
    static func message(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 403: return "Akses ditolak."
        case 404: return "Halaman tidak ditemukan."
        case 413: return "Ukuran kiriman melebihi batas."
        case 429: return "Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi."
        default: return "Terjadi kesalahan."
        }
    }

    static func response(status: HTTPResponse.Status, message: String) -> Response {
        let escaped = message.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        let html = """
        <!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\
        <title>Kinerja</title><link rel="stylesheet" href="/static/app.css"></head><body><main class="page">\
        <h1>\(status.code)</h1><p class="error" role="alert">\(escaped)</p><p><a href="/">Kembali ke beranda</a></p></main></body></html>
        """
        return WebApp.html(html, status: status)
    }
}
