public import KinerjaRPC
public import Logging
public import ServiceLifecycle
import Synchronization

/// What a service's ``ServiceDefinition/assemble(_:)`` works with: the opened runtime and its
/// section, and a place to register the long-lived parts it creates. Every registered part runs
/// as a service of the process's `ServiceGroup`, so the shutdown order is declared once (by the
/// runner), not closed by hand: the RPC server drains first, then preparation and background
/// tasks stop, then the clients to other services close, then the store.
public final class ServiceAssembly<Section: ConfigurationSection>: Sendable {
    /// A step that must finish before the service answers calls (bootstrap, demo seeding).
    public struct PreparationStep: Sendable {
        /// Name for the logs.
        public var name: String
        /// The work; it may wait for other services and is cancelled at shutdown.
        public var work: @Sendable () async throws -> Void
    }

    /// The runtime: configuration, logger, TLS, store.
    public let runtime: ServiceRuntime
    /// The service's own section.
    public let section: Section

    private struct Registered {
        var clients: [RPCClient] = []
        var background: [(name: String, service: any Service)] = []
        var periodic: [PeriodicTask] = []
        var preparation: [PreparationStep] = []
        var injected: [String: any Sendable] = [:]
    }
    private let registered = Mutex(Registered())

    /// An assembly over an opened runtime.
    public init(runtime: ServiceRuntime, section: Section) {
        self.runtime = runtime
        self.section = section
    }

    /// The logger.
    public var logger: Logger { runtime.logger }

    /// A client for the configured peer `name`, closed at shutdown after the server has drained.
    public func client(peer name: String) throws -> RPCClient {
        let client = try runtime.client(peer: name)
        registered.withLock { $0.clients.append(client) }
        return client
    }

    /// Runs `service` beside the server until shutdown.
    public func run(_ name: String, _ service: any Service) {
        registered.withLock { $0.background.append((name, service)) }
    }

    /// Runs `work` every `interval` (first at start) until shutdown; failures are logged.
    public func every(_ interval: Duration, name: String, _ work: @escaping @Sendable () async throws -> Void) {
        registered.withLock { $0.periodic.append(PeriodicTask(every: interval, name: name, work: work)) }
    }

    /// Runs `work` before the server answers calls; steps run in the order registered, and a
    /// failing step stops the process.
    public func prepare(_ name: String, _ work: @escaping @Sendable () async throws -> Void) {
        registered.withLock { $0.preparation.append(PreparationStep(name: name, work: work)) }
    }

    /// Gives the assembly a part to use instead of building it (tests inject an in-memory
    /// identity directory this way); `key` names the part.
    public func inject(_ key: String, _ part: any Sendable) {
        registered.withLock { $0.injected[key] = part }
    }

    /// The part injected under `key`, if any.
    public func injected(_ key: String) -> (any Sendable)? {
        registered.withLock { $0.injected[key] }
    }

    var clients: [RPCClient] { registered.withLock { $0.clients } }
    var background: [(name: String, service: any Service)] { registered.withLock { $0.background } }
    var periodic: [PeriodicTask] { registered.withLock { $0.periodic } }
    var preparation: [PreparationStep] { registered.withLock { $0.preparation } }
}

/// A task a service runs every `interval` until shutdown (key rotation checks, purges).
public struct PeriodicTask: Sendable {
    /// Time between runs (the first run is at start).
    public var interval: Duration
    /// Name for the logs.
    public var name: String
    /// The work.
    public var work: @Sendable () async throws -> Void

    /// Creates a task.
    public init(every interval: Duration, name: String, work: @escaping @Sendable () async throws -> Void) {
        self.interval = interval
        self.name = name
        self.work = work
    }
}
