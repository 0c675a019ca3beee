import Foundation
import KinerjaProto

/// Sets up what a command needs from its connection options (session store, addresses,
/// connections, callers) and tears it down afterwards.
enum CommandEnvironment {
    /// The session store at its default location.
    static func sessionStore(environment: ClientEnvironment) throws -> SessionStore {
        guard let path = SessionStore.defaultPath(environment: environment) else {
            throw CLIError(.failure, "cannot tell where to keep the session: set \(ClientEnvironment.session) or HOME")
        }
        return SessionStore(path: path)
    }

    /// The command's connections: mutual TLS with the operator certificate, to the services where
    /// `options` and the environment say they listen.
    static func connections(_ options: ClientOptions, session: StoredSession?) throws -> ServiceConnections {
        let environment = options.environment
        let addresses = options.addresses(environment: environment, session: session)
        return .mutualTLS(addresses: { try addresses.address(of: $0) }, pki: options.pkiDirectory(environment: environment),
                          certificateName: try options.certificateName(environment: environment))
    }

    /// Runs `body` with the command's connections and closes them afterwards.
    static func withConnections<R>(_ options: ConnectionOptions, session: StoredSession?,
                                   _ body: (ServiceConnections) async throws -> R) async throws -> R {
        try await connections(options.client, session: session).run(body)
    }

    /// Runs `body` as the signed-in user with a caller of `Client`'s service.
    static func withSignedIn<Client: ServiceClient, R>(_ type: Client.Type, _ options: ConnectionOptions,
                                                       _ body: (SignedInCaller<Client>) async throws -> R) async throws -> R {
        let store = try sessionStore(environment: options.environment)
        guard let stored = try store.load() else { throw CLIError.notSignedIn }
        return try await withConnections(options, session: stored) { connections in
            let session = try SignedInSession(store: store, connections: connections, policy: options.policy)
            return try await body(try session.caller(type))
        }
    }

    /// Runs `body` as the signed-in user with a caller of identity.
    static func withSignedIn<R>(_ options: ConnectionOptions, _ body: (IdentityCaller) async throws -> R) async throws -> R {
        try await withSignedIn(Identity.IdentityService.Client.self, options, body)
    }

    /// Runs `body` as the signed-in user with a caller of planning (identity refreshes the token).
    static func withPlanning<R>(_ options: ConnectionOptions, _ body: (PlanningCaller) async throws -> R) async throws -> R {
        try await withSignedIn(Planning.PlanningService.Client.self, options, body)
    }

    /// Prints a response as JSON when `--json` was given; returns whether it did.
    static func printJSON<M: ProtoMessage>(_ message: M, _ options: ConnectionOptions) -> Bool {
        guard options.json else { return false }
        print(message.jsonString())
        return true
    }
}
