import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback.Dialog {
    /// `kinerjactl feedback dialog confirm`.
    struct Confirm: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Agree with a dialog record (Disepakati), or dispute it with --dispute and a comment (Disanggah).",
            discussion: "--revision guards against confirming a record the atasan changed after you read it.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Dialog id.") var dialogID: String
        @Flag(help: "Dispute the record instead of agreeing.") var dispute = false
        @Option(help: "Your comment; required (1–4000 characters) when disputing.") var comment: String?
        @Option(help: "The revision you read.") var revision: UInt64?

        func validate() throws {
            _ = try FeedbackValues.text(comment, option: "--comment", range: dispute ? 1...4000 : 0...4000)
        }

        func run() async throws {
            let request = Feedback.ConfirmDialogRequest(dialogID: dialogID, agree: !dispute, comment: comment ?? "", expectedRevision: revision ?? 0)
            let response = try await CommandEnvironment.withFeedback(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("dialog-confirm")) { try await $0.confirmDialog(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Dialog \(dialogID): \(Display.name(response.dialog?.state ?? .unspecified)).")
        }
    }
}
