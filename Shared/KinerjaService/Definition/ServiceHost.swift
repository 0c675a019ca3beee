public import KinerjaRPC
import Foundation
import KinerjaStore
import KinerjaTLS
import Logging
import ServiceLifecycle
import Synchronization
import UnixSignals

/// One service assembled from its definition and configuration: runtime (store, TLS, logger),
/// the parts its definition built, and its RPC server with call logging, authentication and
/// authorisation in front of the handlers. ``run()`` serves until SIGTERM or SIGINT; tests use
/// ``start()`` and ``stop()`` in-process.
public final class ServiceHost<Definition: ServiceDefinition>: Sendable {
    /// The runtime.
    public let runtime: ServiceRuntime
    /// Where the definition registered its clients, tasks and preparation steps.
    public let assembly: ServiceAssembly<Definition.Section>
    /// What the definition built.
    public let parts: ServiceParts
    /// The server (not started until ``run()`` or ``start()``).
    public let server: RPCServer
    private let tasks = Mutex<[Task<Void, Never>]>([])

    /// Opens the store, assembles the service and builds its server. `inject` runs before the
    /// definition assembles (tests inject parts such as an in-memory identity directory).
    public static func make(_ loaded: LoadedConfiguration<Definition.Section>,
                            inject: (ServiceAssembly<Definition.Section>) -> Void = { _ in }) async throws -> ServiceHost {
        // Required peers are checked when the file is loaded (ServiceCommand); a missing one also
        // fails here, when the assembly asks for its client (tests inject parts instead).
        let runtime = try ServiceRuntime(name: Definition.name, configuration: loaded.common, migrations: Definition.migrations)
        let assembly = ServiceAssembly(runtime: runtime, section: loaded.section)
        inject(assembly)
        let parts: ServiceParts
        do {
            parts = try await Definition.assemble(assembly)
        } catch {
            for client in assembly.clients { await client.close() }
            try? runtime.store.close()
            throw error
        }
        let authentication = parts.authentication
        let auth = AuthInterceptor(
            table: Definition.authorization,
            authenticator: TokenAuthenticator(audience: Definition.descriptor.name, keys: authentication.keys,
                                              sessions: authentication.sessions),
            resolver: parts.relationships,
            audit: StoreAuditSink(store: runtime.store, logger: runtime.logger),
            userGate: authentication.userGate)
        let server = runtime.server(services: parts.services, interceptors: [auth])
        return ServiceHost(runtime: runtime, assembly: assembly, parts: parts, server: server)
    }

    private init(runtime: ServiceRuntime, assembly: ServiceAssembly<Definition.Section>, parts: ServiceParts, server: RPCServer) {
        self.runtime = runtime
        self.assembly = assembly
        self.parts = parts
        self.server = server
    }

    // MARK: As a process

    /// Serves until SIGTERM or SIGINT, then shuts down gracefully: health NOT_SERVING, GOAWAY to
    /// every connection, calls in flight drain, background tasks stop, clients to other services
    /// close, the store closes. SIGHUP reloads the certificates without dropping connections.
    /// `listening on HOST:PORT` is printed on standard output once the preparation steps are done
    /// and the port is bound.
    public func run() async throws {
        let logger = runtime.logger
        let ready = ReadyLatch()
        // Services shut down in reverse order: the server first, the clients last.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: ClientsService(clients: assembly.clients), serviceName: "peer-clients"),
        ]
        for (name, service) in assembly.background {
            services.append(.init(service: service, serviceName: name))
        }
        let purge = PeriodicTask(every: .seconds(3600), name: "idempotency-purge") { [store = runtime.store] in
            _ = try await store.purgeIdempotencyKeys()
        }
        // Freed memory back to the system every five minutes (bulk calls, exports; FreedMemory).
        let trim = PeriodicTask(every: .seconds(300), name: "memory-trim") { FreedMemory.release() }
        // Our certificate's expiry: a warning each run from 14 days before, an error once expired.
        let expiry = PeriodicTask(every: .seconds(6 * 3600), name: "certificate-expiry") { [tls = runtime.tls] in
            CertificateExpiry.log(tls, to: logger)
        }
        // A quiet service (under 4 calls a second for 15–30 s) empties SQLite's page caches and the caches' spare entries.
        let release: @Sendable () async -> Void = { [store = runtime.store] in
            await store.releaseMemory()
            FreedMemory.releaseIdle()
            FreedMemory.release()
        }
        let idle = IdleMemory(admission: server.admission, release: release)
        let idleCheck = PeriodicTask(every: .seconds(15), name: "idle-memory") { await idle.tick() }
        for task in [purge, trim, expiry, idleCheck] + assembly.periodic {
            services.append(.init(service: PeriodicService(task: task, logger: logger), serviceName: task.name))
        }
        services.append(.init(service: PreparationService(steps: assembly.preparation, ready: ready, logger: logger,
                                                          release: release),
                              successTerminationBehavior: .ignore, failureTerminationBehavior: .gracefullyShutdownGroup,
                              serviceName: "preparation"))
        services.append(.init(service: ReloadOnHangup(tls: runtime.tls, logger: logger), serviceName: "sighup-reload"))
        services.append(.init(service: ServerService(server: server, runtime: runtime, ready: ready),
                              successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup,
                              serviceName: "rpc-server"))
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            logger.error("service stopped with an error", metadata: ["error": "\(error)"])
            try? runtime.store.close()
            throw error
        }
        try runtime.store.close()
        logger.info("stopped: store closed")
        StructuredLogHandler.flush()
    }

    // MARK: In-process (tests)

    /// Runs the preparation steps, starts the background services and the server; returns the port.
    public func start() async throws -> Int {
        for step in assembly.preparation { try await step.work() }
        let started = assembly.background.map { entry in
            Task { do { try await entry.service.run() } catch {} }
        }
        tasks.withLock { $0 += started }
        return try await server.start()
    }

    /// Stops what ``start()`` started: the server drains, background tasks stop, clients and the store close.
    public func stop() async {
        await server.shutdown()
        for task in tasks.withLock({ $0 }) { task.cancel() }
        for client in assembly.clients { await client.close() }
        try? runtime.store.close()
    }
}

