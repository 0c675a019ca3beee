import KinerjaProto

/// Asks the five services for one person's data (each service's ExportPersonalData), in archive
/// order; the first refusal stops the collection, so an archive is never silently partial.
struct PersonalDataCollection {
    /// One service's export: the records it streamed.
    typealias Export = (_ service: String) async throws -> [Common.PersonalDataRecord]

    /// The records of every service.
    static func collect(_ export: Export) async throws -> [String: [Common.PersonalDataRecord]] {
        var out: [String: [Common.PersonalDataRecord]] = [:]
        for service in PersonalDataArchive.services { out[service] = try await export(service) }
        return out
    }

    /// The export of `service` through generated clients over `transport(service)`, with `options`.
    static func export(_ service: String, nip: String, reason: String, options: CallOptions,
                       transport: (String) throws -> any ClientTransport) async throws -> [Common.PersonalDataRecord] {
        let transport = try transport(service)
        switch service {
        case "identity":
            return try await Identity.IdentityService.Client(transport: transport)
                .exportPersonalData(.init(nip: nip, reason: reason), options: options) { try await Self.gather($0.mapElements(\.records)) }
        case "planning":
            return try await Planning.PlanningService.Client(transport: transport)
                .exportPersonalData(.init(nip: nip, reason: reason), options: options) { try await Self.gather($0.mapElements(\.records)) }
        case "reporting":
            return try await Reporting.ReportingService.Client(transport: transport)
                .exportPersonalData(.init(nip: nip, reason: reason), options: options) { try await Self.gather($0.mapElements(\.records)) }
        case "feedback":
            return try await Feedback.FeedbackService.Client(transport: transport)
                .exportPersonalData(.init(nip: nip, reason: reason), options: options) { try await Self.gather($0.mapElements(\.records)) }
        case "evaluation":
            return try await Evaluation.EvaluationService.Client(transport: transport)
                .exportPersonalData(.init(nip: nip, reason: reason), options: options) { try await Self.gather($0.mapElements(\.records)) }
        default:
            throw CLIError(.failure, "no service \(service)")
        }
    }

    private static func gather(_ batches: RPCAsyncSequence<[Common.PersonalDataRecord]>) async throws -> [Common.PersonalDataRecord] {
        var records: [Common.PersonalDataRecord] = []
        for try await batch in batches { records += batch }
        return records
    }
}
