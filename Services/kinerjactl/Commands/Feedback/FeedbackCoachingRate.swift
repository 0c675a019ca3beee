import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback.Coaching {
    /// `kinerjactl feedback coaching rate`.
    struct Rate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rate a coaching session you received, once: 1 (not useful) – 5 (very).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Coaching id.") var coachingID: String
        @Option(help: "1–5.") var score: UInt32
        @Option(help: "A comment, at most 2000 characters.") var comment: String?

        func validate() throws {
            guard (1...5).contains(score) else { throw CLIError.invalidArguments("--score must be 1–5") }
            _ = try FeedbackValues.text(comment, option: "--comment", range: 0...2000)
        }

        func run() async throws {
            let request = Feedback.RateCoachingRequest(coachingID: coachingID, rating: Feedback.CoachingRating(score: score, comment: comment ?? ""))
            let response = try await CommandEnvironment.withFeedback(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("coaching-rate")) { try await $0.rateCoaching(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Rated coaching \(coachingID): \(score) of 5.")
        }
    }
}
