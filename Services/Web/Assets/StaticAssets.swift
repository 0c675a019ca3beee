import Hummingbird
import NIOCore

/// The stylesheet and the script, served from the binary (no inline style or script anywhere:
/// the CSP allows only these). Cached for a day; a change of either is a new release.
enum StaticAssets {
    static func register(on router: Router<WebRequestContext>) {
        router.get("/static/app.css") { _, _ in asset(StyleSheet.text, type: "text/css; charset=utf-8") }
        router.get("/static/app.js") { _, _ in asset(Script.text, type: "text/javascript; charset=utf-8") }
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=86400"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
