public import NIOCore

/// How a Kinerja endpoint speaks TLS; the defaults are the policy of DESIGN.md "TLS and identity".
///
/// One configuration serves both roles: a service accepts connections with it and presents the
/// same certificate when it calls another service.
public struct TLSConfiguration: Sendable, Hashable {
    /// The lowest protocol version a connection may negotiate.
    public enum MinimumVersion: String, Sendable, Hashable {
        /// TLS 1.2 with the six ECDHE AEAD suites of Mozilla "intermediate", for external clients that need it.
        case tls12
        /// TLS 1.3 only (Mozilla "modern").
        case tls13
    }

    /// PEM file with our leaf certificate followed by any intermediates.
    public var certificateChainFile: String
    /// PEM file with the private key of the leaf.
    public var privateKeyFile: String
    /// PEM file with the CA certificates peers must chain to; the system store is never consulted.
    public var trustRootsFile: String
    /// PEM file with the CRLs of the trust roots, or `nil` (the default) for no revocation check.
    /// When set, every peer leaf must be covered by a current CRL from its issuer and not be listed
    /// in it; a missing or expired CRL refuses the peer (fail closed). `TLSContext.reload()` re-reads it.
    public var revocationListFile: String?
    /// Default `.tls13`.
    public var minimumVersion: MinimumVersion
    /// ALPN protocols in preference order; a peer that offers none of them is refused.
    /// Default `["kinerja-rpc/1"]`. An empty list turns ALPN off.
    public var applicationProtocols: [String]
    /// Whether the server issues TLS 1.3 session tickets (stateless resumption). Default `false`:
    /// our own clients do not resume, and every full handshake re-verifies the client certificate.
    public var sessionTickets: Bool
    /// Trust domain of peer identities. Default `kinerja.kupangkota.go.id`.
    public var trustDomain: String
    /// How long a peer may take to complete the handshake before the connection is closed. Default 10 s.
    public var handshakeTimeout: TimeAmount
    /// How long to wait for the peer's close_notify after sending ours. Default 5 s.
    public var shutdownTimeout: TimeAmount

    /// The ALPN protocol of the Kinerja RPC layer.
    public static let rpcProtocol = "kinerja-rpc/1"
    /// TLS 1.2 suites when `.tls12` is allowed: exactly the ECDHE AEAD suites of Mozilla "intermediate".
    public static let tls12CipherSuites = [
        "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
        "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
    ]
    /// TLS 1.3 suites (all three of the RFC's mandatory and recommended AEADs).
    public static let tls13CipherSuites = [
        "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
    ]
    /// Key-exchange groups in preference order.
    public static let groups = ["X25519", "P-256", "P-384"]

    /// A configuration with our certificate, key and CA file and every other setting at its default.
    public init(certificateChainFile: String, privateKeyFile: String, trustRootsFile: String) {
        self.certificateChainFile = certificateChainFile
        self.privateKeyFile = privateKeyFile
        self.trustRootsFile = trustRootsFile
        self.revocationListFile = nil
        self.minimumVersion = .tls13
        self.applicationProtocols = [Self.rpcProtocol]
        self.sessionTickets = false
        self.trustDomain = PeerIdentity.defaultTrustDomain
        self.handshakeTimeout = .seconds(10)
        self.shutdownTimeout = .seconds(5)
    }
}
