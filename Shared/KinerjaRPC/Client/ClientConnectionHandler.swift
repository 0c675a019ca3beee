import KinerjaProto
import KinerjaTLS
import NIOCore

/// Runs the client side of one connection: starts calls, routes response frames, flow control,
/// keepalive pings, GOAWAY.
final class ClientConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = Frame
    typealias OutboundOut = ByteBuffer

    private var state: ClientConnectionStateMachine
    private var calls: [UInt32: ClientCall] = [:]
    private var context: ChannelHandlerContext?
    private let ready: EventLoopPromise<Void>
    private let keepalive: ClientConfiguration.Keepalive
    private var pingTimer: RepeatedTask?
    private var awaitingPong: NIODeadline?
    private var lastFrame: NIODeadline = .now()
    private let flusher = FlushCoalescer()
    private(set) var isClosed = false
    /// Called on the event loop when the connection stops taking calls (GOAWAY or close).
    var onUnusable: (() -> Void)?

    private let maxConcurrentCalls: Int

    init(limits: RPCLimits, keepalive: ClientConfiguration.Keepalive, ready: EventLoopPromise<Void>) {
        self.state = ClientConnectionStateMachine(initialWindow: RPCLimits.initialWindow)
        self.maxConcurrentCalls = limits.maxConcurrentCalls
        self.keepalive = keepalive
        self.ready = ready
    }

    var acceptsCalls: Bool { !isClosed && state.acceptsCalls }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is TLSHandshakeCompleted {
            ready.succeed()
            startKeepalive(context: context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        lastFrame = .now()
        switch state.receive(frame) {
        case .none:
            break
        case .deliver(let id, var payload):
            guard let call = calls[id] else { break }
            call.deliver(payload.readBytes(length: payload.readableBytes) ?? [])
        case .finish(let id, let code, let message, let details):
            guard let call = calls.removeValue(forKey: id) else { break }
            call.end(code == .ok ? nil : AttemptFailure(error: RPCError(code, message, details: details), notStarted: false))
            admitWaiting()
        case .windowOpened(let id):
            if let call = calls[id] { drainPendingWrites(call, context: context) }
        case .sendPong(let payload):
            var buffer = context.channel.allocator.buffer(capacity: Frame.headerSize + 8)
            buffer.writeFrame(Frame(.pong, callID: 0, payload: payload))
            context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
        case .pongReceived:
            awaitingPong = nil
        case .goAway(let refused):
            for id in refused {
                calls.removeValue(forKey: id)?.end(AttemptFailure(
                    error: RPCError(.unavailable, "the server is shutting down; the call was not started"), notStarted: true,
                    transparent: true))
            }
            onUnusable?()
            admitWaiting()
            closeIfIdleAfterGoAway(context: context)
        case .closeConnection(let code, let message):
            var buffer = context.channel.allocator.buffer(capacity: 64)
            buffer.writeFrame(.goAway, callID: 0, message: RPC.GoAway(lastCallID: 0, code: code.rawValue, reason: message))
            context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
            fail(RPCError(.unavailable, "the server violated the protocol: \(message)"))
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(RPCError(.unavailable, "the connection closed"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(RPCError(.unavailable, "connection failed: \(error)"))
        context.close(promise: nil)
    }

    private func fail(_ error: RPCError) {
        guard !isClosed else { return }
        isClosed = true
        pingTimer?.cancel()
        ready.fail(error)
        _ = state.close()
        let open = calls
        calls.removeAll()
        for call in open.values {
            // A call whose HEADERS may have reached the server may have started.
            call.end(AttemptFailure(error: error, notStarted: false))
        }
        admitWaiting()  // calls still waiting never left this client: not started
        onUnusable?()
    }

    private func closeIfIdleAfterGoAway(context: ChannelHandlerContext) {
        if calls.isEmpty, case .goingAway = state.phase { context.close(promise: nil) }
    }

    // MARK: Calls.

    private struct WaitingOpen {
        let header: [UInt8]
        let request: [UInt8]?
        let deadline: NIODeadline?
        let unary: Bool
        let promise: EventLoopPromise<ClientCall?>
    }

    /// Whether a call could start at once.
    enum Opening {
        case opened(ClientCall)
        /// The connection takes no new calls.
        case refused
        /// The server's concurrency limit is reached: open it with a promise and wait.
        case mustWait
    }

    /// Calls waiting for a slot under the server's concurrency limit, in arrival order.
    private var waitingOpens: [WaitingOpen] = []

    private var concurrencyLimit: Int {
        Int(state.serverSettings?.maxConcurrentCalls ?? 0).nonZero ?? maxConcurrentCalls
    }

    /// Starts a call once the server's concurrency limit allows; nil when the connection takes no calls.
    func open(header: [UInt8], request: [UInt8]?, deadline: NIODeadline?, unary: Bool = false,
              promise: EventLoopPromise<ClientCall?>) {
        guard !isClosed, state.acceptsCalls else { return promise.succeed(nil) }
        if calls.count < concurrencyLimit, waitingOpens.isEmpty {
            promise.succeed(open(header: header, request: request, deadline: deadline, unary: unary))
        } else {
            waitingOpens.append(WaitingOpen(header: header, request: request, deadline: deadline, unary: unary,
                                            promise: promise))
        }
    }

    /// Starts a call at once when the server's concurrency limit allows, without a promise.
    func openNow(header: [UInt8], request: [UInt8]?, deadline: NIODeadline?, unary: Bool) -> Opening {
        guard !isClosed, state.acceptsCalls else { return .refused }
        guard calls.count < concurrencyLimit, waitingOpens.isEmpty else { return .mustWait }
        return open(header: header, request: request, deadline: deadline, unary: unary).map { .opened($0) } ?? .refused
    }

    /// Starts waiting calls while there is room.
    private func admitWaiting() {
        while !waitingOpens.isEmpty, calls.count < concurrencyLimit || isClosed || !state.acceptsCalls {
            let next = waitingOpens.removeFirst()
            next.promise.succeed(isClosed || !state.acceptsCalls ? nil
                                 : open(header: next.header, request: next.request, deadline: next.deadline, unary: next.unary))
        }
    }

    /// Starts a call: writes HEADERS (and the single request, if given). Nil when the connection takes no calls.
    private func open(header: [UInt8], request: [UInt8]?, deadline: NIODeadline?, unary: Bool) -> ClientCall? {
        guard let context, !isClosed, let id = state.openCall() else { return nil }
        let call = ClientCall(id: id, eventLoop: context.eventLoop, unary: unary)
        calls[id] = call
        var buffer = context.channel.allocator.buffer(capacity: 2 * Frame.headerSize + header.count + (request?.count ?? 0))
        buffer.writeFrame(.headers, callID: id, bytes: header)
        if let request {
            _ = state.takeSendCredit(id)
            buffer.writeFrame(.message, flags: .endStream, callID: id, bytes: request)
        }
        context.write(wrapOutboundOut(buffer), promise: nil)
        flusher.flushSoon(context)
        if let deadline {
            let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
            call.deadlineTimer = context.eventLoop.scheduleTask(deadline: deadline) {
                loopBound.value.cancel(call, AttemptFailure(error: RPCError(.deadlineExceeded, "the call's deadline passed"),
                                                            notStarted: false))
            }
        }
        return call
    }

    /// Writes at once when nothing waits and there is credit; false when the write must queue.
    func trySend(_ bytes: [UInt8]?, on call: ClientCall) throws -> Bool {
        guard let context, !call.ended else {
            throw call.outcome ?? AttemptFailure(error: RPCError(.cancelled, "the call has ended"), notStarted: false)
        }
        guard call.pendingWrites.isEmpty else { return false }
        guard let bytes else {
            writeEndStream(call.id, context: context)
            return true
        }
        guard state.takeSendCredit(call.id) else { return false }
        writeMessage(call.id, bytes, context: context)
        return true
    }

    /// Sends a request message (or only ends the request stream when `bytes` is nil), queueing it
    /// behind earlier writes while the window is closed.
    func sendOrQueue(_ bytes: [UInt8]?, on call: ClientCall, done: CheckedContinuation<Void, any Error>) {
        do {
            if try trySend(bytes, on: call) { done.resume() } else { call.pendingWrites.append((bytes, done)) }
        } catch {
            done.resume(throwing: error)
        }
    }

    private func drainPendingWrites(_ call: ClientCall, context: ChannelHandlerContext) {
        while let write = call.pendingWrites.first {
            if let bytes = write.bytes {
                guard state.takeSendCredit(call.id) else { return }
                writeMessage(call.id, bytes, context: context)
            } else {
                writeEndStream(call.id, context: context)
            }
            call.pendingWrites.removeFirst()
            write.done.resume()
        }
    }

    private func writeEndStream(_ id: UInt32, context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: Frame.headerSize)
        buffer.writeFrameHeader(type: .endStream, flags: [], callID: id, length: 0)
        context.write(wrapOutboundOut(buffer), promise: nil)
        flusher.flushSoon(context)
    }

    private func writeMessage(_ id: UInt32, _ bytes: [UInt8], context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: Frame.headerSize + bytes.count)
        buffer.writeFrame(.message, callID: id, bytes: bytes)
        context.write(wrapOutboundOut(buffer), promise: nil)
        flusher.flushSoon(context)
    }

    /// Abandons a call: sends CANCEL and ends it locally with `failure`.
    func cancel(_ call: ClientCall, _ failure: AttemptFailure) {
        guard !call.ended else { return }
        calls[call.id] = nil
        if let context, !isClosed, state.cancel(call.id) {
            var buffer = context.channel.allocator.buffer(capacity: Frame.headerSize)
            buffer.writeFrameHeader(type: .cancel, flags: [], callID: call.id, length: 0)
            context.write(wrapOutboundOut(buffer), promise: nil)
            flusher.flushSoon(context)
        }
        call.end(failure)
        admitWaiting()
        if let context { closeIfIdleAfterGoAway(context: context) }
    }

    /// A response message was read: grant more window when due.
    func consumed(_ call: ClientCall) {
        guard let context, let increment = state.consumed(call.id) else { return }
        var buffer = context.channel.allocator.buffer(capacity: Frame.headerSize + 4)
        buffer.writeWindowUpdate(callID: call.id, increment: increment)
        context.write(wrapOutboundOut(buffer), promise: nil)
        flusher.flushSoon(context)
    }

    // MARK: Keepalive.

    private func startKeepalive(context: ChannelHandlerContext) {
        guard keepalive.interval > .zero else { return }
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let interval = TimeAmount(keepalive.interval)
        pingTimer = context.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
            loopBound.value.keepaliveTick()
        }
    }

    private func keepaliveTick() {
        guard let context, !isClosed else { return }
        let now = NIODeadline.now()
        if let sent = awaitingPong {
            if now - sent >= TimeAmount(keepalive.timeout) {
                fail(RPCError(.unavailable, "no PONG within \(keepalive.timeout)"))
                context.close(promise: nil)
            }
            return
        }
        guard now - lastFrame >= TimeAmount(keepalive.interval) else { return }
        awaitingPong = now
        var buffer = context.channel.allocator.buffer(capacity: Frame.headerSize + 8)
        buffer.writeFrameHeader(type: .ping, flags: [], callID: 0, length: 8)
        buffer.writeInteger(UInt64(now.uptimeNanoseconds))
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
    }
}

extension Int {
    var nonZero: Int? { self == 0 ? nil : self }
}
