import ArgumentParser
import KinerjaProto

extension Kinerjactl {
    /// `kinerjactl logout`: ends the session on the server and removes the session file.
    struct Logout: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End the session (or all of your sessions) and forget it.")

        @OptionGroup var connection: ConnectionOptions

        @Flag(help: "End every session of yours, on every device.")
        var all = false

        func run() async throws {
            let store = try CommandEnvironment.sessionStore(environment: connection.environment)
            guard let stored = try store.load() else {
                print("Not signed in.")
                return
            }
            let ended: Identity.LogoutResponse?
            do {
                ended = try await CommandEnvironment.withConnections(connection, session: stored) { connections in
                    let caller = try SignedInSession(store: store, connections: connections, policy: connection.policy).identity
                    return try await caller.call {
                        try await $0.logout(.init(refreshToken: stored.refreshToken, allSessions: all), options: $1)
                    }
                }
            } catch let error as CLIError where error.status == .unauthenticated {
                // The server no longer knows the session: forgetting it locally is all that is left.
                ended = nil
            }
            try store.delete()
            if let ended, CommandEnvironment.printJSON(ended, connection) { return }
            if let ended {
                print("Signed out; \(ended.endedSessions) session\(ended.endedSessions == 1 ? "" : "s") ended.")
            } else {
                print("The session had already ended; signed out.")
            }
        }
    }
}
