public import KinerjaService
import KinerjaIdentityClient
public import KinerjaProto
public import KinerjaStore

/// The planning service: SKP, RHK, IKI and targets, cascading, approvals and versions. It asks
/// identity who people are (``IdentityDirectory``) and authenticates with identity's keys and
/// revocation feed.
public enum PlanningDefinition: ServiceDefinition {
    public static let name = "planning"
    public static let summary = "The Kinerja planning service: SKP, RHK, IKI and targets, cascading, approvals and versions."
    public static let descriptor = Planning.PlanningService.descriptor
    public static let migrations = PlanningSchema.migrations
    public static let authorization = PlanningAuthorization.table
    public static let requiredPeers = ["identity"]

    public static func assemble(_ assembly: ServiceAssembly<PlanningConfiguration>) async throws -> ServiceParts {
        let identity = try assembly.identity()
        let handlers = PlanningHandlers(store: assembly.runtime.store, directory: identity.directory, configuration: assembly.section)
        if assembly.section.demoSeed != nil {
            // Demo SKPs need identity's view of the organisation; seeding waits for identity.
            assembly.prepare("demo-seed") { [logger = assembly.logger] in
                try await PlanningDemoSeeder.seedIfEmpty(handlers: handlers, logger: logger)
            }
        }
        return ServiceParts(services: [handlers], authentication: identity.authentication, relationships: identity.directory)
    }
}
