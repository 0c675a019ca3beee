import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback.Round {
    /// `kinerjactl feedback round cancel`.
    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel a rater's assignment (e.g. a conflict of interest); an answer already given stops counting.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Assignment id.") var assignmentID: String
        @Option(help: "Why, 1–500 characters (audited).") var reason: String

        func validate() throws { _ = try ArgumentChecks.reason(reason) }

        func run() async throws {
            let request = Feedback.CancelAssessmentAssignmentRequest(assignmentID: assignmentID, reason: reason)
            let response = try await CommandEnvironment.withFeedback(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("round-cancel")) { try await $0.cancelAssessmentAssignment(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Assignment \(assignmentID) cancelled.")
        }
    }
}
