import ArgumentParser
import Foundation
import KinerjaProto

extension Kinerjactl.Roles {
    /// `kinerjactl roles revoke`.
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a role grant.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Grant id (see roles list).") var grantID: String
        @Option(help: "Why (audited).") var reason: String

        func validate() throws {
            _ = try ArgumentChecks.reason(reason)
        }

        func run() async throws {
            let reason = try ArgumentChecks.reason(reason)
            let response = try await CommandEnvironment.withSignedIn(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("revoke-role")) {
                    try await $0.revokeRole(.init(grantID: grantID, reason: reason), options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Revoked: " + RoleText.summary(response.grant ?? .init(grantID: grantID)))
        }
    }
}
