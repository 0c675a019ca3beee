import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp remove-rhk`.
    struct RemoveRhk: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove-rhk", abstract: "Remove an RHK and its IKIs from a draft (dependants are flagged for review).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "RHK id.") var rhkID: String
        @OptionGroup var revision: ExpectedRevisionOption

        func run() async throws {
            let request = Planning.RemoveRhkRequest(rhkID: rhkID, expectedSkpRevision: revision.value)
            let response = try await CommandEnvironment.withPlanning(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("skp-remove-rhk")) {
                    try await $0.removeRhk(request, options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Removed RHK \(rhkID) from SKP \(response.skpID); draft revision \(response.skpRevision)"
                + flagged(response.flaggedDependents) + ".")
        }
    }
}
