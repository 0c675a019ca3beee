import ArgumentParser
import KinerjaProto

extension Kinerjactl {
    /// `kinerjactl accounts`: sign-in accounts (one per employee).
    struct Accounts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show accounts, issue one-time passwords, unlock, enable and disable.",
            subcommands: [Get.self, Reset.self, Unlock.self, Enable.self, Disable.self]
        )

        /// `kinerjactl accounts get`.
        struct Get: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Show an account's state.")
            @OptionGroup var connection: ConnectionOptions
            @Argument(help: "NIP, 18 digits.") var nip: String

            func validate() throws {
                _ = try ArgumentChecks.person(nip)
            }

            func run() async throws {
                let response = try await CommandEnvironment.withSignedIn(connection) { caller in
                    try await caller.call { try await $0.getAccount(.init(nip: nip), options: $1) }
                }
                if CommandEnvironment.printJSON(response, connection) { return }
                print(AccountText.fields(response.account ?? .init()).render())
            }
        }

        /// `kinerjactl accounts reset`.
        struct Reset: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Issue a one-time password (activation or forgotten password); ends the account's sessions.")
            @OptionGroup var connection: ConnectionOptions
            @Argument(help: "NIP, 18 digits.") var nip: String
            @Option(help: "Why (audited), e.g. \"lupa kata sandi, verifikasi di loket BKPSDM\".") var reason: String

            func validate() throws {
                _ = try ArgumentChecks.person(nip)
                _ = try ArgumentChecks.reason(reason)
            }

            func run() async throws {
                let reason = try ArgumentChecks.reason(reason)
                // Not idempotent: each call issues a new password, so no key and no retry.
                let response = try await CommandEnvironment.withSignedIn(connection) { caller in
                    try await caller.call { try await $0.resetPassword(.init(nip: nip, reason: reason), options: $1) }
                }
                if CommandEnvironment.printJSON(response, connection) { return }
                print("One-time password for \(nip): \(TerminalText.sanitized(response.oneTimePassword))")
                print("Valid until \(WITATime.format(response.expiresAt)); it must be changed at the first sign-in.")
                StandardError.line("warning: this password is shown only once. Hand it to the employee in person or "
                    + "through a secure channel; do not send it by e-mail or chat, and do not keep a copy.")
            }
        }

        /// `kinerjactl accounts unlock`.
        struct Unlock: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "End a lockout after failed sign-ins.")
            @OptionGroup var connection: ConnectionOptions
            @Argument(help: "NIP, 18 digits.") var nip: String
            @Option(help: "Why (audited).") var reason: String

            func validate() throws {
                _ = try ArgumentChecks.person(nip)
                _ = try ArgumentChecks.reason(reason)
            }

            func run() async throws {
                let response = try await Accounts.change(nip, reason, connection) { try await $0.unlockAccount($1, options: $2) }
                if CommandEnvironment.printJSON(response, connection) { return }
                print(AccountText.fields(response.account ?? .init()).render())
            }
        }

        /// `kinerjactl accounts enable`.
        struct Enable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Re-enable a disabled account.")
            @OptionGroup var connection: ConnectionOptions
            @Argument(help: "NIP, 18 digits.") var nip: String
            @Option(help: "Why (audited).") var reason: String

            func validate() throws {
                _ = try ArgumentChecks.person(nip)
                _ = try ArgumentChecks.reason(reason)
            }

            func run() async throws {
                let response = try await Accounts.change(nip, reason, connection) { try await $0.enableAccount($1, options: $2) }
                if CommandEnvironment.printJSON(response, connection) { return }
                print(AccountText.fields(response.account ?? .init()).render())
            }
        }

        /// `kinerjactl accounts disable`.
        struct Disable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Disable an account and end its sessions.")
            @OptionGroup var connection: ConnectionOptions
            @Argument(help: "NIP, 18 digits.") var nip: String
            @Option(help: "Why (audited; shown as the account's disabled reason).") var reason: String

            func validate() throws {
                _ = try ArgumentChecks.person(nip)
                _ = try ArgumentChecks.reason(reason)
            }

            func run() async throws {
                let response = try await Accounts.change(nip, reason, connection) { try await $0.disableAccount($1, options: $2) }
                if CommandEnvironment.printJSON(response, connection) { return }
                print(AccountText.fields(response.account ?? .init()).render())
                print("\(response.revokedSessions) session\(response.revokedSessions == 1 ? "" : "s") ended.")
            }
        }

        /// Runs one account change that takes a NIP and an audited reason (unlock, enable, disable).
        static func change<R: Sendable, Request: Sendable>(
            _ nip: String, _ reason: String, _ connection: ConnectionOptions,
            _ call: @escaping @Sendable (Identity.IdentityService.Client, Request, CallOptions) async throws -> R
        ) async throws -> R where Request: AccountChangeRequest {
            let nip = try ArgumentChecks.person(nip)
            let reason = try ArgumentChecks.reason(reason)
            return try await CommandEnvironment.withSignedIn(connection) { caller in
                try await caller.call { try await call($0, Request(nip: nip, reason: reason), $1) }
            }
        }
    }
}

/// The requests of the account changes that carry a NIP and a reason.
protocol AccountChangeRequest: Sendable {
    init(nip: String, reason: String)
}

extension Identity.UnlockAccountRequest: AccountChangeRequest {}

extension Identity.EnableAccountRequest: AccountChangeRequest {}

extension Identity.DisableAccountRequest: AccountChangeRequest {}
