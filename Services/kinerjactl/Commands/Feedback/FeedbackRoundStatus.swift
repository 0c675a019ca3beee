import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback.Round {
    /// `kinerjactl feedback round status`.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A round's state and progress (how many answered, never who or what).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Round id.") var roundID: String

        func run() async throws {
            let response = try await CommandEnvironment.withFeedback(connection) { caller in
                try await caller.call { try await $0.getAssessmentRound(.init(roundID: roundID), options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(FeedbackText.round(response.round ?? Feedback.AssessmentRound()))
        }
    }
}
