import COpenSSL
import COpenSSLShim

/// What a connection negotiated, who the peer is, and how OpenSSL's failures map to `TLSError`.
extension TLSConnection {
    // MARK: What was negotiated.

    var applicationProtocol: String? {
        var data: UnsafePointer<UInt8>?
        var length: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &data, &length)
        guard let data, length > 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: data, count: Int(length)), as: UTF8.self)
    }

    var protocolVersion: String {
        SSL_get_version(ssl).map { String(cString: $0) } ?? "unknown"
    }

    var cipherSuite: String {
        SSL_get_current_cipher(ssl).flatMap { SSL_CIPHER_get_name($0) }.map { String(cString: $0) } ?? "unknown"
    }

    /// The peer's verified identity and the SHA-256 of its leaf, checked again after the handshake.
    func verifiedPeer() throws(TLSError) -> (identity: PeerIdentity, fingerprint: [UInt8]) {
        OpenSSLErrorQueue.clear()
        guard let leaf = SSL_get0_peer_certificate(ssl) else {
            throw TLSError(.peerCertificateRejected, "the peer presented no certificate")
        }
        let verdict = SSL_get_verify_result(ssl)
        guard verdict == Int(X509_V_OK) else {
            throw TLSError(.peerCertificateRejected, String(cString: X509_verify_cert_error_string(verdict)))
        }
        let identity = try LeafCertificatePolicy.identity(of: leaf, trustDomain: verification.trustDomain)
        if let expected = verification.expected, expected != identity {
            throw TLSError(.peerIdentityMismatch, "peer is \(identity.uri), expected \(expected.uri)")
        }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard X509_digest(leaf, EVP_sha256(), &digest, &length) == 1 else {
            throw TLSError(.peerCertificateRejected, "cannot hash the peer certificate", cause: OpenSSLErrorQueue.drain())
        }
        return (identity, Array(digest.prefix(Int(length))))
    }

    // MARK: Errors.

    func handshakeError(_ stack: OpenSSLErrorStack) -> TLSError {
        if let failure = verification.failure {
            return TLSError(failure.code, failure.message, cause: stack)
        }
        if let alert = stack.receivedAlert {
            let code: TLSError.Code = alert == UInt8(SSL_AD_NO_APPLICATION_PROTOCOL) ? .noApplicationProtocol : .alertReceived
            return TLSError(code, "peer sent alert \(TLSAlert.name(alert))", cause: stack)
        }
        if stack.contains(sslReason: SSL_R_NO_APPLICATION_PROTOCOL) || stack.contains(sslReason: SSL_R_CALLBACK_FAILED) {
            return TLSError(.noApplicationProtocol, "the peer offered none of \(configuration.applicationProtocols)", cause: stack)
        }
        if stack.contains(sslReason: SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE) {
            return TLSError(.peerCertificateRejected, "the peer presented no certificate", cause: stack)
        }
        let reason = stack.entries.first?.reason ?? "unknown failure"
        return TLSError(.handshakeFailed, reason, cause: stack)
    }
}
