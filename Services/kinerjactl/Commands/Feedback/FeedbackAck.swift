import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback {
    /// `kinerjactl feedback ack`.
    struct Ack: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Acknowledge feedback you received, optionally with a response (once).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Feedback id.") var feedbackID: String
        @Option(help: "Your response, at most 2000 characters.") var response: String?

        func validate() throws {
            _ = try FeedbackValues.text(response, option: "--response", range: 0...2000)
        }

        func run() async throws {
            let request = Feedback.AcknowledgeFeedbackRequest(feedbackID: feedbackID, response: response ?? "")
            let answer = try await CommandEnvironment.withFeedback(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("feedback-ack")) { try await $0.acknowledgeFeedback(request, options: $1) }
            }
            if CommandEnvironment.printJSON(answer, connection) { return }
            print("Acknowledged feedback \(feedbackID).")
        }
    }
}
