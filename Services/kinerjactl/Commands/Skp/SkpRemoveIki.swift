import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp remove-iki`.
    struct RemoveIki: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove-iki", abstract: "Remove an IKI from a draft.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "IKI id.") var ikiID: String
        @OptionGroup var revision: ExpectedRevisionOption

        func run() async throws {
            let request = Planning.RemoveIkiRequest(ikiID: ikiID, expectedSkpRevision: revision.value)
            let response = try await CommandEnvironment.withPlanning(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("skp-remove-iki")) {
                    try await $0.removeIki(request, options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Removed IKI \(ikiID) from RHK \(response.rhkID); draft revision \(response.skpRevision).")
        }
    }
}
