public import KinerjaProto
public import KinerjaTLS
public import NIOCore
public import NIOPosix
import Synchronization

/// A Kinerja RPC server: mutual TLS, the framing of docs/PROTOCOL.md, any generated services,
/// plus the standard health and reflection services.
public final class RPCServer: Sendable {
    /// Where and how the server listens.
    public struct Configuration: Sendable {
        /// Address to bind, default `127.0.0.1`.
        public var host: String
        /// Port to bind; 0 picks a free one (see ``RPCServer/start()``).
        public var port: Int
        /// The TLS context (certificate, key, CA) — connections are always mutual TLS.
        public var tls: TLSContext
        /// Protocol limits.
        public var limits: RPCLimits
        /// Run around every call, in order (authentication, logging, metrics).
        public var interceptors: [any ServerInterceptor]
        /// Told once per connection, when it is gone, which path closed it (for the service log).
        public var onConnectionClosed: (@Sendable (ConnectionClosed) -> Void)?
        /// The limit on calls in flight across all connections; nil admits every call the
        /// per-connection limit lets through.
        public var admission: CallAdmission?

        /// A configuration with default limits and no interceptors.
        public init(host: String = "127.0.0.1", port: Int, tls: TLSContext, limits: RPCLimits = RPCLimits(),
                    interceptors: [any ServerInterceptor] = [], onConnectionClosed: (@Sendable (ConnectionClosed) -> Void)? = nil,
                    admission: CallAdmission? = nil) {
            self.host = host
            self.port = port
            self.tls = tls
            self.limits = limits
            self.interceptors = interceptors
            self.onConnectionClosed = onConnectionClosed
            self.admission = admission
        }
    }

    private struct State {
        var listener: (any Channel)?
        var connections: [ObjectIdentifier: (channel: any Channel, handler: NIOLoopBound<ServerConnectionHandler>)] = [:]
        var shuttingDown = false
    }

    private let configuration: Configuration
    private let group: any EventLoopGroup
    private let router: ServerRouter
    private let state = Mutex(State())
    /// Serving status per service, answered by the health service.
    public let health: HealthStatus

    /// A server for `services`; the health and reflection services are added.
    public init(configuration: Configuration, services: [any RegistrableService],
                group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        self.group = group
        let health = HealthStatus(services: services.map(\.serviceDescriptor.name))
        self.health = health
        let standard: [any RegistrableService] = [HealthProvider(status: health, tls: configuration.tls)]
        let all = services + standard
        let reflection = ReflectionProvider(services: all.map(\.serviceDescriptor) + [ReflectionProvider.descriptor])
        self.router = ServerRouter(services: all + [reflection], interceptors: configuration.interceptors)
    }

    /// Binds and starts accepting connections; returns the bound port.
    @discardableResult
    public func start() async throws -> Int {
        let router = self.router, limits = configuration.limits, tls = configuration.tls
        let onClosed = configuration.onConnectionClosed, admission = configuration.admission
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [weak self] channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = ServerConnectionHandler(router: router, limits: limits, eventLoop: channel.eventLoop,
                                                          onClosed: onClosed, admission: admission)
                    try channel.pipeline.syncOperations.addHandlers([
                        TLSHandler.server(context: tls),
                        ByteToMessageHandler(FrameDecoder(maxFrameSize: limits.maxFrameSize)),
                        handler,
                    ])
                    self?.track(channel, NIOLoopBound(handler, eventLoop: channel.eventLoop))
                }
            }
        let channel = try await bootstrap.bind(host: configuration.host, port: configuration.port).get()
        state.withLock { $0.listener = channel }
        return channel.localAddress?.port ?? configuration.port
    }

    private func track(_ channel: any Channel, _ handler: NIOLoopBound<ServerConnectionHandler>) {
        let id = ObjectIdentifier(channel)
        let refused = state.withLock { state -> Bool in
            if state.shuttingDown { return true }
            state.connections[id] = (channel, handler)
            return false
        }
        if refused {
            channel.close(promise: nil)
            return
        }
        channel.closeFuture.whenComplete { [weak self] _ in
            _ = self?.state.withLock { $0.connections.removeValue(forKey: id) }
        }
    }

    /// Stops accepting connections and releases the port (a replacement may bind it); existing
    /// connections go on. Part of ``shutdown()``; call it first for a rolling restart.
    public func stopAccepting() async {
        let listener = state.withLock { state -> (any Channel)? in
            defer { state.listener = nil }
            return state.listener
        }
        try? await listener?.close()
    }

    /// Graceful shutdown: health NOT_SERVING, stop accepting, GOAWAY on every connection, wait for
    /// calls in flight (up to the grace period), close.
    public func shutdown() async {
        health.setAll(serving: false)
        await stopAccepting()
        let connections = state.withLock { state in
            state.shuttingDown = true
            return Array(state.connections.values)
        }
        await withTaskGroup(of: Void.self) { group in
            for connection in connections {
                group.addTask {
                    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                        connection.channel.eventLoop.execute {
                            connection.handler.value.drain { done.resume() }
                        }
                    }
                }
            }
        }
    }

    /// The limit on calls in flight, when one is set (its counters, for tests and metrics).
    public var admission: CallAdmission? { configuration.admission }

    /// The number of open connections (for tests and metrics).
    public var connectionCount: Int { state.withLock { $0.connections.count } }
}
