import Hummingbird
import HTTPTypes

/// Refuses a state-changing request another site made the browser send. Browsers say where a
/// request comes from in `Sec-Fetch-Site`; older ones send `Origin`, which must name the host the
/// request went to. A request with neither (not a browser) still needs the CSRF token.
enum CrossSiteCheck {
    /// Why the request is refused, or nil when it may go on.
    static func refusal(_ request: Request) -> String? {
        let message = "Permintaan dari situs lain ditolak."
        if let site = request.headers[.secFetchSite] {
            return site == "same-origin" || site == "none" ? nil : message
        }
        if let origin = request.headers[.origin] {
            guard let host = request.head.authority else { return message }
            let stripped = origin.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
            return stripped == host ? nil : message
        }
        return nil
    }
}
