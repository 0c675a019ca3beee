/// The user inbound event a `TLSHandler` fires once the handshake is done and the peer verified.
public struct TLSHandshakeCompleted: Sendable, Hashable {
    /// The ALPN protocol both sides agreed on (`nil` only when ALPN is turned off).
    public var applicationProtocol: String?
    /// The verified identity of the peer.
    public var peer: PeerIdentity
    /// `TLSv1.3` or `TLSv1.2`.
    public var protocolVersion: String
    /// The OpenSSL name of the negotiated cipher suite.
    public var cipherSuite: String
    /// SHA-256 of the peer's leaf certificate (DER), for audit logs and pinning checks.
    public var peerCertificateSHA256: [UInt8]
}
