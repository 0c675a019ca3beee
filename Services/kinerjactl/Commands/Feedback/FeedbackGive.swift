import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback {
    /// `kinerjactl feedback give`.
    struct Give: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give feedback to a bawahan (or a rekan kerja where the policy allows), optionally about a report, RHK, IKI or SKP.",
            discussion: "Example: feedback give --to 199001012015032001 --kind apresiasi --rhk 01J… --value berorientasi-pelayanan --message \"…\"")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The recipient's NIP.") var to: String
        @Option(help: "apresiasi, saran, koreksi or umum.") var kind: EnumArgument<Feedback.FeedbackKind>
        @Option(help: "The feedback, 1–4000 characters.") var message: String
        @Option(help: "About this daily report (reporting service id).") var report: String?
        @Option(help: "About this RHK.") var rhk: String?
        @Option(help: "About this IKI.") var iki: String?
        @Option(help: "About this SKP.") var skp: String?
        @Option(help: "The BerAKHLAK value it speaks to, e.g. berorientasi-pelayanan.") var value: EnumArgument<Common.BerakhlakValue>?
        @Option(help: "The solicitation this feedback answers.") var answers: String?

        /// The subject named, if any.
        func subject() throws -> (Feedback.FeedbackSubjectKind, String) {
            let named = [(Feedback.FeedbackSubjectKind.dailyReport, report), (.rhk, rhk), (.iki, iki), (.skp, skp)].compactMap { kind, id in id.map { (kind, $0) } }
            guard named.count <= 1 else { throw CLIError.invalidArguments("name at most one of --report, --rhk, --iki, --skp") }
            return named.first ?? (.unspecified, "")
        }

        func validate() throws {
            _ = try ArgumentChecks.nip(to, option: "--to")
            _ = try FeedbackValues.text(message, option: "--message", range: 1...4000)
            _ = try subject()
        }

        func run() async throws {
            let (kind, id) = try subject()
            let request = Feedback.GiveFeedbackRequest(feedback: Feedback.ContinuousFeedback(
                recipientNIP: to, kind: self.kind.value, subjectKind: kind, subjectID: id, relatedValue: value?.value ?? .unspecified,
                message: message, solicitationID: answers ?? ""))
            let response = try await CommandEnvironment.withFeedback(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("feedback-give")) { try await $0.giveFeedback(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Feedback \(response.feedback?.feedbackID ?? "") given to \(to)" + (response.feedback?.fromRekanKerja == true ? " (as rekan kerja)." : "."))
        }
    }
}
