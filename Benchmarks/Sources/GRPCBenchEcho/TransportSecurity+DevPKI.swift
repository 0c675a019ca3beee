public import BenchSupport
public import GRPCNIOTransportHTTP2Posix

extension HTTP2ServerTransport.Posix.TransportSecurity {
    /// Mutual TLS with the development PKI: the identity service certificate, clients verified
    /// against the CA.
    public static func devPKI(_ pki: DevPKI) -> Self {
        .mTLS(
            certificateChain: [.file(path: pki.serverCertificate, format: .pem)],
            privateKey: .file(path: pki.serverKey, format: .pem)
        ) { config in
            config.trustRoots = .certificates([.file(path: pki.caCertificate, format: .pem)])
            config.clientCertificateVerification = .noHostnameVerification
        }
    }
}

extension HTTP2ClientTransport.Posix.TransportSecurity {
    /// Mutual TLS with the development PKI: the hr-portal client certificate, the server verified
    /// against the CA including its address (its certificate names 127.0.0.1 and localhost).
    public static func devPKI(_ pki: DevPKI) -> Self {
        .mTLS(
            certificateChain: [.file(path: pki.clientCertificate, format: .pem)],
            privateKey: .file(path: pki.clientKey, format: .pem)
        ) { config in
            config.trustRoots = .certificates([.file(path: pki.caCertificate, format: .pem)])
            config.serverCertificateVerification = .fullVerification
        }
    }
}
