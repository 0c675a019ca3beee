import COpenSSL
import COpenSSLShim
#if canImport(Glibc)
import Glibc
#endif

/// One immutable `SSL_CTX` built from a `TLSConfiguration`; connections keep it alive while they use it.
///
/// `SSL_CTX` is safe to share across threads once configured, and nothing mutates it after `init`.
final class SSLContextBox: @unchecked Sendable {
    let pointer: OpaquePointer
    let configuration: TLSConfiguration
    /// Our own identity, read from our leaf certificate.
    let localIdentity: PeerIdentity
    /// When our leaf certificate expires (its notAfter), in seconds since the Unix epoch; nil when unreadable.
    let notAfter: Int64?
    /// Our ALPN list in wire format, prefixed by its 2-byte length; the select callback reads it.
    private let alpnWire: UnsafeMutableRawBufferPointer?

    init(configuration: TLSConfiguration) throws(TLSError) {
        OpenSSLErrorQueue.clear()
        guard let method = TLS_method(), let context = SSL_CTX_new(method) else {
            throw TLSError(.configurationInvalid, "SSL_CTX_new failed", cause: OpenSSLErrorQueue.drain())
        }
        var alpnWire: UnsafeMutableRawBufferPointer?
        do throws(TLSError) {
            try Self.configureProtocol(context, configuration)
            try Self.loadIdentity(context, configuration)
            try Self.loadTrustRoots(context, configuration)
            alpnWire = try Self.configureALPN(context, configuration.applicationProtocols)
            guard let leaf = SSL_CTX_get0_certificate(context) else {
                throw TLSError(.configurationInvalid, "no certificate in \(configuration.certificateChainFile)")
            }
            self.localIdentity = try LeafCertificatePolicy.identity(of: leaf, trustDomain: configuration.trustDomain)
            self.notAfter = Self.notAfter(of: leaf)
        } catch {
            SSL_CTX_free(context)
            alpnWire?.deallocate()
            if error.code == .configurationInvalid { throw error }
            throw TLSError(.configurationInvalid, "our own certificate: \(error.message)", cause: error)
        }
        self.pointer = context
        self.configuration = configuration
        self.alpnWire = alpnWire
    }

    /// A certificate's notAfter in seconds since the Unix epoch.
    static func notAfter(of certificate: OpaquePointer) -> Int64? {
        guard let time = X509_get0_notAfter(certificate) else { return nil }
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else { return nil }
        return Int64(timegm(&parts))
    }

    deinit {
        // Connections hold this box, so no SSL* still uses the ALPN buffer or the context.
        SSL_CTX_free(pointer)
        alpnWire?.deallocate()
    }

    static func check(_ ok: Bool, _ what: String) throws(TLSError) {
        if !ok {
            throw TLSError(.configurationInvalid, what, cause: OpenSSLErrorQueue.drain())
        }
    }

    private static func configureProtocol(_ context: OpaquePointer, _ configuration: TLSConfiguration) throws(TLSError) {
        let minimum = configuration.minimumVersion == .tls13 ? TLS1_3_VERSION : TLS1_2_VERSION
        try check(kinerja_ssl_ctx_set_min_proto_version(context, minimum) == 1, "cannot set the minimum TLS version")
        try check(kinerja_ssl_ctx_set_max_proto_version(context, TLS1_3_VERSION) == 1, "cannot set the maximum TLS version")
        // The server picks the suite in our order (all are strong; scanners flag client choice in
        // TLS 1.2), except that a client that prefers ChaCha20 (no AES hardware) gets it.
        var options = KINERJA_SSL_OP_NO_COMPRESSION | KINERJA_SSL_OP_NO_RENEGOTIATION
            | KINERJA_SSL_OP_CIPHER_SERVER_PREFERENCE | KINERJA_SSL_OP_PRIORITIZE_CHACHA
        if !configuration.sessionTickets { options |= KINERJA_SSL_OP_NO_TICKET }
        SSL_CTX_set_options(context, options)
        // A truncation must surface as an error, whatever the system openssl.cnf says.
        SSL_CTX_clear_options(context, KINERJA_SSL_OP_IGNORE_UNEXPECTED_EOF)
        try check(SSL_CTX_set_num_tickets(context, configuration.sessionTickets ? 1 : 0) == 1, "cannot set the ticket count")
        _ = kinerja_ssl_ctx_set_session_cache_mode(context, Int(SSL_SESS_CACHE_OFF))
        let sessionContext = Array("kinerja".utf8)
        try check(SSL_CTX_set_session_id_context(context, sessionContext, UInt32(sessionContext.count)) == 1, "cannot set the session id context")
        SSL_CTX_set_security_level(context, 2)
        let tls12 = TLSConfiguration.tls12CipherSuites.joined(separator: ":")
        try check(SSL_CTX_set_cipher_list(context, tls12) == 1, "cannot set TLS 1.2 cipher suites \(tls12)")
        let tls13 = TLSConfiguration.tls13CipherSuites.joined(separator: ":")
        try check(SSL_CTX_set_ciphersuites(context, tls13) == 1, "cannot set TLS 1.3 cipher suites \(tls13)")
        let groups = TLSConfiguration.groups.joined(separator: ":")
        try check(kinerja_ssl_ctx_set1_groups_list(context, groups) == 1, "cannot set groups \(groups)")
    }

    private static func loadIdentity(_ context: OpaquePointer, _ configuration: TLSConfiguration) throws(TLSError) {
        try check(
            SSL_CTX_use_certificate_chain_file(context, configuration.certificateChainFile) == 1,
            "cannot load the certificate chain \(configuration.certificateChainFile)"
        )
        try check(
            SSL_CTX_use_PrivateKey_file(context, configuration.privateKeyFile, SSL_FILETYPE_PEM) == 1,
            "cannot load the private key \(configuration.privateKeyFile)"
        )
        try check(SSL_CTX_check_private_key(context) == 1, "the private key does not match the certificate")
    }

    private static func loadTrustRoots(_ context: OpaquePointer, _ configuration: TLSConfiguration) throws(TLSError) {
        let file = configuration.trustRootsFile
        // Only this file: SSL_CTX_set_default_verify_paths (the system store) is never called.
        try check(SSL_CTX_load_verify_file(context, file) == 1, "cannot load trust roots \(file)")
        guard let names = SSL_load_client_CA_file(file) else {
            throw TLSError(.configurationInvalid, "no CA certificate in \(file)", cause: OpenSSLErrorQueue.drain())
        }
        SSL_CTX_set_client_CA_list(context, names)
        if let revocationList = configuration.revocationListFile {
            try loadRevocationList(context, revocationList)
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, PeerVerification.callback)
        SSL_CTX_set_verify_depth(context, 4)
    }

    private static func loadRevocationList(_ context: OpaquePointer, _ file: String) throws(TLSError) {
        guard let store = SSL_CTX_get_cert_store(context), let lookup = X509_STORE_add_lookup(store, X509_LOOKUP_file()) else {
            throw TLSError(.configurationInvalid, "cannot prepare the revocation check", cause: OpenSSLErrorQueue.drain())
        }
        try check(X509_load_crl_file(lookup, file, X509_FILETYPE_PEM) > 0, "cannot load revocation lists \(file)")
        // Leaf only: our CAs sign leaves directly (pathlen 0), and an agency CA's CRL covers its leaves.
        try check(X509_STORE_set_flags(store, UInt(X509_V_FLAG_CRL_CHECK)) == 1, "cannot enable the revocation check")
    }
}
