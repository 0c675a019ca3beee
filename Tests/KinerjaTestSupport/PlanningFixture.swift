public import Foundation
public import KinerjaPlanning
public import KinerjaProto
public import KinerjaRPC
public import KinerjaService
import KinerjaStore
import KinerjaTLS

/// A real planning service in-process next to a real identity service (``IdentityFixture``):
/// planning reaches identity over mutual TLS with its own service certificate, exactly as deployed.
public final class PlanningFixture: Sendable {
    /// The identity service planning asks.
    public let identity: IdentityFixture
    /// The planning runtime (its store).
    public let runtime: ServiceRuntime
    /// The planning service.
    public let service: PlanningService
    /// Its port.
    public let port: Int
    private let clients: [RPCClient]
    private let directory: String

    /// Starts identity (demo organisation) and planning (no demo SKPs unless `demoSeed`).
    public static func start(identityCacheSeconds: Int = 30, demoSeed: UInt64? = nil) async throws -> PlanningFixture {
        let identity = try await IdentityFixture.start()
        let pki = try TestPKI.directory()
        let directory = NSTemporaryDirectory() + "kinerja-planning-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let json = """
            {
              "listen": { "host": "127.0.0.1", "port": 0 },
              "store": { "path": "\(directory)/planning.sqlite" },
              "tls": { "certificate": "\(pki)/service/planning.pem", "private_key": "\(pki)/service/planning.key", "trust_roots": "\(pki)/ca.pem" },
              "peers": { "identity": { "address": "127.0.0.1:\(identity.port)", "identity": "spiffe://kinerja.kupangkota.go.id/service/identity" } },
              "planning": { "identity_cache_seconds": \(identityCacheSeconds) \(demoSeed.map { ", \"demo_seed\": \($0)" } ?? "") }
            }
            """
        try json.write(toFile: "\(directory)/planning.json", atomically: true, encoding: .utf8)
        let loaded = try ConfigurationLoader.load(file: "\(directory)/planning.json", section: "planning", sectionKeys: PlanningConfiguration.keys)
        let configuration = try loaded.section(as: PlanningConfiguration.self)
        let runtime = try ServiceRuntime(name: "planning", configuration: loaded.common, migrations: PlanningSchema.migrations)
        let service = try PlanningService(runtime: runtime, configuration: configuration)
        if demoSeed != nil {
            try await PlanningDemoSeeder.seedIfEmpty(handlers: service.handlers, configuration: configuration, logger: runtime.logger)
        }
        let port = try await service.server.start()
        var clients: [RPCClient] = []
        for (kind, name) in [(PeerIdentity.Kind.client, "operator"), (.client, "hr-portal"), (.service, "reporting")] {
            let tls = kind == .client ? try TestPKI.context(client: name) : try TestPKI.context(service: name)
            clients.append(RPCClient(configuration: ClientConfiguration(host: "127.0.0.1", port: port,
                                                                        serverIdentity: try PeerIdentity(kind: .service, name: "planning"), tls: tls)))
        }
        return PlanningFixture(identity: identity, runtime: runtime, service: service, port: port, clients: clients, directory: directory)
    }

    private init(identity: IdentityFixture, runtime: ServiceRuntime, service: PlanningService, port: Int, clients: [RPCClient], directory: String) {
        self.identity = identity
        self.runtime = runtime
        self.service = service
        self.port = port
        self.clients = clients
        self.directory = directory
    }

    /// Planning over the operator's machine certificate (users send their token).
    public var client: Planning.PlanningService.Client { Planning.PlanningService.Client(transport: clients[0]) }
    /// Planning over the HR portal's certificate.
    public var hrPortal: Planning.PlanningService.Client { Planning.PlanningService.Client(transport: clients[1]) }
    /// Planning over the reporting service's certificate.
    public var reportingService: Planning.PlanningService.Client { Planning.PlanningService.Client(transport: clients[2]) }

    /// Signs a demo persona in at identity; the token is good at planning too.
    public func signIn(_ persona: String) async throws -> CallOptions { try await identity.signIn(persona) }

    public func stop() async {
        for client in clients { await client.close() }
        await service.server.shutdown()
        await service.identityClient.close()
        try? runtime.store.close()
        await identity.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// Runs `body` with a fresh planning + identity pair and always stops them.
public func withPlanning<T>(identityCacheSeconds: Int = 30, demoSeed: UInt64? = nil,
                            _ body: (PlanningFixture) async throws -> T) async throws -> T {
    let fixture = try await PlanningFixture.start(identityCacheSeconds: identityCacheSeconds, demoSeed: demoSeed)
    do {
        let result = try await body(fixture)
        await fixture.stop()
        return result
    } catch {
        await fixture.stop()
        throw error
    }
}
