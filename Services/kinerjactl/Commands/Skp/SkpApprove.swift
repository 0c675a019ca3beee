import Foundation
import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp approve`.
    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve",
            abstract: "Approve a submitted SKP (Disetujui); an earlier approved version becomes Diganti.",
            discussion: "--version guards against approving a version you did not read (see skp show); default: the latest."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "SKP id.") var skpID: String
        @Option(help: "Approval note, at most 2000 characters.") var note: String?
        @Option(help: "The version you read (default: the latest).") var version: UInt32?

        func validate() throws {
            _ = try SkpValues.optionalText(note, option: "--note", limit: 2000)
        }

        func run() async throws {
            let note = try SkpValues.optionalText(note, option: "--note", limit: 2000)
            let response = try await CommandEnvironment.withPlanning(connection) { caller in
                let request = Planning.ApproveSkpRequest(skpID: skpID, version: try await SkpDecision.version(version, skpID: skpID, caller),
                                                         note: note)
                return try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("skp-approve")) {
                    try await $0.approveSkp(request, options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Approved SKP \(skpID): \(SkpText.state(response.skp ?? Planning.Skp()))"
                + (response.supersededVersion > 0 ? "; version \(response.supersededVersion) is now Diganti." : "."))
        }
    }
}
