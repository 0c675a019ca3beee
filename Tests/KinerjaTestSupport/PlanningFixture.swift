public import Foundation
public import KinerjaPlanning
public import KinerjaProto
public import KinerjaRPC
public import KinerjaService
import KinerjaStore
import GRDB
import KinerjaTLS

/// A real planning service in-process next to a real identity service (``IdentityFixture``):
/// planning reaches identity over mutual TLS with its own service certificate, exactly as deployed.
public final class PlanningFixture: Sendable {
    /// The identity service planning asks.
    public let identity: IdentityFixture
    /// The planning service, as every service fixture.
    public let service: ServiceFixture<PlanningDefinition>

    /// The planning runtime (its store).
    public var runtime: ServiceRuntime { service.runtime }
    /// Its port.
    public var port: Int { service.port }
    /// The handlers (in-process calls in tests).
    public var handlers: PlanningHandlers {
        get throws {
            guard let handlers = service.host.parts.services.first as? PlanningHandlers else { throw TestFailure("no planning handlers") }
            return handlers
        }
    }

    /// Starts identity (demo organisation) and planning (no demo SKPs unless `demoSeed`).
    public static func start(identityCacheSeconds: Int = 30, demoSeed: UInt64? = nil) async throws -> PlanningFixture {
        let identity = try await IdentityFixture.start()
        var section = PlanningConfiguration()
        section.demoSeed = demoSeed
        do {
            let service = try await ServiceFixture<PlanningDefinition>.start(section: section, peers: ["identity": identity.port]) {
                $0.identityClient.cacheSeconds = identityCacheSeconds
                // A test that stops identity checks that planning refuses once the cache has expired.
                $0.identityClient.revocationStalenessSeconds = max(5, identityCacheSeconds)
            }
            return PlanningFixture(identity: identity, service: service)
        } catch {
            await identity.stop()
            throw error
        }
    }

    private init(identity: IdentityFixture, service: ServiceFixture<PlanningDefinition>) {
        self.identity = identity
        self.service = service
    }

    private func planning(_ peer: TestPeer) -> Planning.PlanningService.Client {
        guard let transport = try? service.transport(as: peer) else { preconditionFailure("no test certificate for \(peer)") }
        return Planning.PlanningService.Client(transport: transport)
    }

    /// Planning over the operator's machine certificate (users send their token).
    public var client: Planning.PlanningService.Client { planning(.client("operator")) }
    /// Planning over the HR portal's certificate.
    public var hrPortal: Planning.PlanningService.Client { planning(.client("hr-portal")) }
    /// Planning over the reporting service's certificate.
    public var reportingService: Planning.PlanningService.Client { planning(.service("reporting")) }

    /// Signs a demo persona in at identity; the token is good at planning too.
    public func signIn(_ persona: String) async throws -> CallOptions { try await identity.signIn(persona) }

    public func stop() async {
        await service.stop()
        await identity.stop()
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

extension ServiceFixture where Definition == PlanningDefinition {
    /// A fingerprint of every planning table except the audit log, to show a refused call changed nothing.
    public func snapshot() async throws -> String {
        try await store.pool.read { db in
            var parts: [String] = []
            for table in ["skp_version", "rhk_link", "iki_link", "review_flag", "rhk_seen", "skp_submitted", "skp_deleted",
                          "expectation_amendment", "skp_closure", "idempotency"] {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).sorted()
                parts.append("\(table):\(rows.count):\(rows.joined().hashValue)")
            }
            return parts.joined(separator: "|")
        }
    }
}

extension PlanningFixture {
    /// A fingerprint of every planning table except the audit log (``ServiceFixture/snapshot()``).
    public func snapshot() async throws -> String { try await service.snapshot() }
}
