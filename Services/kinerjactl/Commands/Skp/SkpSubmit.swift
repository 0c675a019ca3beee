import Foundation
import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp submit`.
    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "submit", abstract: "Submit a draft to the atasan (Diajukan); records the pejabat penilai.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "SKP id.") var skpID: String
        @Option(help: "Note to the atasan, at most 2000 characters.") var note: String?
        @OptionGroup var revision: ExpectedRevisionOption

        func validate() throws {
            _ = try SkpValues.optionalText(note, option: "--note", limit: 2000)
        }

        func run() async throws {
            let request = Planning.SubmitSkpRequest(skpID: skpID, expectedSkpRevision: revision.value,
                                                    note: try SkpValues.optionalText(note, option: "--note", limit: 2000))
            let response = try await CommandEnvironment.withPlanning(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("skp-submit")) { try await $0.submitSkp(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            let skp = response.skp ?? Planning.Skp()
            print("Submitted SKP \(skpID) to \(SkpText.person(skp.atasanNIP, nil)): \(SkpText.state(skp)).")
        }
    }
}
