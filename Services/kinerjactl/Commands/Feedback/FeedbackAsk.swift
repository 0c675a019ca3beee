import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback {
    /// `kinerjactl feedback ask`.
    struct Ask: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ask your atasan for feedback (or, with --dialog, for a dialog kinerja).",
            discussion: "The answer arrives as feedback or a dialog record; the addressee may decline with a reason.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Whom to ask (NIP): your atasan for a dialog; anyone who may give you feedback otherwise.") var to: String
        @Flag(help: "Ask for a dialog kinerja instead of feedback.") var dialog = false
        @Option(help: "What you want to discuss, 1–1000 characters.") var message: String
        @Option(help: "About this RHK (feedback only).") var rhk: String?

        func validate() throws {
            _ = try ArgumentChecks.nip(to, option: "--to")
            _ = try FeedbackValues.text(message, option: "--message", range: 1...1000)
            if dialog, rhk != nil { throw CLIError.invalidArguments("a dialog request names no RHK; say it in --message") }
        }

        func run() async throws {
            let request = Feedback.SolicitFeedbackRequest(solicitation: Feedback.FeedbackSolicitation(
                addresseeNIP: to, kind: dialog ? .dialog : .feedback, subjectKind: rhk == nil ? .unspecified : .rhk, subjectID: rhk ?? "", message: message))
            let response = try await CommandEnvironment.withFeedback(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("feedback-ask")) { try await $0.solicitFeedback(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Asked \(to) for \(dialog ? "a dialog kinerja" : "feedback"): \(response.solicitation?.solicitationID ?? "").")
        }
    }
}
