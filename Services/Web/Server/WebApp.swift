public import Hummingbird
public import Logging
import Mustache

/// kinerja-web's parts and routes: the gateway to the services, the session table, the rate
/// limits and the templates. `router()` is everything a request meets, testable without a socket.
public struct WebApp: Sendable {
    public let configuration: WebConfiguration
    let gateway: ServiceGateway
    let sessions: SessionTable
    let signInPerAddress: RateLimiter
    let signInPerAccount: RateLimiter
    let citizenPerAddress: RateLimiter
    let templates: MustacheLibrary
    let clock: WebClock
    let logger: Logger

    public init(configuration: WebConfiguration, gateway: ServiceGateway, logger: Logger = Logger(label: "kinerja-web")) throws {
        try self.init(configuration: configuration, gateway: gateway, clock: .system, logger: logger)
    }

    init(configuration: WebConfiguration, gateway: ServiceGateway, clock: WebClock, logger: Logger = Logger(label: "kinerja-web")) throws {
        self.configuration = configuration
        self.gateway = gateway
        self.sessions = SessionTable(idleSeconds: configuration.sessionIdleSeconds, lifetimeSeconds: configuration.sessionLifetimeSeconds)
        self.signInPerAddress = RateLimiter(perMinute: configuration.signInPerAddressPerMinute)
        self.signInPerAccount = RateLimiter(perMinute: configuration.signInPerAccountPerMinute)
        self.citizenPerAddress = RateLimiter(perMinute: configuration.citizenPerAddressPerMinute)
        self.templates = try PageTemplates.library()
        self.clock = clock
        self.logger = logger
    }

    /// Every route behind the security headers, the session look-up and the form guard.
    public func router() -> Router<WebRequestContext> {
        let router = Router(context: WebRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware(https: !configuration.insecureDev))
        router.add(middleware: SessionMiddleware(sessions: sessions, clock: clock))
        router.add(middleware: FormGuardMiddleware(maxFormBytes: configuration.maxFormBytes, maxUploadBytes: configuration.maxUploadBytes,
                                                   uploadPaths: [WeekPage.path]))
        StaticAssets.register(on: router)
        addSignInRoutes(to: router)
        addHomeRoutes(to: router)
        addWeekRoutes(to: router)
        addProgressRoutes(to: router)
        addInboxRoutes(to: router)
        addFeedbackRoutes(to: router)
        addCurveRoutes(to: router)
        addEvaluationRoutes(to: router)
        addTeamRoutes(to: router)
        addComplianceRoutes(to: router)
        addRatingRoutes(to: router)
        addTeamCalendarRoutes(to: router)
        addFinalisationRoutes(to: router)
        addExportRoutes(to: router)
        addPasswordRoutes(to: router)
        addEvidenceRoutes(to: router)
        addCitizenRoutes(to: router)
        return router
    }
}
