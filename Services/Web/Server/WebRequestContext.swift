public import Hummingbird
import NIOCore

/// What a request carries through kinerja-web: the client's address (for rate limits), its
/// session when the cookie names an open one, and the form of a POST, read once by
/// ``FormGuardMiddleware`` after its CSRF token was checked.
public struct WebRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address without the port; `unknown` when the channel has none (tests).
    public let remoteAddress: String
    var session: WebSession?
    var form = FormFields()

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The body limit is ours (``FormGuardMiddleware``): per route, checked before reading.
    public var maxUploadSize: Int { 8 << 20 }
}
