public import KinerjaProto

/// A generated client stub (`<Service>.Client`, see `Shared/KinerjaProto/Generated`) and the
/// service that serves it, so one connection and caller type works for every service.
public protocol ServiceClient: Sendable {
    /// A client over any transport (what the generated stubs offer).
    init(transport: any ClientTransport)
    /// The service that serves it.
    static var endpoint: ServiceEndpoint { get }
}

extension Identity.IdentityService.Client: ServiceClient {
    public static var endpoint: ServiceEndpoint { .identity }
}

extension Planning.PlanningService.Client: ServiceClient {
    public static var endpoint: ServiceEndpoint { .planning }
}

extension Reporting.ReportingService.Client: ServiceClient {
    public static var endpoint: ServiceEndpoint { .reporting }
}

extension Feedback.FeedbackService.Client: ServiceClient {
    public static var endpoint: ServiceEndpoint { .feedback }
}

extension Evaluation.EvaluationService.Client: ServiceClient {
    public static var endpoint: ServiceEndpoint { .evaluation }
}
