import Foundation
import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp revise`.
    struct Revise: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revise", abstract: "Make a new Draft version from a returned or approved SKP (same RHK and IKI ids).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "SKP id.") var skpID: String
        @Option(help: "Why, e.g. \"perubahan target triwulan III\"; 1–1000 characters.") var reason: String

        func validate() throws {
            _ = try SkpValues.text(reason, option: "--reason", limit: 1000)
        }

        func run() async throws {
            let request = Planning.ReviseSkpRequest(skpID: skpID, reason: try SkpValues.text(reason, option: "--reason", limit: 1000))
            let response = try await CommandEnvironment.withPlanning(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("skp-revise")) { try await $0.reviseSkp(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Revised SKP \(skpID): \(SkpText.state(response.skp ?? Planning.Skp())).")
        }
    }
}
