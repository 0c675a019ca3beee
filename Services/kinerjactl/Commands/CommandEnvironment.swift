import Foundation
import KinerjaProto

/// Sets up what a command needs from the connection options (session store, server, client)
/// and tears it down afterwards.
enum CommandEnvironment {
    /// The session store at its default location.
    static func sessionStore(environment: [String: String]) throws -> SessionStore {
        guard let path = SessionStore.defaultPath(environment: environment) else {
            throw CLIError(.failure, "cannot tell where to keep the session: set KINERJA_SESSION or HOME")
        }
        return SessionStore(path: path)
    }

    /// Runs `body` with a client for the server chosen by `options` (and the stored session, if any).
    static func withConnection<R>(_ options: ConnectionOptions, session: StoredSession?,
                                  _ body: (IdentityConnection) async throws -> R) async throws -> R {
        try options.check()
        let environment = options.environment
        let server = try options.serverAddress(environment: environment, session: session)
        let connection = try IdentityConnection.open(server: server, pki: options.pkiDirectory(environment: environment),
                                                     certificateName: options.cert)
        do {
            let result = try await body(connection)
            await connection.close()
            return result
        } catch {
            await connection.close()
            throw error
        }
    }

    /// Runs `body` as the signed-in user.
    static func withSignedIn<R>(_ options: ConnectionOptions, _ body: (SignedInCaller) async throws -> R) async throws -> R {
        let store = try sessionStore(environment: options.environment)
        guard let session = try store.load() else { throw CLIError.notSignedIn }
        return try await withConnection(options, session: session) { connection in
            try await body(SignedInCaller(client: connection.client, store: store, timeout: .seconds(options.timeout)))
        }
    }

    /// Prints a response as JSON when `--json` was given; returns whether it did.
    static func printJSON<M: ProtoMessage>(_ message: M, _ options: ConnectionOptions) -> Bool {
        guard options.json else { return false }
        print(message.jsonString())
        return true
    }
}
