public import KinerjaService
import KinerjaIdentityClient
public import KinerjaProto
public import KinerjaStore
import Foundation

/// The evaluation service: periods and their population, the organisation rating, proposals from
/// evidence, the pejabat penilai's ratings, the predikat matrix, the distribution curve enforced
/// at finalisation, leniency and the HR portal's queries. It asks identity who rates whom,
/// planning for SKPs and ekspektasi khusus, reporting for verified realisations and feedback for
/// 360° summaries; it tells reporting (and planning) when a period is finalised or reopened.
public enum EvaluationDefinition: ServiceDefinition {
    public static let name = "evaluation"
    public static let summary = "The Kinerja evaluation service: periods, proposals from evidence, ratings, the predikat matrix, the distribution curve, finalisation, HR-portal queries."
    public static let descriptor = Evaluation.EvaluationService.descriptor
    public static let migrations = EvaluationSchema.migrations
    public static let authorization = EvaluationAuthorization.table
    public static let requiredPeers = ["identity", "planning", "reporting", "feedback"]

    public static func assemble(_ assembly: ServiceAssembly<EvaluationConfiguration>) async throws -> ServiceParts {
        let identity = try assembly.identity()
        let section = assembly.section
        // One connection per peer, shared by the evidence reads and the lock deliveries (tests inject both).
        let injectedEvidence = assembly.injected("evidence") as? any EvidenceSource
        let injectedLocks = assembly.injected("locks") as? any PeerLocks
        var planning: Planning.PlanningService.Client?
        var reporting: Reporting.ReportingService.Client?
        if injectedEvidence == nil || injectedLocks == nil {
            planning = Planning.PlanningService.Client(transport: try assembly.client(peer: "planning"))
            reporting = Reporting.ReportingService.Client(transport: try assembly.client(peer: "reporting"))
        }
        let evidence: any EvidenceSource
        if let injectedEvidence {
            evidence = injectedEvidence
        } else if let planning, let reporting {
            evidence = PeerEvidence(planning: planning, reporting: reporting,
                                    feedback: Feedback.FeedbackService.Client(transport: try assembly.client(peer: "feedback")))
        } else {
            throw ConfigurationError(key: "peers", "planning and reporting are required")
        }
        let locks: any PeerLocks
        if let injectedLocks {
            locks = injectedLocks
        } else if let planning, let reporting {
            locks = LivePeerLocks(reporting: reporting, planning: planning)
        } else {
            throw ConfigurationError(key: "peers", "planning and reporting are required")
        }
        var koefisien = AngkaKreditTable.permenPANRB2023
        if let path = section.angkaKreditKoefisienFile {
            let key = "evaluation.angka_kredit_koefisien_file"
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw ConfigurationError(key: key, "cannot read \(path)")
            }
            do { koefisien = try AngkaKreditTable(parsing: text) } catch { throw ConfigurationError(key: key, "\(path): \(error.message)") }
        }
        let handlers = EvaluationHandlers(store: assembly.runtime.store, directory: identity.directory, evidence: evidence, locks: locks,
                                          configuration: section, angkaKreditTable: koefisien)
        if section.demoSeed != nil {
            // The demo evaluations need identity's organisation and the other services' demo data: seeding waits for them.
            assembly.prepare("demo-seed") { [logger = assembly.logger] in
                try await EvaluationDemoSeeder.seedIfEmpty(handlers: handlers, logger: logger)
            }
        }
        // Reporting and planning are told of finalisations and reopenings; one that was down is retried.
        assembly.every(.seconds(section.notifyRetrySeconds), name: "peer-locks") { [logger = assembly.logger] in
            let (delivered, pending) = await handlers.deliverLocks()
            if delivered > 0 || pending > 0 {
                logger.info("peer locks", metadata: ["delivered": "\(delivered)", "pending": "\(pending)"])
            }
        }
        return ServiceParts(services: [handlers], authentication: identity.authentication, relationships: identity.directory)
    }
}
