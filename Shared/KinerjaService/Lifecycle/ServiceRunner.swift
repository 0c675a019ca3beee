public import KinerjaRPC
import KinerjaStore
import KinerjaTLS
import Logging
import ServiceLifecycle
import UnixSignals
import Foundation

/// Runs a service until SIGTERM or SIGINT, then shuts it down gracefully:
/// health NOT_SERVING, GOAWAY to every connection, calls in flight drain, the store closes.
/// SIGHUP reloads the certificates and key from disk without dropping connections.
public enum ServiceRunner {
    /// A task the service runs every `interval` until shutdown (e.g. key rotation checks).
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

    /// Runs `server` with `runtime`'s TLS context and store, plus `periodic` tasks,
    /// and prints `listening on HOST:PORT` on standard output once the port is bound.
    public static func run(server: RPCServer, runtime: ServiceRuntime, periodic: [PeriodicTask] = []) async throws {
        let services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: ServerService(server: server, runtime: runtime),
                  successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup,
                  serviceName: "rpc-server"),
            .init(service: ReloadOnHangup(tls: runtime.tls, logger: runtime.logger), serviceName: "sighup-reload"),
        ] + ([PeriodicTask(every: .seconds(3600), name: "idempotency-purge") { [store = runtime.store] in
                _ = try await store.purgeIdempotencyKeys()
            }] + periodic).map { .init(service: Periodic(task: $0, logger: runtime.logger), serviceName: $0.name) }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: runtime.logger))
        do {
            try await group.run()
        } catch {
            runtime.logger.error("service stopped with an error", metadata: ["error": "\(error)"])
            try? runtime.store.close()
            throw error
        }
        try runtime.store.close()
        runtime.logger.info("stopped: store closed")
    }
}

/// The RPC server as a lifecycle service.
struct ServerService: Service {
    let server: RPCServer
    let runtime: ServiceRuntime

    func run() async throws {
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

/// Reloads certificates on SIGHUP.
struct ReloadOnHangup: Service {
    let tls: TLSContext
    let logger: Logger

    func run() async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        for await _ in hangups.cancelOnGracefulShutdown() {
            do {
                try tls.reload()
                logger.notice("SIGHUP: certificates reloaded")
            } catch {
                logger.error("SIGHUP: reload failed; keeping the previous certificates", metadata: ["error": "\(error)"])
            }
        }
    }
}

/// A periodic task as a lifecycle service.
struct Periodic: Service {
    let task: ServiceRunner.PeriodicTask
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
