import COpenSSL
import COpenSSLShim

/// ALPN: offer our protocols as a client, choose from them as a server, refuse a peer without one.
extension SSLContextBox {
    static func configureALPN(
        _ context: OpaquePointer, _ protocols: [String]
    ) throws(TLSError) -> UnsafeMutableRawBufferPointer? {
        guard !protocols.isEmpty else { return nil }
        var wire: [UInt8] = []
        for name in protocols {
            let bytes = Array(name.utf8)
            guard (1...255).contains(bytes.count) else {
                throw TLSError(.configurationInvalid, "ALPN protocol \(name.debugDescription) must be 1 to 255 bytes")
            }
            wire.append(UInt8(bytes.count))
            wire.append(contentsOf: bytes)
        }
        guard wire.count <= UInt16.max else {
            throw TLSError(.configurationInvalid, "the ALPN list is too long")
        }
        // Client role: offer the list. SSL_CTX_set_alpn_protos returns 0 on success.
        try check(SSL_CTX_set_alpn_protos(context, wire, UInt32(wire.count)) == 0, "cannot set ALPN protocols")
        // Server role: choose from the list, refuse a ClientHello without ALPN or without overlap.
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: wire.count + 2, alignment: 2)
        buffer.storeBytes(of: UInt16(wire.count), as: UInt16.self)
        buffer.baseAddress?.advanced(by: 2).copyMemory(from: wire, byteCount: wire.count)
        SSL_CTX_set_alpn_select_cb(context, selectApplicationProtocol, buffer.baseAddress)
        _ = kinerja_ssl_ctx_set_client_hello_cb_requiring_alpn(context)
        return buffer
    }
}

/// OpenSSL's ALPN select callback: the first of our protocols the client offers, or a fatal no_application_protocol.
private let selectApplicationProtocol: @convention(c) (
    OpaquePointer?, UnsafeMutablePointer<UnsafePointer<UInt8>?>?, UnsafeMutablePointer<UInt8>?,
    UnsafePointer<UInt8>?, UInt32, UnsafeMutableRawPointer?
) -> Int32 = { _, out, outLength, offered, offeredLength, argument in
    guard let out, let outLength, let offered, let argument else { return SSL_TLSEXT_ERR_ALERT_FATAL }
    let ourLength = argument.load(as: UInt16.self)
    let ours = argument.advanced(by: 2).assumingMemoryBound(to: UInt8.self)
    var selected: UnsafeMutablePointer<UInt8>?
    let result = SSL_select_next_proto(&selected, outLength, ours, UInt32(ourLength), offered, offeredLength)
    guard result == OPENSSL_NPN_NEGOTIATED, let selected else { return SSL_TLSEXT_ERR_ALERT_FATAL }
    out.pointee = UnsafePointer(selected)
    return SSL_TLSEXT_ERR_OK
}
