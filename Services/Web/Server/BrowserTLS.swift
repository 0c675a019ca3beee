import NIOSSL

/// The TLS browsers meet: the certificate `https/web` of the PKI (DNS localhost and IP 127.0.0.1
/// in the development PKI), TLS 1.2 and 1.3 with swift-nio-ssl's default (forward-secret AEAD)
/// suites. Browsers present no client certificate; the services' mutual TLS is the other side.
enum BrowserTLS {
    static func configuration(certificate: String, key: String) throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate.fromPEMFile(certificate)
        let privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                                     privateKey: .privateKey(privateKey))
        configuration.minimumTLSVersion = .tlsv12
        configuration.applicationProtocols = ["http/1.1"]
        return configuration
    }
}
