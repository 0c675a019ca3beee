import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback.Round {
    /// `kinerjactl feedback round close`.
    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a round before its deadline; pending assignments expire and the summaries become final.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Round id.") var roundID: String
        @Option(help: "Why it closes early, at most 500 characters.") var reason: String?

        func validate() throws { _ = try FeedbackValues.text(reason, option: "--reason", range: 0...500) }

        func run() async throws {
            let request = Feedback.CloseAssessmentRoundRequest(roundID: roundID, reason: reason ?? "")
            let response = try await CommandEnvironment.withFeedback(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("round-close")) { try await $0.closeAssessmentRound(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(FeedbackText.round(response.round ?? Feedback.AssessmentRound()) + "\n\(response.expiredAssignments) pending assignment(s) expired.")
        }
    }
}
