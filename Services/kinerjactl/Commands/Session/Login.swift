import ArgumentParser
import Foundation
import KinerjaProto

extension Kinerjactl {
    /// `kinerjactl login`: signs in with NIP and password and stores the session.
    struct Login: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign in and store the session.",
            discussion: """
            The password is asked for without echo, or read from the first line of standard input with \
            --password-stdin. After a one-time password the new password is asked for twice (with \
            --password-stdin: the next two lines).
            """
        )

        @OptionGroup var connection: ConnectionOptions

        @Option(help: "Your NIP (asked for when not given).")
        var nip: String?

        @Flag(help: "Read the password (and a new password twice, if one must be set) from standard input.")
        var passwordStdin = false

        @Flag(help: "When a new password must be set, end every other session.")
        var endOtherSessions = false

        func validate() throws {
            if let nip { _ = try ArgumentChecks.person(nip) }
            if nip == nil, passwordStdin { throw CLIError.invalidArguments("--password-stdin needs --nip") }
        }

        func run() async throws {
            let secrets: SecretSource = passwordStdin ? .standardInput : .terminal
            let nip = try ArgumentChecks.person(try self.nip ?? PasswordPrompt.visible(prompt: "NIP: "))
            let password = try secrets.next("Password")
            let environment = connection.environment
            let store = try CommandEnvironment.sessionStore(environment: environment)
            // A new sign-in replaces the stored session. Without --server or $KINERJACTL_IDENTITY_ADDRESS
            // it goes to the server of that session; an unreadable old session is simply replaced.
            let explicitServer = connection.addresses(environment: environment, session: nil).explicit(.identity) != nil
            let previous = explicitServer ? nil : try? store.load()
            try await CommandEnvironment.withConnections(connection, session: previous) { connections in
                let policy = connection.policy
                let (identity, server) = try connections.client(Identity.IdentityService.Client.self)
                let request = Identity.LoginRequest(nip: nip, password: password,
                                                    clientName: "kinerjactl/\(KinerjaVersion.current)")
                var response = try await identity.login(request, options: policy.options())
                guard let tokens = response.tokens, !tokens.accessToken.isEmpty else {
                    throw CLIError(.failure, "the server answered Login without tokens", status: .internal)
                }
                var session = StoredSession(server: server.description, nip: nip, tokens: tokens)
                if response.mustChangePassword {
                    StandardError.line("A new password must be set before you continue.")
                    let newPassword = try secrets.newPassword()
                    let changed = try await identity.changePassword(
                        .init(currentPassword: password, newPassword: newPassword, endOtherSessions: endOtherSessions),
                        options: policy.options(accessToken: tokens.accessToken))
                    guard let fresh = changed.tokens, !fresh.accessToken.isEmpty else {
                        throw CLIError(.failure, "the server answered ChangePassword without tokens", status: .internal)
                    }
                    session.replaceTokens(with: fresh)
                    response.tokens = fresh
                    response.mustChangePassword = false
                }
                try store.save(session)

                let caller = try SignedInSession(store: store, connections: connections, policy: policy).identity
                let whoami = try? await caller.call { try await $0.whoAmI(.init(), options: $1) }
                if connection.json {
                    // Tokens stay in the session file; the JSON shows only their expiries and session.
                    response.tokens?.accessToken = ""
                    response.tokens?.refreshToken = ""
                    print(response.jsonString())
                    return
                }
                let employee = whoami?.employee ?? response.employee
                let name = employee.map(Display.name(of:)) ?? nip
                let unit = whoami?.unit?.name ?? employee?.unitID ?? "—"
                print("Signed in as \(TerminalText.sanitized(name)) (\(nip)), \(TerminalText.sanitized(unit)); "
                    + "session expires \(WITATime.format(unixSeconds: session.refreshTokenExpiresAt))")
            }
        }
    }
}
