import COpenSSL
import COpenSSLShim
import NIOCore

/// One `SSL*` over a `ByteBufferBIO`: ciphertext in through `feed`, out through `drainOutbound`.
///
/// Every OpenSSL call is bracketed the same way: the per-thread error queue is cleared before it
/// and drained into a `TLSError` after a failure. The caller drains outbound ciphertext after every
/// call, failures included, so that alerts reach the peer.
final class TLSConnection {
    enum Role {
        case server
        case client(expected: PeerIdentity, serverName: String?)
    }

    enum HandshakeResult {
        case complete
        case wantRead
        case failed(TLSError)
    }

    enum ReadResult {
        case data(ByteBuffer)
        case wantRead
        case closeNotify
        case failed(TLSError)
    }

    let ssl: OpaquePointer
    private let transport: ByteBufferBIO
    /// Keeps the `SSL_CTX` (and its ALPN buffer) alive for this connection, across reloads.
    let context: SSLContextBox
    let verification: PeerVerification
    private let isServer: Bool

    init(context: SSLContextBox, role: Role, allocator: ByteBufferAllocator) throws(TLSError) {
        OpenSSLErrorQueue.clear()
        let transport = try ByteBufferBIO(allocator: allocator)
        guard let ssl = SSL_new(context.pointer) else {
            BIO_free(transport.bio)
            throw TLSError(.configurationInvalid, "SSL_new failed", cause: OpenSSLErrorQueue.drain())
        }
        SSL_set_bio(ssl, transport.bio, transport.bio)  // ssl owns the BIO from here; `transport` outlives it.
        self.ssl = ssl
        self.transport = transport
        self.context = context
        switch role {
        case .server:
            self.isServer = true
            self.verification = PeerVerification(expected: nil, trustDomain: context.configuration.trustDomain)
            SSL_set_accept_state(ssl)
        case .client(let expected, let serverName):
            self.isServer = false
            self.verification = PeerVerification(expected: expected, trustDomain: context.configuration.trustDomain)
            SSL_set_connect_state(ssl)
            if let serverName, kinerja_ssl_set_tlsext_host_name(ssl, serverName) != 1 {
                throw TLSError(.configurationInvalid, "invalid server name \(serverName)", cause: OpenSSLErrorQueue.drain())
            }
        }
        guard verification.attach(to: ssl) else {
            throw TLSError(.configurationInvalid, "SSL_set_ex_data failed", cause: OpenSSLErrorQueue.drain())
        }
    }

    deinit {
        SSL_free(ssl)
    }

    var configuration: TLSConfiguration { context.configuration }

    // MARK: Ciphertext in and out.

    /// Hands received ciphertext to OpenSSL.
    func feed(_ buffer: ByteBuffer) {
        transport.feed(buffer)
    }

    /// Takes all ciphertext OpenSSL has produced since the last call, or `nil` when there is none.
    func drainOutbound() -> ByteBuffer? {
        transport.drainOutbound()
    }

    // MARK: TLS operations.

    func handshake() -> HandshakeResult {
        OpenSSLErrorQueue.clear()
        let result = SSL_do_handshake(ssl)
        if result == 1 { return .complete }
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return .wantRead
        default:
            return .failed(handshakeError(OpenSSLErrorQueue.drain()))
        }
    }

    /// Decrypts one chunk of application data, if a whole record is available.
    func read(allocator: ByteBufferAllocator) -> ReadResult {
        // Nothing received and nothing buffered inside OpenSSL: SSL_read could only ask for more.
        if transport.inbound.readableBytes == 0, SSL_has_pending(ssl) == 0 {
            return .wantRead
        }
        var buffer = allocator.buffer(capacity: 16_384)
        var error: Int32 = SSL_ERROR_NONE
        OpenSSLErrorQueue.clear()
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: 16_384) { target in
            let read = SSL_read(ssl, target.baseAddress, Int32(clamping: target.count))
            if read > 0 { return Int(read) }
            error = SSL_get_error(ssl, read)
            return 0
        }
        switch error {
        case SSL_ERROR_NONE:
            return .data(buffer)
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return .wantRead
        case SSL_ERROR_ZERO_RETURN:
            return .closeNotify
        default:
            let stack = OpenSSLErrorQueue.drain()
            if let alert = stack.receivedAlert {
                return .failed(TLSError(.alertReceived, "peer sent alert \(TLSAlert.name(alert))", cause: stack))
            }
            return .failed(TLSError(.protocolFailure, "reading a record failed", cause: stack))
        }
    }

    /// Encrypts all of `buffer` into the outbound BIO (a memory BIO never asks us to retry).
    func write(_ buffer: ByteBuffer) -> TLSError? {
        guard buffer.readableBytes > 0 else { return nil }
        // Records add at most 22 bytes each in TLS 1.3 (29 in 1.2); reserve once for the whole write.
        transport.reserveOutbound(buffer.readableBytes + (buffer.readableBytes / 16_384 + 1) * 64)
        return buffer.withUnsafeReadableBytes { bytes -> TLSError? in
            var offset = 0
            while offset < bytes.count, let base = bytes.baseAddress {
                OpenSSLErrorQueue.clear()
                var written = 0
                let result = SSL_write_ex(ssl, base + offset, bytes.count - offset, &written)
                guard result == 1 else {
                    return TLSError(.protocolFailure, "writing a record failed", cause: OpenSSLErrorQueue.drain())
                }
                offset += written
            }
            return nil
        }
    }

    /// Queues our close_notify. Returns whether the peer's close_notify has already been received.
    func shutdown() -> Bool {
        OpenSSLErrorQueue.clear()
        let result = SSL_shutdown(ssl)
        if result < 0 { _ = OpenSSLErrorQueue.drain() }
        return result == 1
    }
}
