public import KinerjaProto
public import NIOCore
public import NIOPosix
import Synchronization

/// A client of one Kinerja service: a small pool of mutual-TLS connections, deadlines,
/// cancellation, and retries of calls that provably did not start (or are idempotent).
///
/// Use it as the transport of any generated client:
/// `Identity.IdentityService.Client(transport: RPCClient(configuration: …))`.
public final class RPCClient: ClientTransport, Sendable {
    private struct Pool {
        var connections: [ClientConnection] = []
        var connecting: Task<ClientConnection, any Error>?
        var consecutiveFailures = 0
        var nextConnectAt = ContinuousClock.now
        var closed = false
        var next = 0
    }

    public let configuration: ClientConfiguration
    private let group: any EventLoopGroup
    private let budget: RetryBudget
    private let pool = Mutex(Pool())

    /// A client; it connects lazily, on the first call.
    public init(configuration: ClientConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        self.group = group
        self.budget = RetryBudget(policy: configuration.retry)
    }

    /// Closes every connection; later calls fail with UNAVAILABLE.
    public func close() async {
        let connections = pool.withLock { pool -> [ClientConnection] in
            pool.closed = true
            pool.connecting?.cancel()
            return pool.connections
        }
        for connection in connections { await connection.close() }
    }

    // MARK: Connections.

    func connection() async throws -> ClientConnection {
        enum Choice { case use(ClientConnection), wait(Task<ClientConnection, any Error>), closed }
        let choice = pool.withLock { pool -> Choice in
            if pool.closed { return .closed }
            pool.connections.removeAll { !$0.usable.load(ordering: .relaxed) }
            let wantMore = pool.connections.count < configuration.connections
            if wantMore, pool.connecting == nil {
                let delay = pool.nextConnectAt
                let configuration = self.configuration, group = self.group
                pool.connecting = Task {
                    try await Task.sleep(until: delay)
                    return try await ClientConnection.connect(configuration, group: group)
                }
            }
            if !pool.connections.isEmpty {
                pool.next &+= 1
                return .use(pool.connections[pool.next % pool.connections.count])
            }
            return .wait(pool.connecting!)
        }
        switch choice {
        case .closed:
            throw AttemptFailure(error: RPCError(.unavailable, "the client is closed"), notStarted: true)
        case .use(let connection):
            return connection
        case .wait(let task):
            do {
                let connection = try await task.value
                pool.withLock { pool in
                    if pool.connecting == task {
                        pool.connecting = nil
                        pool.connections.append(connection)
                        pool.consecutiveFailures = 0
                    }
                }
                return connection
            } catch {
                pool.withLock { pool in
                    if pool.connecting == task {
                        pool.connecting = nil
                        pool.consecutiveFailures += 1
                        pool.nextConnectAt = .now + configuration.retry.backoff(attempt: pool.consecutiveFailures)
                    }
                }
                // A call that never reached a server costs no server anything: retrying it (with the
                // pool's connection backoff) spends no retry budget.
                var failure = error as? AttemptFailure
                    ?? AttemptFailure(error: RPCError(.unavailable, "cannot connect: \(error)"), notStarted: true)
                failure.transparent = true
                throw failure
            }
        }
    }

    // MARK: Calls.

    public func call<Result: Sendable>(
        _ method: MethodDescriptor, options: CallOptions,
        requests: @escaping @Sendable (RPCWriter<[UInt8]>) async throws -> Void,
        onResponse: @escaping @Sendable (RPCAsyncSequence<[UInt8]>) async throws -> Result
    ) async throws -> Result {
        try await run(method, options: options, streamsRequests: true) { options, deadline in
            try await self.attempt(method, options: options, deadline: deadline, single: nil, producer: requests,
                                   onResponse: onResponse)
        }
    }

    /// The fast path for calls with exactly one request: HEADERS and MESSAGE in one write, no producer task.
    public func call<Result: Sendable>(
        _ method: MethodDescriptor, options: CallOptions, request: [UInt8],
        onResponse: @escaping @Sendable (RPCAsyncSequence<[UInt8]>) async throws -> Result
    ) async throws -> Result {
        try await run(method, options: options, streamsRequests: false) { options, deadline in
            try await self.attempt(method, options: options, deadline: deadline, single: request, producer: nil,
                                   onResponse: onResponse)
        }
    }

    /// The unary fast path: one request, one response, no response stream and no per-call closures
    /// for the caller to run; deadlines, cancellation, retries and interceptors as for every call.
    public func unary(_ method: MethodDescriptor, request: [UInt8], options: CallOptions) async throws -> [UInt8] {
        try await run(method, options: options, streamsRequests: false) { options, deadline in
            try await self.unaryAttempt(method, options: options, deadline: deadline, request: request)
        }
    }