/// Opens once the preparation steps are done; the server binds its port after it.
final class ReadyLatch: Sendable {
    private struct State {
        var open = false
        var next = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    }
    private let state = Mutex(State())

    /// Opens the latch; every waiter resumes.
    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the latch is open, or at once when the task is cancelled.
    func wait() async {
        let id = state.withLock { state -> Int in
            state.next += 1
            return state.next
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.open || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}

/// When a quiet service gives memory back: once fewer than ``quietCalls`` calls were admitted
/// between two checks (other services' background polls — the revocation feed asks identity every
/// few seconds — keep a service from ever being strictly idle) and none is in flight; once per
/// quiet period, again after a busy one.
final class IdleMemory: Sendable {
    /// Calls between two checks (15 s) below which the service counts as quiet: 4 a second.
    static let quietCalls = 60
    let admission: CallAdmission?
    let release: @Sendable () async -> Void
    private let seen = Mutex<(admitted: Int, released: Bool)>((-1, false))

    /// Watches `admission`'s count of calls; `release` gives the memory back.
    init(admission: CallAdmission?, release: @escaping @Sendable () async -> Void) {
        self.admission = admission
        self.release = release
    }

    /// One check (every 15 s); true when it released.
    @discardableResult
    func tick() async -> Bool {
        guard let admission else { return false }
        let admitted = admission.callsAdmitted
        let due = seen.withLock { seen -> Bool in
            defer { seen.admitted = admitted }
            if seen.admitted < 0 || admitted - seen.admitted >= Self.quietCalls {
                seen.released = false
                return false
            }
            if seen.released || admission.callsInFlight > 0 { return false }
            seen.released = true
            return true
        }
        if due { await release() }
        return due
    }
}

/// The preparation steps as a lifecycle service: runs them in order, then opens the latch.
struct PreparationService: Service {
    let steps: [ServiceAssembly<EmptySection>.PreparationStep]
    let ready: ReadyLatch
    let logger: Logger

    let release: @Sendable () async -> Void

    init<Section>(steps: [ServiceAssembly<Section>.PreparationStep], ready: ReadyLatch, logger: Logger,
                  release: @escaping @Sendable () async -> Void) {
        self.steps = steps.map { .init(name: $0.name, work: $0.work) }
        self.ready = ready
        self.logger = logger
        self.release = release
    }

    func run() async throws {
        for step in steps {
            try await cancelWhenGracefulShutdown { try await step.work() }
            logger.info("prepared", metadata: ["step": "\(step.name)"])
        }
        // The demo seeding and other preparation work leave freed memory and full page caches
        // behind (no call is served yet): return them.
        await release()
        ready.open()
    }
}

/// The RPC server as a lifecycle service: binds once prepared, drains at shutdown.
struct ServerService: Service {
    let server: RPCServer
    let runtime: ServiceRuntime
    let ready: ReadyLatch

    func run() async throws {
        await cancelWhenGracefulShutdown { await ready.wait() }
        if Task.isShuttingDownGracefully || Task.isCancelled { return }
        let port = try await server.start()
        let host = runtime.configuration.listen.host
        runtime.logger.info("listening", metadata: ["address": "\(host):\(port)"])
        FileHandle.standardOutput.write(Data("listening on \(host):\(port)\n".utf8))
        try? await gracefulShutdown()
        runtime.logger.info("shutting down: health NOT_SERVING, draining calls in flight")
        await server.shutdown()
        runtime.logger.info("drained")
    }
}

/// Closes the clients to other services at shutdown (after the server has drained).
struct ClientsService: Service {
    let clients: [RPCClient]

    func run() async throws {
        try? await gracefulShutdown()
        for client in clients { await client.close() }
    }
}

/// Reloads certificates on SIGHUP.
struct ReloadOnHangup: Service {
    let tls: TLSContext
    let logger: Logger

    func run() async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        for await _ in hangups.cancelOnGracefulShutdown() {
            do {
                try tls.reload()
                logger.notice("SIGHUP: certificates reloaded", metadata: ["not_after": "\(tls.certificateNotAfter.map(String.init) ?? "-")"])
                CertificateExpiry.log(tls, to: logger)
            } catch {
                logger.error("SIGHUP: reload failed; keeping the previous certificates", metadata: ["error": "\(error)"])
            }
        }
    }
}

/// A periodic task as a lifecycle service.
struct PeriodicService: Service {
    let task: PeriodicTask
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await task.work()
            } catch {
                logger.warning("periodic task failed", metadata: ["task": "\(task.name)", "error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: task.interval) }
        }
    }
}
