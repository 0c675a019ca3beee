import COpenSSL
import COpenSSLShim

/// The rules a verified chain's leaf must also meet before its URI SAN is taken as the peer's identity.
///
/// OpenSSL has already checked the chain to our CA and the validity dates; this adds what it does
/// not: a leaf is never a CA, and it names exactly one identity.
enum LeafCertificatePolicy {
    /// The identity of `leaf` (an `X509*`), or the reason it is refused.
    static func identity(of leaf: OpaquePointer, trustDomain: String) throws(TLSError) -> PeerIdentity {
        let flags = X509_get_extension_flags(leaf)
        if flags & UInt32(EXFLAG_CA) != 0 {
            throw TLSError(.peerCertificateRejected, "leaf certificate is a CA (basicConstraints CA:TRUE)")
        }
        if flags & UInt32(EXFLAG_KUSAGE) != 0, X509_get_key_usage(leaf) & UInt32(KU_KEY_CERT_SIGN) != 0 {
            throw TLSError(.peerCertificateRejected, "leaf certificate may sign certificates (keyUsage keyCertSign)")
        }
        let uris = uriSubjectAlternativeNames(of: leaf)
        guard uris.count == 1, let uri = uris.first else {
            throw TLSError(
                .peerCertificateRejected,
                "leaf certificate has \(uris.count) URI SANs \(uris); exactly one identity is required"
            )
        }
        return try PeerIdentity(uri: uri, trustDomain: trustDomain)
    }

    /// Every URI entry of the subjectAltName extension, in certificate order.
    static func uriSubjectAlternativeNames(of certificate: OpaquePointer) -> [String] {
        guard let names = kinerja_x509_subject_alt_names(certificate) else { return [] }
        defer { kinerja_general_names_free(names) }
        var uris: [String] = []
        for index in 0..<kinerja_general_names_count(names) {
            var length: Int32 = 0
            guard let bytes = kinerja_general_name_uri(names, index, &length), length >= 0 else { continue }
            let buffer = UnsafeBufferPointer(start: bytes, count: Int(length))
            // A URI with invalid UTF-8 (or an embedded NUL) can never equal a valid identity; keep it
            // so that it still counts against the "exactly one" rule.
            uris.append(String(decoding: buffer, as: UTF8.self))
        }
        return uris
    }
}
