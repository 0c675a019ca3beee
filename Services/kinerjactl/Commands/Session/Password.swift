import ArgumentParser
import KinerjaProto

extension Kinerjactl {
    /// `kinerjactl password`: your own password.
    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Manage your password.", subcommands: [Change.self])

        /// `kinerjactl password change`.
        struct Change: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Change your password.",
                discussion: "With --password-stdin: the current password, then the new one twice, one per line."
            )

            @OptionGroup var connection: ConnectionOptions

            @Flag(help: "Read the passwords from standard input.")
            var passwordStdin = false

            @Flag(help: "End every other session of yours.")
            var endOtherSessions = false

            func run() async throws {
                let secrets: SecretSource = passwordStdin ? .standardInput : .terminal
                let current = try secrets.next("Current password")
                let new = try secrets.newPassword()
                try await CommandEnvironment.withSignedIn(connection) { caller in
                    // Here UNAUTHENTICATED means a wrong current password, not an expired session.
                    let response = try await caller.call(sessionExpiredOnUnauthenticated: false) {
                        try await $0.changePassword(.init(currentPassword: current, newPassword: new,
                                                          endOtherSessions: endOtherSessions), options: $1)
                    }
                    guard let tokens = response.tokens, !tokens.accessToken.isEmpty else {
                        throw CLIError(.failure, "the server answered ChangePassword without tokens", status: .internal)
                    }
                    try await caller.store.withLock {
                        guard var session = try caller.store.load() else { throw CLIError.notSignedIn }
                        session.replaceTokens(with: tokens)
                        try caller.store.save(session)
                    }
                    var shown = response
                    shown.tokens?.accessToken = ""
                    shown.tokens?.refreshToken = ""
                    if CommandEnvironment.printJSON(shown, connection) { return }
                    print("Password changed.")
                }
            }
        }
    }
}
