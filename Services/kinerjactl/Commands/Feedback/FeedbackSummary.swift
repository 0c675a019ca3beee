import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback {
    /// `kinerjactl feedback summary`.
    struct Summary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "An employee's behaviour summary for a period: a bar per BerAKHLAK value per rater group; withheld groups say why.",
            discussion: "Also the citizen ratings (Berorientasi Pelayanan) and the atasan chain's feedback of the period.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The employee (default: you).") var nip: String?
        @Option(help: "YYYY, YYYY-Q1…Q4 or YYYY-MM.") var period: PeriodArgument

        func validate() throws { if let nip { _ = try ArgumentChecks.nip(nip) } }

        func run() async throws {
            let response = try await CommandEnvironment.withFeedback(connection) { caller in
                let request = Feedback.GetBehaviourSummaryRequest(nip: try FeedbackValues.nip(nip, caller), period: period.value)
                return try await caller.call { try await $0.getBehaviourSummary(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(FeedbackText.summary(response.summary ?? Feedback.BehaviourSummary()))
        }
    }
}
