public import NIOCore

/// A SwiftNIO handler that speaks mutual TLS on the system OpenSSL, as client or server.
///
/// Below it flows ciphertext, above it plaintext. Writes made before the handshake completes are
/// held and sent in order once it does; a `TLSHandshakeCompleted` event announces the verified
/// peer. Closing sends close_notify; a transport that ends without one raises
/// `TLSError.Code.uncleanShutdown`. Every fatal error is fired down the pipeline and closes the channel.
public final class TLSHandler: ChannelDuplexHandler, RemovableChannelHandler {
    public typealias InboundIn = ByteBuffer
    public typealias InboundOut = ByteBuffer
    public typealias OutboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    private let tlsContext: TLSContext
    private let role: TLSConnection.Role
    var stateMachine = TLSStateMachine()
    var connection: TLSConnection?
    var bufferedWrites = BufferedWrites()
    var handshakeTimer: Scheduled<Void>?
    var shutdownTimer: Scheduled<Void>?
    var closePromise: EventLoopPromise<Void>?
    var deliveredReads = false

    /// A server-side handler: requires and verifies a client certificate from our CA.
    public static func server(context: TLSContext) -> TLSHandler {
        TLSHandler(context: context, role: .server)
    }

    /// A client-side handler that only accepts a server whose certificate names `expecting`.
    ///
    /// `serverName` is sent as SNI when given (useful behind an SNI-routing proxy).
    public static func client(context: TLSContext, expecting: PeerIdentity, serverName: String? = nil) -> TLSHandler {
        TLSHandler(context: context, role: .client(expected: expecting, serverName: serverName))
    }

    private init(context: TLSContext, role: TLSConnection.Role) {
        self.tlsContext = context
        self.role = role
    }

    // MARK: Lifecycle.

    public func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context: context) }
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimers()
        bufferedWrites.failAll(with: TLSError(.closed, "the TLS handler was removed"))
        connection = nil
    }

    public func channelActive(context: ChannelHandlerContext) {
        start(context: context)
        context.fireChannelActive()
    }

    private func start(context: ChannelHandlerContext) {
        guard stateMachine.activate() == .startHandshake else { return }
        do {
            connection = try TLSConnection(context: tlsContext.snapshot(), role: role, allocator: context.channel.allocator)
        } catch {
            fail(context: context, error)
            return
        }
        let timeout = connection?.configuration.handshakeTimeout ?? .seconds(10)
        handshakeTimer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [weak self] in
            self?.handshakeTimedOut(context: context)
        }
        continueHandshake(context: context)
    }

    // MARK: Inbound.

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let ciphertext = unwrapInboundIn(data)
        switch stateMachine.inbound() {
        case .continueHandshake:
            connection?.feed(ciphertext)
            continueHandshake(context: context)
        case .decrypt:
            connection?.feed(ciphertext)
            decrypt(context: context)
        case .discard:
            break
        }
    }

    public func channelReadComplete(context: ChannelHandlerContext) {
        if deliveredReads {
            deliveredReads = false
            context.fireChannelReadComplete()
        }
        if stateMachine.state == .handshaking,
           (try? context.channel.syncOptions?.getOption(ChannelOptions.autoRead)) == false {
            context.read()  // the handshake needs the peer's bytes whether or not the application reads.
        }
    }

    public func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // With remote half-closure allowed, the peer's FIN arrives as an event, not as channelInactive.
        if case .inputClosed = event as? ChannelEvent {
            switch stateMachine.state {
            case .handshaking:
                fail(context: context, TLSError(.handshakeFailed, "the peer closed its side during the handshake"))
            case .active:
                fail(context: context, TLSError(.uncleanShutdown, "the peer closed its side without close_notify; data may be truncated"))
            case .idle, .closing, .closed:
                break
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    public func channelInactive(context: ChannelHandlerContext) {
        cancelTimers()
        let action = stateMachine.inactive()
        switch action {
        case .clean:
            break
        case .handshakeInterrupted:
            let error = TLSError(.handshakeFailed, "the connection closed during the handshake")
            bufferedWrites.failAll(with: error)
            context.fireErrorCaught(error)
        case .truncated:
            let error = TLSError(.uncleanShutdown, "the connection closed without close_notify; data may be truncated")
            bufferedWrites.failAll(with: error)
            context.fireErrorCaught(error)
        case .closeCompleted:
            closePromise?.succeed()
            closePromise = nil
        }
        bufferedWrites.failAll(with: TLSError(.closed, "the connection closed"))
        connection = nil
        context.fireChannelInactive()
    }

    // MARK: Outbound.

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch stateMachine.write() {
        case .buffer:
            bufferedWrites.append(unwrapOutboundIn(data), promise: promise)
        case .fail:
            promise?.fail(TLSError(.closed, "write after the TLS connection started closing"))
        }
    }

    public func flush(context: ChannelHandlerContext) {
        switch stateMachine.flush() {
        case .encrypt:
            bufferedWrites.markFlushed()
            encryptFlushedWrites(context: context)
        case .wait:
            bufferedWrites.markFlushed()
        case .none:
            break
        }
    }

    public func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        guard mode == .all else {
            promise?.fail(ChannelError.operationUnsupported)
            return
        }
        switch stateMachine.close() {
        case .closeTransport:
            cancelTimers()
            bufferedWrites.failAll(with: TLSError(.closed, "the connection closed before the handshake completed"))
            context.close(promise: promise)
        case .sendCloseNotify:
            bufferedWrites.failAll(with: TLSError(.closed, "the connection closed before the write was flushed"))
            closePromise = promise
            _ = connection?.shutdown()
            writeOutbound(context: context, promise: nil)
            let timeout = connection?.configuration.shutdownTimeout ?? .seconds(5)
            shutdownTimer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [weak self] in
                self?.shutdownTimedOut(context: context)
            }
        case .joinClose:
            if let promise {
                if let closePromise {
                    closePromise.futureResult.cascade(to: promise)
                } else {
                    closePromise = promise
                }
            }
        case .alreadyClosed:
            promise?.fail(ChannelError.alreadyClosed)
        }
    }
}
