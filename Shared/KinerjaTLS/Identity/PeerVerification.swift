import COpenSSL
import COpenSSLShim

/// Per-connection verification state reached from OpenSSL's verify callback through SSL ex_data.
///
/// Lives as long as the connection's `SSL*`; only touched on the connection's event loop, inside
/// OpenSSL calls made by the handler.
final class PeerVerification {
    /// The identity a client means to reach; `nil` on the server, which accepts any identity of the trust domain.
    let expected: PeerIdentity?
    let trustDomain: String
    /// The first reason verification failed, kept because OpenSSL only reports a number.
    var failure: TLSError?
    /// The identity of the verified leaf.
    var verifiedPeer: PeerIdentity?

    init(expected: PeerIdentity?, trustDomain: String) {
        self.expected = expected
        self.trustDomain = trustDomain
    }

    /// The SSL ex_data slot that holds the unretained pointer to a connection's `PeerVerification`.
    static let exDataIndex: Int32 = kinerja_ssl_get_ex_new_index()

    /// Attaches `self` to `ssl`; the caller keeps `self` alive for as long as `ssl`.
    func attach(to ssl: OpaquePointer) -> Bool {
        SSL_set_ex_data(ssl, Self.exDataIndex, Unmanaged.passUnretained(self).toOpaque()) == 1
    }

    static func from(store: OpaquePointer) -> PeerVerification? {
        guard let ssl = X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()),
              let pointer = SSL_get_ex_data(OpaquePointer(ssl), exDataIndex)
        else { return nil }
        return Unmanaged<PeerVerification>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// OpenSSL's verify callback: keeps the chain verdict, then applies the leaf policy and the expected identity.
    static let callback: @convention(c) (Int32, OpaquePointer?) -> Int32 = { preverifyOK, store in
        guard let store, let verification = PeerVerification.from(store: store) else { return 0 }
        let depth = X509_STORE_CTX_get_error_depth(store)
        guard preverifyOK == 1 else {
            let code = X509_STORE_CTX_get_error(store)
            let reason = String(cString: X509_verify_cert_error_string(Int(code)))
            verification.record(TLSError(.peerCertificateRejected, "certificate at depth \(depth): \(reason)"))
            return 0
        }
        guard depth == 0 else { return 1 }
        guard let leaf = X509_STORE_CTX_get_current_cert(store) else { return 0 }
        do throws(TLSError) {
            let identity = try LeafCertificatePolicy.identity(of: leaf, trustDomain: verification.trustDomain)
            if let expected = verification.expected, expected != identity {
                verification.record(TLSError(
                    .peerIdentityMismatch, "peer is \(identity.uri), expected \(expected.uri)"
                ))
                X509_STORE_CTX_set_error(store, X509_V_ERR_CERT_REJECTED)
                return 0
            }
            verification.verifiedPeer = identity
            return 1
        } catch {
            verification.record(error)
            X509_STORE_CTX_set_error(store, X509_V_ERR_CERT_REJECTED)
            return 0
        }
    }

    private func record(_ error: TLSError) {
        if failure == nil { failure = error }
    }
}
