import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp acknowledge`.
    struct Acknowledge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "acknowledge", abstract: "Clear an RHK's review flag after checking its link still holds.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "RHK id.") var rhkID: String
        @Option(help: "What was decided, e.g. \"tetap relevan\"; 1–1000 characters.") var note: String

        func validate() throws {
            _ = try SkpValues.text(note, option: "--note", limit: 1000)
        }

        func run() async throws {
            let request = Planning.AcknowledgeRhkReviewRequest(rhkID: rhkID, note: try SkpValues.text(note, option: "--note", limit: 1000))
            let response = try await CommandEnvironment.withPlanning(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("skp-acknowledge")) {
                    try await $0.acknowledgeRhkReview(request, options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Review of RHK \(rhkID) acknowledged; the flag is cleared.")
        }
    }
}
