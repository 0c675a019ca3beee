import COpenSSL
import Synchronization

/// The shared, reloadable OpenSSL context of one endpoint: every new connection takes the current one.
///
/// `reload()` re-reads the certificate chain, private key and trust roots and swaps them in for
/// connections opened afterwards; connections already open keep the context they started with.
/// It is safe to call from any thread, so wiring it to SIGHUP is one line, e.g. with a
/// `DispatchSourceSignal` handler or a swift-service-lifecycle signal stream: `try context.reload()`.
/// A reload that fails leaves the current context in place and throws.
public final class TLSContext: Sendable {
    private let current: Mutex<SSLContextBox>

    /// Loads the files named in `configuration` and checks our own certificate carries a valid identity.
    public init(configuration: TLSConfiguration) throws(TLSError) {
        self.current = Mutex(try SSLContextBox(configuration: configuration))
    }

    /// The configuration in force for new connections.
    public var configuration: TLSConfiguration {
        current.withLock { $0.configuration }
    }

    /// Our identity: the URI SAN of the certificate new connections present.
    public var localIdentity: PeerIdentity {
        current.withLock { $0.localIdentity }
    }

    /// When the certificate new connections present expires (its notAfter), in seconds since the
    /// Unix epoch; nil when it cannot be read. Health reports it; the service host logs a warning
    /// from 14 days before (docs/OPERATIONS.md, "Certificates").
    public var certificateNotAfter: Int64? {
        current.withLock { $0.notAfter }
    }

    /// Re-reads the files of the current configuration; new connections use them, open ones continue.
    public func reload() throws(TLSError) {
        try reload(configuration: configuration)
    }

    /// Switches to `configuration` (for instance new file paths) for new connections.
    public func reload(configuration: TLSConfiguration) throws(TLSError) {
        let fresh = try SSLContextBox(configuration: configuration)
        current.withLock { $0 = fresh }
    }

    /// The context a connection opening now should use.
    func snapshot() -> SSLContextBox {
        current.withLock { $0 }
    }
}
