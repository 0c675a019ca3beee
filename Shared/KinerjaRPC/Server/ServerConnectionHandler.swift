import KinerjaProto
import KinerjaTLS
import NIOCore

/// Serves the calls of one connection: decodes frames through the state machine, starts a task
/// per call on the connection's event loop, writes responses with flow control, drains on GOAWAY.
final class ServerConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = Frame
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var state: ServerConnectionStateMachine
    private let router: ServerRouter
    private let limits: RPCLimits
    private let executor: EventLoopTaskExecutor
    private var calls: [UInt32: ServerCall] = [:]
    private var context: ChannelHandlerContext?
    private var peer: String?
    /// The client's address as `ip:port`, for rate limits and the audit log.
    private var remoteAddress: String?
    private let flusher = FlushCoalescer()
    private var bufferedInboundBytes = 0
    private var readPending = false
    private var started = false
    /// Set for the moment the connection becomes idle; nil while a call is open.
    private var idleTimer: Scheduled<Void>?
    private var drainTimer: Scheduled<Void>?
    private var onDrained: [() -> Void] = []
    private var closed = false
    /// The first reason the connection began to close, and the calls open at that moment.
    private var closing: (cause: ConnectionClosed.Cause, detail: String, openCalls: Int)?
    private var callsServed = 0
    private let onClosed: (@Sendable (ConnectionClosed) -> Void)?
    private let admission: CallAdmission?

    init(router: ServerRouter, limits: RPCLimits, eventLoop: any EventLoop,
         onClosed: (@Sendable (ConnectionClosed) -> Void)? = nil, admission: CallAdmission? = nil) {
        self.router = router
        self.limits = limits
        self.onClosed = onClosed
        self.admission = admission
        self.executor = EventLoopTaskExecutor(eventLoop)
        self.state = ServerConnectionStateMachine(limits: limits, now: eventLoop.now)
    }

    // MARK: Channel events.

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { start(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context: context)
        context.fireChannelActive()
    }

    private func start(context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        var buffer = context.channel.allocator.buffer(capacity: 64)
        buffer.writeFrame(.settings, callID: 0, message: RPC.Settings(
            maxFrameSize: UInt32(limits.maxFrameSize), maxConcurrentCalls: UInt32(limits.maxConcurrentCalls),
            maxMetadataSize: UInt32(limits.maxMetadataSize), idleTimeoutMs: UInt64(limits.idleTimeout.milliseconds),
            minPingIntervalMs: UInt64(1000 / max(limits.pingsPerSecond, 0.001)), implementation: "kinerja-swift/\(KinerjaVersion.current)"))
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
        scheduleIdleCheck(context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let completed = event as? TLSHandshakeCompleted {
            peer = completed.peer.uri
            remoteAddress = context.channel.remoteAddress.map(Self.describe)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        perform(state.receive(frame, now: context.eventLoop.now), context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        noteClosing(.clientClosed, "end of stream")
        tearDown(RPCError(.unavailable, "the connection closed"))
        if let onClosed, let closing {
            onClosed(ConnectionClosed(cause: closing.cause, detail: closing.detail, peer: peer, remoteAddress: remoteAddress,
                                      openCalls: closing.openCalls, callsServed: callsServed))
        }
        context.fireChannelInactive()
    }

    /// Remembers the first reason for closing (later ones are consequences of it).
    private func noteClosing(_ cause: ConnectionClosed.Cause, _ detail: String) {
        if closing == nil { closing = (cause, detail, calls.count) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? RPCProtocolError {
            noteClosing(.protocolError, "\(error.code): \(error.message)")
            closeWithGoAway(error.code, error.message, context: context)
        } else {
            // TLS and transport errors: the connection cannot continue.
            noteClosing(.transportError, "\(error)")
            tearDown(RPCError(.unavailable, "connection error"))
            context.close(promise: nil)
        }
    }

    func read(context: ChannelHandlerContext) {
        if bufferedInboundBytes > limits.maxBufferedInboundBytes {
            readPending = true  // resume when handlers catch up (consumed)
        } else {
            context.read()
        }
    }

    // MARK: Actions.

    private func perform(_ action: ServerConnectionStateMachine.Action, context: ChannelHandlerContext) {
        switch action {
        case .none:
            break
        case .startCall(let id, let header, let ended):
            startCall(id, header: header, requestsEnded: ended, context: context)
        case .refuseCall(let id, let error):
            writeStatus(id, error.encodedStatus, context: context)
        case .deliver(let id, var payload, let endOfRequests):
            guard let call = calls[id] else { break }
            let bytes = payload.readBytes(length: payload.readableBytes) ?? []
            call.bufferedBytes += bytes.count
            bufferedInboundBytes += bytes.count
            if call.deliver(bytes, end: endOfRequests) { requestCompleted(call) }
        case .endRequests(let id):
            if let call = calls[id], call.endRequests() { requestCompleted(call) }
        case .cancelCall(let id):
            if let call = calls.removeValue(forKey: id) {
                release(call)
                call.task?.cancel()
                call.abandon(RPCError(.cancelled, "the client cancelled the call"))
            }
            finishDrainIfDone()
            scheduleIdleCheck(context: context)
        case .windowOpened(let id):
            if let call = calls[id] { drainPendingWrites(call, context: context) }
        case .sendPong(let payload):
            var buffer = context.channel.allocator.buffer(capacity: Frame.headerSize + 8)
            buffer.writeFrame(Frame(.pong, callID: 0, payload: payload))
            context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
        case .clientGoingAway:
            finishDrainIfDone()
        case .abort(let reason):
            noteClosing(.protocolError, "\(reason)")
            tearDown(RPCError(.unavailable, "connection closed: \(reason)"))
            context.close(promise: nil)
        case .closeConnection(let code, let message):
            noteClosing(.protocolError, "\(code): \(message)")
            closeWithGoAway(code, message, context: context)
        }
    }

    private func startCall(_ id: UInt32, header: RPC.CallHeader, requestsEnded: Bool, context: ChannelHandlerContext) {
        guard let method = router.method(for: header.method) else {
            state.finish(id, now: context.eventLoop.now)
            writeStatus(id, RPCError(.unimplemented, "unknown method \(header.method.prefix(256).debugDescription)").encodedStatus,
                        context: context)
            scheduleIdleCheck(context: context)
            return
        }
        // Over the server's limit on calls in flight: refused before any work (docs/RELIABILITY.md, "Overload").
        let admission = self.admission.flatMap { $0.applies(to: method.descriptor.path) ? $0 : nil }
        if let admission, !admission.admit() {
            state.finish(id, now: context.eventLoop.now)
            writeStatus(id, admission.refusal.encodedStatus, context: context)
            scheduleIdleCheck(context: context)
            return
        }
        let call = ServerCall(id: id, method: method, eventLoop: context.eventLoop)
        calls[id] = call
        callsServed += 1
        if requestsEnded { _ = call.endRequests() }

        var metadata = Metadata()
        for entry in header.metadata { metadata.add(entry.key, entry.value) }
        let requestID = metadata.first(Metadata.WellKnownKey.requestID).flatMap { $0.isEmpty ? nil : String($0.prefix(128)) }
            ?? RequestID.make()
        var deadline: ContinuousClock.Instant?
        if header.timeoutMs > 0 {
            let timeout = Duration.milliseconds(Int64(min(header.timeoutMs, 86_400_000)))  // at most 24 h
            deadline = .now + timeout
            let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
            call.deadlineTimer = context.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
                loopBound.value.expire(call)
            }
        }
        let serverContext = ServerContext(method: method.descriptor, deadline: deadline, metadata: metadata,
                                          requestID: requestID, peer: peer, remoteAddress: remoteAddress)
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let interceptors = router.interceptors
        switch call.requests {
        case .unary(let unary):
            // The fast path: no request stream, no writer; the single request and response are handed over.
            call.task = Self.spawn(on: executor) {
                let status = await Self.executeUnary(unary, call: call, via: loopBound, context: serverContext,
                                                     interceptors: interceptors)
                Self.complete(call, status: status, via: loopBound)
                admission?.release()
            }
        case .stream(let stream, _):
            let requests = RPCAsyncSequence(wrapping: ServerRequestSequence(stream: stream, call: call, connection: loopBound))
            let writer = RPCWriter<[UInt8]> { bytes in try await ServerConnectionHandler.send(bytes, on: call, via: loopBound) }
            call.task = Self.spawn(on: executor) {
                let status = await Self.execute(method, requests: requests, writer: writer, context: serverContext,
                                                interceptors: interceptors)
                Self.complete(call, status: status, via: loopBound)
                admission?.release()
            }
        }
    }

    private static func describe(_ address: SocketAddress) -> String {
        switch address {
        case .v4, .v6: return "\(address.ipAddress ?? "?"):\(address.port ?? 0)"
        case .unixDomainSocket: return "unix"
        }
    }

    private static func spawn(on executor: EventLoopTaskExecutor,
                              _ body: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
        Task(executorPreference: executor, operation: body)
    }

    /// Runs the handler behind the interceptors; returns the encoded status to send.
    private static func execute(_ method: ServerMethod, requests: RPCAsyncSequence<[UInt8]>, writer: RPCWriter<[UInt8]>,
                                context: ServerContext, interceptors: [any ServerInterceptor]) async -> [UInt8] {
        do {
            // Downstream calls made by the handler inherit what remains of this call's deadline.
            // (A call's task starts on the event loop, outside any task: there is nothing to
            // inherit when the client set no timeout.)
            if let deadline = context.deadline {
                try await CallDeadline.$current.withValue(deadline) {
                    try await run(interceptors[...], context: context) { context in
                        try await method.handle(requests, writer, context)
                    }
                }
            } else {
                try await run(interceptors[...], context: context) { context in
                    try await method.handle(requests, writer, context)
                }
            }
            return RPCError.okStatus
        } catch {
            return RPCError.from(error, requestID: context.requestID).encodedStatus
        }
    }

    static func complete(_ call: ServerCall, status: [UInt8], via connection: NIOLoopBound<ServerConnectionHandler>) {
        if call.eventLoop.inEventLoop {
            connection.value.complete(call, status: status)
        } else {
            call.eventLoop.execute { connection.value.complete(call, status: status) }
        }
    }

    static func run(_ interceptors: ArraySlice<any ServerInterceptor>, context: ServerContext,
                            _ body: @escaping @Sendable (ServerContext) async throws -> Void) async throws {
        guard let first = interceptors.first else { return try await body(context) }
        let rest = interceptors.dropFirst()
        try await first.intercept(context: context) { context in try await run(rest, context: context, body) }
    }

    // MARK: Writing responses.

    /// Sends one response message, suspending while the client's window is closed.
    static func send(_ bytes: [UInt8], on call: ServerCall, via connection: NIOLoopBound<ServerConnectionHandler>) async throws {
        if call.eventLoop.inEventLoop, try connection.value.trySend(bytes, on: call) { return }
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            call.eventLoop.execute {
                connection.value.sendOrQueue(bytes, on: call, done: done)
            }
        }
    }

    /// Writes at once when there is credit; false when the write must wait.
    private func trySend(_ bytes: [UInt8], on call: ServerCall) throws -> Bool {
        guard !call.ended, let context else { throw RPCError(.cancelled, "the call has ended") }
        guard call.pendingWrites.isEmpty, state.takeSendCredit(call.id) else { return false }
        writeMessage(call.id, bytes, context: context)
        return true
    }

    private func sendOrQueue(_ bytes: [UInt8], on call: ServerCall, done: CheckedContinuation<Void, any Error>) {
        do {
            if try trySend(bytes, on: call) { done.resume() } else { call.pendingWrites.append((bytes, done)) }
        } catch {
            done.resume(throwing: error)
        }
    }

    private func drainPendingWrites(_ call: ServerCall, context: ChannelHandlerContext) {
        while !call.pendingWrites.isEmpty, state.takeSendCredit(call.id) {
            let write = call.pendingWrites.removeFirst()
            writeMessage(call.id, write.bytes, context: context)
            write.done.resume()
        }
    }

    private func writeMessage(_ id: UInt32, _ bytes: [UInt8], context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: Frame.headerSize + bytes.count)
        buffer.writeFrame(.message, callID: id, bytes: bytes)
        context.write(wrapOutboundOut(buffer), promise: nil)
        flusher.flushSoon(context)
    }

    /// A unary call's response and its STATUS: one buffer, so one TLS record and one flush.
    private func writeResponseAndStatus(_ id: UInt32, _ response: [UInt8], _ status: [UInt8], context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: 2 * Frame.headerSize + response.count + status.count)
        buffer.writeFrame(.message, callID: id, bytes: response)
        buffer.writeFrame(.status, callID: id, bytes: status)
        context.write(wrapOutboundOut(buffer), promise: nil)
        flusher.flushSoon(context)
    }

    private func writeStatus(_ id: UInt32, _ status: [UInt8], context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: Frame.headerSize + status.count)
        buffer.writeFrame(.status, callID: id, bytes: status)
        context.write(wrapOutboundOut(buffer), promise: nil)
        flusher.flushSoon(context)
    }

    // MARK: Call completion.

    /// The handler's task finished: send its status unless the call already ended.
    private func complete(_ call: ServerCall, status: [UInt8]) {
        guard !call.ended, let context else { return }
        calls[call.id] = nil
        state.finish(call.id, now: context.eventLoop.now)
        release(call)
        let response = call.unaryResponse
        call.abandon(RPCError(.cancelled, "the call has ended"))
        if let response {
            writeResponseAndStatus(call.id, response, status, context: context)
        } else {
            writeStatus(call.id, status, context: context)
        }
        finishDrainIfDone()
        scheduleIdleCheck(context: context)
    }

    /// The call's deadline passed: cancel its handler and answer DEADLINE_EXCEEDED.
    private func expire(_ call: ServerCall) {
        guard !call.ended else { return }
        call.task?.cancel()
        complete(call, status: RPCError(.deadlineExceeded, "the call's deadline passed").encodedStatus)
    }

    /// A request message was read by the handler: maybe grant more window, maybe resume reading.
    func consumed(_ call: ServerCall, bytes: Int) {
        call.bufferedBytes -= bytes
        bufferedInboundBytes -= bytes
        guard let context else { return }
        if let increment = state.consumed(call.id) {
            var buffer = context.channel.allocator.buffer(capacity: Frame.headerSize + 4)
            buffer.writeWindowUpdate(callID: call.id, increment: increment)
            context.write(wrapOutboundOut(buffer), promise: nil)
            flusher.flushSoon(context)
        }
        if readPending, bufferedInboundBytes <= limits.maxBufferedInboundBytes {
            readPending = false
            context.read()
        }
    }

    // MARK: The unary fast path, on the event loop.

    /// A unary call's request became complete: hand it to a handler already waiting for it.
    private func requestCompleted(_ call: ServerCall) {
        guard let waiter = call.requestWaiter else { return }
        call.requestWaiter = nil
        if let result = takeRequest(call) { waiter.resume(with: result) }
    }

    /// The complete request (or the error that replaces it), once; counts it as consumed.
    func takeRequest(_ call: ServerCall) -> Result<[UInt8], RPCError>? {
        let result = call.unaryRequest.take()
        if case .success(let bytes) = result { consumed(call, bytes: bytes.count) }
        return result
    }

    /// The handler waits for a request that is not complete yet.
    func awaitRequest(_ call: ServerCall, _ waiter: CheckedContinuation<[UInt8], any Error>) {
        if call.ended {
            waiter.resume(throwing: call.endError ?? RPCError(.cancelled, "the call has ended"))
        } else if let result = takeRequest(call) {
            waiter.resume(with: result)
        } else {
            call.requestWaiter = waiter
        }
    }

    /// Keeps a unary response to send with the call's STATUS, taking its flow-control credit now;
    /// false when the window is closed (the response then waits like a streamed one).
    func reserveResponse(_ bytes: [UInt8], on call: ServerCall) throws -> Bool {
        guard !call.ended, context != nil else { throw RPCError(.cancelled, "the call has ended") }
        guard call.pendingWrites.isEmpty, state.takeSendCredit(call.id) else { return false }
        call.unaryResponse = bytes
        return true
    }

    private func release(_ call: ServerCall) {
        bufferedInboundBytes -= call.bufferedBytes
        call.bufferedBytes = 0
    }

    // MARK: Shutdown.

    /// Sends GOAWAY and closes once the calls in flight are done (or after the grace period).
    func drain(completion: @escaping () -> Void) {
        guard let context, !closed else { return completion() }
        let last = state.startDrain()
        onDrained.append(completion)
        var buffer = context.channel.allocator.buffer(capacity: 32)
        buffer.writeFrame(.goAway, callID: 0, message: RPC.GoAway(lastCallID: last, code: GoAwayCode.noError.rawValue,
                                                                    reason: "server shutting down"))
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        drainTimer = context.eventLoop.scheduleTask(in: TimeAmount(limits.drainGracePeriod)) {
            let handler = loopBound.value
            handler.noteClosing(.drainGraceExpired, "\(handler.calls.count) calls open after \(handler.limits.drainGracePeriod)")
            handler.tearDown(RPCError(.unavailable, "the server shut down before the call finished"))
            handler.context?.close(promise: nil)
        }
        finishDrainIfDone()
    }

    private func finishDrainIfDone() {
        guard state.drained, let context else { return }
        drainTimer?.cancel()
        noteClosing(.drained, "GOAWAY: server shutting down")
        // The last STATUS may still be buffered: flush it before closing.
        context.flush()
        context.close(promise: nil)
    }

    /// Keeps a timer set for the moment the connection becomes idle, so GOAWAY IDLE_TIMEOUT comes
    /// on time (docs/PROTOCOL.md, section 5). Frames only move the moment: the timer, when it fires
    /// early, sets itself again; while a call is open none is set until the last call ends.
    private func scheduleIdleCheck(context: ChannelHandlerContext) {
        guard idleTimer == nil, !closed, let deadline = state.idleDeadline else { return }
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        idleTimer = context.eventLoop.scheduleTask(deadline: deadline) {
            loopBound.value.checkIdle()
        }
    }

    private func checkIdle() {
        idleTimer = nil
        guard let context, !closed else { return }
        if state.idleExpired(at: context.eventLoop.now) {
            noteClosing(.idle, "idle for \(limits.idleTimeout)")
            closeWithGoAway(.idleTimeout, "idle for \(limits.idleTimeout)", context: context)
        } else {
            scheduleIdleCheck(context: context)
        }
    }

    private func closeWithGoAway(_ code: GoAwayCode, _ reason: String, context: ChannelHandlerContext) {
        guard !closed else { return }
        var buffer = context.channel.allocator.buffer(capacity: 64)
        buffer.writeFrame(.goAway, callID: 0, message: RPC.GoAway(lastCallID: state.highestCallID, code: code.rawValue,
                                                                    reason: reason))
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
        tearDown(RPCError(.unavailable, "connection closed: \(code)"))
        context.close(promise: nil)
    }

    /// Ends every call and timer; runs drain completions.
    private func tearDown(_ error: RPCError) {
        guard !closed else { return }
        closed = true
        state.close()
        idleTimer?.cancel()
        drainTimer?.cancel()
        for call in calls.values {
            call.task?.cancel()
            call.abandon(error)
        }
        calls.removeAll()
        bufferedInboundBytes = 0
        let completions = onDrained
        onDrained = []
        for completion in completions { completion() }
    }
}
