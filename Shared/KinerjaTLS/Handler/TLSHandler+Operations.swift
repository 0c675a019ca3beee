import NIOCore

/// The steps the handler performs on OpenSSL once the state machine has decided what to do.
extension TLSHandler {
    func continueHandshake(context: ChannelHandlerContext) {
        guard let connection else { return }
        switch connection.handshake() {
        case .wantRead:
            writeOutbound(context: context, promise: nil)
        case .failed(let error):
            fail(context: context, error)
        case .complete:
            writeOutbound(context: context, promise: nil)
            handshakeDidComplete(context: context, connection: connection)
        }
    }

    private func handshakeDidComplete(context: ChannelHandlerContext, connection: TLSConnection) {
        handshakeTimer?.cancel()
        handshakeTimer = nil
        let peer: (identity: PeerIdentity, fingerprint: [UInt8])
        do {
            peer = try connection.verifiedPeer()
        } catch {
            fail(context: context, error)
            return
        }
        let applicationProtocol = connection.applicationProtocol
        let offered = connection.configuration.applicationProtocols
        if !offered.isEmpty, applicationProtocol == nil {
            fail(context: context, TLSError(.noApplicationProtocol, "the server selected none of \(offered)"))
            return
        }
        stateMachine.handshakeCompleted()
        context.fireUserInboundEventTriggered(TLSHandshakeCompleted(
            applicationProtocol: applicationProtocol,
            peer: peer.identity,
            protocolVersion: connection.protocolVersion,
            cipherSuite: connection.cipherSuite,
            peerCertificateSHA256: peer.fingerprint
        ))
        // Records that arrived with the peer's last handshake flight go up before our held writes go out.
        decrypt(context: context)
        if stateMachine.state == .active, bufferedWrites.hasFlushed {
            encryptFlushedWrites(context: context)
        }
    }

    func decrypt(context: ChannelHandlerContext) {
        guard let connection else { return }
        reading: while true {
            switch connection.read(allocator: context.channel.allocator) {
            case .data(let plaintext):
                deliveredReads = true
                context.fireChannelRead(wrapInboundOut(plaintext))
                if stateMachine.state == .closed { break reading }
            case .wantRead:
                break reading
            case .closeNotify:
                closeNotifyReceived(context: context)
                break reading
            case .failed(let error):
                fail(context: context, error)
                return
            }
        }
        // SSL_read may have written too: a KeyUpdate answer, or an alert.
        writeOutbound(context: context, promise: nil)
    }

    private func closeNotifyReceived(context: ChannelHandlerContext) {
        switch stateMachine.closeNotifyReceived() {
        case .replyAndClose:
            cancelTimers()
            _ = connection?.shutdown()
            writeOutbound(context: context, promise: nil)
            bufferedWrites.failAll(with: TLSError(.closed, "the peer closed the connection"))
            flushReadComplete(context: context)
            context.close(promise: nil)
        case .closeTransport:
            cancelTimers()
            flushReadComplete(context: context)
            let promise = closePromise
            closePromise = nil
            context.close(promise: promise)
        case .none:
            break
        }
    }

    private func flushReadComplete(context: ChannelHandlerContext) {
        if deliveredReads {
            deliveredReads = false
            context.fireChannelReadComplete()
        }
    }

    func encryptFlushedWrites(context: ChannelHandlerContext) {
        guard let connection else { return }
        var promises: [EventLoopPromise<Void>] = []
        while let write = bufferedWrites.popFlushed() {
            if let promise = write.promise { promises.append(promise) }
            if let error = connection.write(write.data) {
                for promise in promises { promise.fail(error) }
                fail(context: context, error)
                return
            }
        }
        let promise: EventLoopPromise<Void>?
        switch promises.count {
        case 0:
            promise = nil
        case 1:
            promise = promises[0]
        default:
            let combined = context.eventLoop.makePromise(of: Void.self)
            for each in promises { combined.futureResult.cascade(to: each) }
            promise = combined
        }
        writeOutbound(context: context, promise: promise)
    }

    /// Sends whatever ciphertext OpenSSL produced; called after every OpenSSL call.
    func writeOutbound(context: ChannelHandlerContext, promise: EventLoopPromise<Void>?) {
        guard let ciphertext = connection?.drainOutbound() else {
            promise?.succeed()
            return
        }
        context.writeAndFlush(wrapOutboundOut(ciphertext), promise: promise)
    }

    /// A fatal error: alerts out, error up, pending writes failed, transport closed.
    func fail(context: ChannelHandlerContext, _ error: TLSError) {
        guard stateMachine.fail() else { return }
        cancelTimers()
        writeOutbound(context: context, promise: nil)
        bufferedWrites.failAll(with: error)
        let promise = closePromise
        closePromise = nil
        context.fireErrorCaught(error)
        context.close(promise: promise)
    }

    func handshakeTimedOut(context: ChannelHandlerContext) {
        guard stateMachine.handshakeTimedOut() else { return }
        let timeout = connection?.configuration.handshakeTimeout ?? .seconds(10)
        fail(context: context, TLSError(
            .handshakeTimeout, "the peer did not complete the handshake within \(timeout.nanoseconds / 1_000_000) ms"
        ))
    }

    func shutdownTimedOut(context: ChannelHandlerContext) {
        guard stateMachine.shutdownTimedOut() else { return }
        shutdownTimer = nil
        let promise = closePromise
        closePromise = nil
        context.close(promise: promise)
    }

    func cancelTimers() {
        handshakeTimer?.cancel()
        handshakeTimer = nil
        shutdownTimer?.cancel()
        shutdownTimer = nil
    }
}
