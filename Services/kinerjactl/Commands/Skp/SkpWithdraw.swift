import Foundation
import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp withdraw`.
    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdraw", abstract: "Take a submitted SKP back to Draft before the atasan decides.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "SKP id.") var skpID: String
        @Option(help: "Why, at most 500 characters.") var reason: String?

        func validate() throws {
            _ = try SkpValues.optionalText(reason, option: "--reason", limit: 500)
        }

        func run() async throws {
            let request = Planning.WithdrawSkpRequest(skpID: skpID,
                                                      reason: try SkpValues.optionalText(reason, option: "--reason", limit: 500))
            let response = try await CommandEnvironment.withPlanning(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("skp-withdraw")) { try await $0.withdrawSkp(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Withdrew SKP \(skpID): \(SkpText.state(response.skp ?? Planning.Skp())).")
        }
    }
}
