import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback.Round {
    /// `kinerjactl feedback round assign`.
    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add rekan kerja (--peer) or bawahan (--bawahan) raters for a subject; the answer gives counts only.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Round id.") var roundID: String
        @Option(help: "The subject's NIP.") var subject: String
        @Option(help: "A rekan kerja rater (repeatable).") var peer: [String] = []
        @Option(help: "A bawahan rater (repeatable).") var bawahan: [String] = []

        func validate() throws {
            _ = try ArgumentChecks.nip(subject, option: "--subject")
            for nip in peer + bawahan { _ = try ArgumentChecks.nip(nip, option: "--peer/--bawahan") }
            guard (1...30).contains(peer.count + bawahan.count) else { throw CLIError.invalidArguments("name 1–30 raters") }
        }

        func run() async throws {
            let raters = peer.map { Feedback.RaterChoice(raterNIP: $0, relation: .rekanKerja) } + bawahan.map { Feedback.RaterChoice(raterNIP: $0, relation: .bawahan) }
            let request = Feedback.AssignRatersRequest(roundID: roundID, subjectNIP: subject, raters: raters)
            let response = try await CommandEnvironment.withFeedback(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("round-assign")) { try await $0.assignRaters(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            let counts = response.groupCounts.map { "\(Display.name($0.relation)) \($0.assignedCount)" }.joined(separator: ", ")
            print("Added \(response.addedCount) rater(s) for \(subject); now assigned: \(counts).")
        }
    }
}
