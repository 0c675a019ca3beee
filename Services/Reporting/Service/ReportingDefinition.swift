public import KinerjaService
import Foundation
import KinerjaASN
import KinerjaIdentityClient
public import KinerjaProto
public import KinerjaStore

/// The reporting service: daily reports with uploaded evidence, the atasan's verification,
/// progress against planning's targets, compliance, absences and period locks. It asks identity
/// who people are (``IdentityDirectory``) and planning what the SKPs and targets are
/// (``PlanningSource``), and authenticates with identity's keys and revocation feed.
public enum ReportingDefinition: ServiceDefinition {
    public static let name = "reporting"
    public static let summary = "The Kinerja reporting service: daily reports with evidence, verification, progress against targets, compliance."
    public static let descriptor = Reporting.ReportingService.descriptor
    public static let migrations = ReportingSchema.migrations
    public static let authorization = ReportingAuthorization.table
    public static let requiredPeers = ["identity", "planning"]

    /// The evidence folder a configuration names: `reporting.evidence_folder`, else `evidence`
    /// beside the store file.
    public static func evidenceFolder(_ configuration: LoadedConfiguration<ReportingConfiguration>) -> String {
        configuration.section.evidenceFolder
            ?? URL(fileURLWithPath: configuration.common.store.path).deletingLastPathComponent().appendingPathComponent("evidence").path
    }

    public static func assemble(_ assembly: ServiceAssembly<ReportingConfiguration>) async throws -> ServiceParts {
        let identity = try assembly.identity()
        let section = assembly.section
        let planning: any PlanningSource
        if let injected = assembly.injected("planning") as? any PlanningSource {
            planning = injected
        } else {
            let client = Planning.PlanningService.Client(transport: try assembly.client(peer: "planning"))
            planning = LivePlanningSource(client: client, ttl: .seconds(section.planningCacheSeconds))
        }
        let folder = evidenceFolder(LoadedConfiguration(common: assembly.runtime.configuration, section: section, sectionName: name))
        let evidence: EvidenceStore
        do {
            evidence = try EvidenceStore(configuration: EvidenceStore.Configuration(folder: folder))
        } catch {
            throw StoreError(.open, "cannot open the evidence store \(folder): \(error)")
        }
        if evidence.removedTemporaryFiles > 0 {
            assembly.logger.notice("evidence store: removed the temporary files of interrupted uploads",
                                   metadata: ["files": "\(evidence.removedTemporaryFiles)"])
        }
        let handlers = ReportingHandlers(store: assembly.runtime.store, evidence: evidence, directory: identity.directory,
                                         planning: planning, configuration: section)
        assembly.prepare("calendar-check") { [logger = assembly.logger] in
            let year = Wita.today(now: handlers.clock()).year
            if !(try await handlers.calendar().hasNationalHolidays(in: year)) {
                logger.warning("no libur nasional is loaded for this year: every weekday counts as a working day until they are (SetNonWorkingDay)",
                               metadata: ["year": "\(year)"])
            }
        }
        if section.demoSeed != nil {
            // Demo reports need identity's organisation and planning's SKPs: seeding waits for both.
            assembly.prepare("demo-seed") { [logger = assembly.logger] in
                try await ReportingDemoSeeder.seedIfEmpty(handlers: handlers, logger: logger)
            }
        }
        assembly.every(.seconds(section.orphanIntervalSeconds), name: "evidence-orphans") { [logger = assembly.logger] in
            let removed = try await handlers.collectOrphans()
            if removed > 0 { logger.notice("evidence store: orphan files collected", metadata: ["files": "\(removed)"]) }
        }
        return ServiceParts(services: [handlers], authentication: identity.authentication, relationships: identity.directory)
    }
}
