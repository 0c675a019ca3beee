import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback.Dialog {
    /// `kinerjactl feedback dialog close-action`.
    struct CloseAction: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close-action",
            abstract: "Close a follow-up action of a dialog (once confirmed or disputed) or, with --coaching, of a coaching record.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Dialog id (or coaching id with --coaching).") var recordID: String
        @Flag(help: "The id is a coaching record's.") var coaching = false
        @Option(help: "The action's number.") var item: UInt32
        @Option(help: "What was done, 1–1000 characters.") var note: String

        func validate() throws {
            guard item >= 1 else { throw CLIError.invalidArguments("--item is 1 or more") }
            _ = try FeedbackValues.text(note, option: "--note", range: 1...1000)
        }

        func run() async throws {
            let request = Feedback.CloseActionItemRequest(record: coaching ? .coachingID(recordID) : .dialogID(recordID), itemNumber: item, note: note)
            let response = try await CommandEnvironment.withFeedback(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("close-action")) { try await $0.closeActionItem(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(FeedbackText.actions(response.dialog?.actionItems ?? response.coaching?.actionItems ?? []).render())
        }
    }
}
