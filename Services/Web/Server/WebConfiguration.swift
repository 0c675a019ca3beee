public import KinerjaClient

/// How kinerja-web runs: where it listens, the certificates it presents, where the services are,
/// and its limits. The defaults are the development setup of `make run` (docs/WEB.md).
public struct WebConfiguration: Sendable {
    /// The HTTPS address browsers reach (default 127.0.0.1:8443).
    public var listen = ServerAddress(host: "127.0.0.1", port: 8443)
    /// The PKI directory (default `.dev/pki`): `ca.pem`, `client/web.*` (the gateway's identity to
    /// the services) and `https/web.*` (the certificate browsers see).
    public var pki = ".dev/pki"
    /// Where each service listens (default: the development ports on 127.0.0.1).
    public var services: [ServiceEndpoint: ServerAddress] = Dictionary(uniqueKeysWithValues: ServiceEndpoint.all.map { ($0, $0.defaultAddress) })
    /// Plain HTTP on loopback instead of HTTPS (development only; a warning is printed).
    public var insecureDev = false
    /// A session ends after this many seconds without a request (default 30 minutes).
    public var sessionIdleSeconds = 30 * 60
    /// A session ends this many seconds after sign-in whatever happens (default 12 hours).
    public var sessionLifetimeSeconds = 12 * 60 * 60
    /// The largest request body of an upload (default 8 MiB: a phone photo).
    public var maxUploadBytes = 8 << 20
    /// The largest request body of any other form (default 64 KiB).
    public var maxFormBytes = 64 << 10
    /// Sign-in attempts per client address per minute (default 10).
    public var signInPerAddressPerMinute = 10
    /// Sign-in attempts per NIP per minute (default 5; identity's lockout still applies).
    public var signInPerAccountPerMinute = 5
    /// Citizen page requests (look-ups and ratings) per client address per minute (default 20).
    public var citizenPerAddressPerMinute = 20

    public init() {}

    /// The gateway's client certificate and key, and the CA it trusts.
    var clientCertificate: String { "\(pki)/client/web.pem" }
    var clientKey: String { "\(pki)/client/web.key" }
    var trustRoots: String { "\(pki)/ca.pem" }
    /// The certificate and key browsers see.
    var httpsCertificate: String { "\(pki)/https/web.pem" }
    var httpsKey: String { "\(pki)/https/web.key" }
}
