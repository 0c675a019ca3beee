public import KinerjaProto
public import KinerjaStore

/// Everything that makes one Kinerja service what it is, declared once: its name and
/// configuration section, its store's migrations, its authorisation table, and how its handlers
/// are assembled. One generic program (``ServiceCommand``) serves it and offers the operator
/// commands (`serve`, `backup`, `audit verify`, `check-config`); one generic fixture tests it.
///
/// Adding a service is: a definition, a schema, an authorisation table, handlers, and a
/// `main.swift` that calls `ServiceCommand<Definition>.main()` (docs/ARCHITECTURE.md, "Adding a service").
public protocol ServiceDefinition: Sendable {
    /// The service's own configuration section.
    associatedtype Section: ConfigurationSection

    /// Short name: the configuration section, the logger label (`kinerja-<name>`), the certificate
    /// (`…/service/<name>`) and the `ErrorInfo` domain (`<name>.kinerja.kupangkota.go.id`).
    static var name: String { get }
    /// One line for `--help`.
    static var summary: String { get }
    /// The RPC service it serves; its name is the audience of the tokens it accepts.
    static var descriptor: ServiceDescriptor { get }
    /// The store's migrations, in order.
    static var migrations: [Migration] { get }
    /// Who may call each method (default deny).
    static var authorization: AuthorizationTable { get }
    /// Peers that must be configured (`peers.<name>`), e.g. `["identity"]`.
    static var requiredPeers: [String] { get }

    /// Builds the handlers and the authentication over an opened runtime; registers with
    /// `assembly` the clients, background tasks and preparation steps (bootstrap, demo seeding)
    /// the service needs.
    static func assemble(_ assembly: ServiceAssembly<Section>) async throws -> ServiceParts
}

extension ServiceDefinition {
    /// No peers by default.
    public static var requiredPeers: [String] { [] }
    /// The executable's name, e.g. `kinerja-planning`.
    public static var programName: String { "kinerja-\(name)" }
}

/// What ``ServiceDefinition/assemble(_:)`` builds.
public struct ServiceParts: Sendable {
    /// The RPC services (handlers) to serve.
    public var services: [any RegistrableService]
    /// How tokens are verified and sessions checked.
    public var authentication: Authentication
    /// Answers the relationship grants of the authorisation table.
    public var relationships: any RelationshipResolver

    /// The parts of a service.
    public init(services: [any RegistrableService], authentication: Authentication, relationships: any RelationshipResolver) {
        self.services = services
        self.authentication = authentication
        self.relationships = relationships
    }
}

/// How a service authenticates its callers.
public struct Authentication: Sendable {
    /// The keys that verify access tokens.
    public var keys: any VerificationKeySource
    /// Whether a token's session is still open (identity's revocation feed); nil = not checked here.
    public var sessions: (any SessionCheck)?
    /// Further checks on signed-in callers (identity: password change pending).
    public var userGate: AuthInterceptor.UserGate?

    /// Authentication with these parts.
    public init(keys: any VerificationKeySource, sessions: (any SessionCheck)? = nil, userGate: AuthInterceptor.UserGate? = nil) {
        self.keys = keys
        self.sessions = sessions
        self.userGate = userGate
    }
}
