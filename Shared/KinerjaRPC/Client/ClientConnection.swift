import KinerjaProto
import KinerjaTLS
import NIOCore
import NIOPosix
import Synchronization

/// One TLS connection to a server and its handler.
final class ClientConnection: Sendable {
    let channel: any Channel
    let handler: NIOLoopBound<ClientConnectionHandler>
    /// False once the connection got GOAWAY or closed; set from its event loop.
    let usable = Atomic<Bool>(true)
    /// Runs a call's tasks on the connection's event loop, so messages move without thread hops.
    let executor: EventLoopTaskExecutor

    private init(channel: any Channel, handler: NIOLoopBound<ClientConnectionHandler>) {
        self.channel = channel
        self.handler = handler
        self.executor = EventLoopTaskExecutor(channel.eventLoop)
    }

    /// Connects, completes the TLS handshake (verifying the server's identity) and returns the connection.
    static func connect(_ configuration: ClientConfiguration, group: any EventLoopGroup) async throws -> ClientConnection {
        let flag = UnusableFlag()
        let eventLoop = group.next()
        let ready = eventLoop.makePromise(of: Void.self)
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(TimeAmount(configuration.connectTimeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = ClientConnectionHandler(limits: configuration.limits,
                                                          keepalive: configuration.keepalive, ready: ready)
                    handler.onUnusable = { flag.fire() }
                    try channel.pipeline.syncOperations.addHandlers([
                        TLSHandler.client(context: configuration.tls, expecting: configuration.serverIdentity),
                        ByteToMessageHandler(FrameDecoder(maxFrameSize: configuration.limits.maxFrameSize)),
                        handler,
                    ])
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: configuration.host, port: configuration.port).get()
        } catch {
            ready.fail(error)
            throw AttemptFailure(error: RPCError(.unavailable, "cannot connect to \(configuration.host):\(configuration.port): \(error)"),
                                 notStarted: true)
        }
        let timeout = eventLoop.scheduleTask(in: TimeAmount(configuration.connectTimeout)) {
            ready.fail(RPCError(.unavailable, "TLS handshake did not complete within \(configuration.connectTimeout)"))
        }
        do {
            try await ready.futureResult.get()
            timeout.cancel()
        } catch {
            timeout.cancel()
            channel.close(promise: nil)
            throw AttemptFailure(error: RPCError(.unavailable, "TLS with \(configuration.host):\(configuration.port) failed: \(error)"),
                                 notStarted: true)
        }
        let handler = try await eventLoop.submit {
            NIOLoopBound(try channel.pipeline.syncOperations.handler(type: ClientConnectionHandler.self), eventLoop: eventLoop)
        }.get()
        let connection = ClientConnection(channel: channel, handler: handler)
        flag.attach(connection)
        return connection
    }

    func close() async {
        try? await channel.close()
    }
}

/// Marks a connection unusable once it exists (the handler may fire before it is returned).
private final class UnusableFlag: Sendable {
    private let state = Mutex<(fired: Bool, connection: ClientConnection?)>((false, nil))

    func fire() {
        let connection = state.withLock { state -> ClientConnection? in
            state.fired = true
            return state.connection
        }
        connection?.usable.store(false, ordering: .relaxed)
    }

    func attach(_ connection: ClientConnection) {
        let fired = state.withLock { state -> Bool in
            state.connection = connection
            return state.fired
        }
        if fired { connection.usable.store(false, ordering: .relaxed) }
    }
}
