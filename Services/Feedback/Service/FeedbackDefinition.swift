public import KinerjaService
import KinerjaIdentityClient
public import KinerjaProto
public import KinerjaStore

/// The feedback service: continuous feedback, dialog kinerja and coaching, 360° BerAKHLAK rounds
/// with anonymous peer and bawahan input, and citizen ratings with the unit's SKM. It asks identity
/// who people are, planning for SKPs, RHKs and the ekspektasi khusus, and — when configured —
/// reporting for daily reports.
public enum FeedbackDefinition: ServiceDefinition {
    public static let name = "feedback"
    public static let summary = "The Kinerja feedback service: continuous feedback, dialog kinerja and coaching, 360° BerAKHLAK rounds, citizen ratings and the SKM."
    public static let descriptor = Feedback.FeedbackService.descriptor
    public static let migrations = FeedbackSchema.migrations
    public static let authorization = FeedbackAuthorization.table
    public static let requiredPeers = ["identity", "planning"]

    public static func assemble(_ assembly: ServiceAssembly<FeedbackConfiguration>) async throws -> ServiceParts {
        let identity = try assembly.identity()
        let planning = Planning.PlanningService.Client(transport: try assembly.client(peer: "planning"))
        // Reporting is optional: without it, feedback on a daily report is refused (FAILED_PRECONDITION).
        let reportingTransport: (any ClientTransport)? = if let injected = assembly.injected("reporting") as? any ClientTransport {
            injected
        } else if assembly.runtime.configuration.peers["reporting"] != nil {
            try assembly.client(peer: "reporting")
        } else {
            nil
        }
        let evidence = PeerEvidence(planning: planning, reporting: reportingTransport.map { Reporting.ReportingService.Client(transport: $0) })
        let section = assembly.section
        let secret = try PseudonymSecret.loadOrCreate(at: PseudonymSecret.path(configured: section.pseudonymSecretFile,
                                                                                storePath: assembly.runtime.configuration.store.path))
        let handlers = try FeedbackHandlers(store: assembly.runtime.store, directory: identity.directory, evidence: evidence,
                                            configuration: section, secret: secret)
        // Rounds close at their deadline and tickets expire after 7 days even when nobody reads them.
        assembly.every(.seconds(60), name: "feedback-deadlines") { [logger = assembly.logger] in
            let done = try await handlers.applyDeadlines()
            if done.rounds + done.tickets > 0 {
                logger.info("deadlines applied", metadata: ["rounds_closed": "\(done.rounds)", "tickets_expired": "\(done.tickets)"])
            }
        }
        if section.demoSeed != nil {
            // Demo feedback needs identity's organisation (and planning's SKPs); seeding waits for both.
            assembly.prepare("demo-seed") { [logger = assembly.logger] in
                try await FeedbackDemoSeeder.seedIfEmpty(handlers: handlers, logger: logger)
            }
        }
        return ServiceParts(services: [handlers], authentication: identity.authentication, relationships: identity.directory)
    }
}
