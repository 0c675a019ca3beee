import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp delete`.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete a mistaken draft SKP that was never submitted.",
            discussion: """
            Only an SKP with one Draft version that was never submitted (not even submitted and withdrawn) \
            can be deleted; anything else stays as history (withdraw or revise it instead). The owner, or \
            pengelola kinerja in scope. Deleting the draft of a mistaken transfer gives the SKP it closed \
            its days back. Deleting again answers the same.
            """
        )

        static let maximumReasonLength = 500

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "SKP id.") var skpID: String
        @Option(help: "Why, 1–500 characters (kept in the audit log).") var reason: String

        /// The request for the options.
        func request() throws -> Planning.DeleteSkpRequest {
            Planning.DeleteSkpRequest(skpID: skpID, reason: try SkpValues.text(reason, option: "--reason", limit: Self.maximumReasonLength))
        }

        func validate() throws {
            _ = try request()
        }

        func run() async throws {
            let request = try request()
            let response = try await CommandEnvironment.withPlanning(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("skp-delete")) { try await $0.deleteSkp(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Deleted SKP \(skpID).")
        }
    }
}