    /// Runs the attempts of one call: interceptors, the deadline, and retries (PROTOCOL.md 2.8).
    private func run<Result: Sendable>(
        _ method: MethodDescriptor, options: CallOptions, streamsRequests: Bool,
        runAttempt: (CallOptions, ContinuousClock.Instant?) async throws -> Result
    ) async throws -> Result {
        var options = options
        for interceptor in configuration.interceptors {
            try await interceptor.prepare(method, options: &options)
        }
        let started = ContinuousClock.now
        let deadline = CallDeadline.effective(timeout: options.timeout)
        // PROTOCOL.md 2.8: an attempt that may have started is repeated only when repeating is harmless.
        let mayRetryStarted = options.idempotent || method.idempotency.allowsRepeating(with: options.metadata)
        var attempt = 1
        while true {
            do {
                let result = try await runAttempt(options, deadline)
                budget.succeeded()
                for interceptor in configuration.interceptors {
                    interceptor.finished(method, options: options, error: nil, duration: .now - started)
                }
                return result
            } catch let failure as AttemptFailure {
                let retryable = failure.notStarted
                    || (mayRetryStarted && failure.error.code == .unavailable && !streamsRequests)
                let timeLeft = deadline.map { $0 > .now } ?? true
                if retryable, timeLeft, attempt < configuration.retry.maxAttempts, !Task.isCancelled,
                   failure.transparent || budget.spend() {
                    if !failure.notStarted || attempt > 1 {
                        try? await Task.sleep(for: configuration.retry.backoff(attempt: attempt))
                    }
                    attempt += 1
                    continue
                }
                for interceptor in configuration.interceptors {
                    interceptor.finished(method, options: options, error: failure.error, duration: .now - started)
                }
                throw failure.error
            } catch {
                for interceptor in configuration.interceptors {
                    interceptor.finished(method, options: options, error: error, duration: .now - started)
                }
                throw error
            }
        }
    }

    func header(_ method: MethodDescriptor, _ options: CallOptions, deadline: ContinuousClock.Instant?) throws -> [UInt8] {
        var header = RPC.CallHeader(method: method.path)
        if let deadline {
            let remaining = deadline - .now
            guard remaining > .zero else {
                throw AttemptFailure(error: RPCError(.deadlineExceeded, "the deadline passed before the call started"),
                                     notStarted: false)
            }
            header.timeoutMs = UInt64(max(1, remaining.milliseconds))
        }
        header.metadata = options.metadata.map { RPC.MetadataEntry(key: $0.key, value: $0.value) }
        do { return try header.serializedBytes() } catch {
            throw AttemptFailure(error: RPCError(.invalidArgument, "metadata cannot be encoded: \(error)"), notStarted: false)
        }
    }

    private func attempt<Result: Sendable>(
        _ method: MethodDescriptor, options: CallOptions, deadline: ContinuousClock.Instant?, single: [UInt8]?,
        producer: (@Sendable (RPCWriter<[UInt8]>) async throws -> Void)?,
        onResponse: @escaping @Sendable (RPCAsyncSequence<[UInt8]>) async throws -> Result
    ) async throws -> Result {
        let header = try header(method, options, deadline: deadline)
        let connection = try await connection()
        let handler = connection.handler
        let loop = connection.channel.eventLoop
        let nioDeadline = deadline.map { NIODeadline.now() + TimeAmount($0 - .now) }
        let opened = try await loop.flatSubmit {
            let promise = loop.makePromise(of: ClientCall?.self)
            handler.value.open(header: header, request: single, deadline: nioDeadline, promise: promise)
            return promise.futureResult
        }.get()
        guard let call = opened, case .stream(let stream, _) = call.responses else {
            throw AttemptFailure(error: RPCError(.unavailable, "the connection takes no new calls"), notStarted: true,
                                 transparent: true)
        }
        let responses = RPCAsyncSequence(wrapping: ClientResponseSequence(stream: stream, call: call, connection: handler))
        // The caller's reading and writing run on the connection's event loop: no hop per message.
        return try await withTaskExecutorPreference(connection.executor) {
          try await withTaskCancellationHandler {
            do {
                let result: Result
                if let producer {
                    result = try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            let writer = RPCWriter<[UInt8]> { bytes in try await Self.send(bytes, on: call, via: handler) }
                            do {
                                try await producer(writer)
                                try await Self.send(nil, on: call, via: handler)
                            } catch {
                                // The server may answer before the request stream ends (PROTOCOL.md 2.2):
                                // then the unsent rest no longer matters and the call's status stands.
                                if call.ended { return }
                                // Otherwise a failed request stream ends the call, so the response side
                                // does not wait for a server that waits for more requests.
                                let failure = (error as? RPCError) ?? RPCError(.cancelled, "the request stream failed: \(error)")
                                loop.execute { handler.value.cancel(call, AttemptFailure(error: failure, notStarted: false)) }
                                throw error
                            }
                        }
                        let result = try await onResponse(responses)
                        try await group.waitForAll()
                        return result
                    }
                } else {
                    result = try await onResponse(responses)
                }
                // The caller stopped reading early: abandon the rest of the call.
                loop.execute {
                    if !call.ended {
                        handler.value.cancel(call, AttemptFailure(error: RPCError(.cancelled, "the caller stopped reading"),
                                                                  notStarted: false))
                    }
                }
                return result
            } catch {
                if let outcome = call.outcome, call.ended {
                    // A handler error from the stream: keep whether the call had started.
                    throw AttemptFailure(error: outcome.error, notStarted: outcome.notStarted && call.receivedMessages == 0,
                                         transparent: outcome.transparent && call.receivedMessages == 0)
                }
                throw error
            }
          } onCancel: {
            loop.execute {
                handler.value.cancel(call, AttemptFailure(error: RPCError(.cancelled, "the call was cancelled"), notStarted: false))
            }
          }
        }
    }

    private static func send(_ bytes: [UInt8]?, on call: ClientCall, via handler: NIOLoopBound<ClientConnectionHandler>) async throws {
        if call.eventLoop.inEventLoop, try handler.value.trySend(bytes, on: call) { return }
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            call.eventLoop.execute {
                handler.value.sendOrQueue(bytes, on: call, done: done)
            }
        }
    }
}
