import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback.Coaching {
    /// `kinerjactl feedback coaching list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List coaching sessions (yours by default) with the coachees' mean rating.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Sessions with this coachee.") var nip: String?
        @Option(help: "Sessions by this coach.") var coach: String?
        @Option(help: "Show at most N (default 50).") var limit: Int = 50

        func validate() throws {
            if let nip { _ = try ArgumentChecks.nip(nip) }
            if let coach { _ = try ArgumentChecks.nip(coach, option: "--coach") }
            guard (1...1000).contains(limit) else { throw CLIError.invalidArguments("--limit must be 1–1000") }
        }

        func run() async throws {
            let request = Feedback.ListCoachingRequest(coacheeNIP: nip ?? "", coachNIP: coach ?? "", page: Common.PageRequest(pageSize: UInt32(limit)))
            let response = try await CommandEnvironment.withFeedback(connection) { caller in
                try await caller.call { try await $0.listCoaching(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(response.records.isEmpty ? "No coaching session." : FeedbackText.coaching(response))
        }
    }
}
