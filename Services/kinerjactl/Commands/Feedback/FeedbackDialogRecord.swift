import ArgumentParser
import KinerjaASN
import Foundation
import KinerjaProto

extension Kinerjactl.Feedback.Dialog {
    /// `kinerjactl feedback dialog record`.
    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a dialog kinerja held with your bawahan; they confirm or dispute it.",
            discussion: "--action TEXT adds a follow-up action owned by the employee (repeatable); --agreement TEXT an agreement (repeatable).")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The employee's NIP.") var nip: String
        @Option(help: "perencanaan, pemantauan, penilaian or tindak-lanjut.") var stage: EnumArgument<Feedback.DialogStage>
        @Option(help: "WITA day it was held (default: today).") var heldOn: DateArgument?
        @Option(help: "What was discussed, 1–8000 characters.") var summary: String
        @Option(help: "An agreement (kesepakatan), 1–1000 characters; repeatable.") var agreement: [String] = []
        @Option(help: "A follow-up action for the employee, 1–500 characters; repeatable.") var action: [String] = []
        @Option(help: "The period discussed: YYYY, YYYY-Q1…Q4.") var period: PeriodArgument?
        @Option(help: "The dialog request this answers.") var answers: String?

        func validate() throws {
            _ = try ArgumentChecks.nip(nip)
            _ = try FeedbackValues.text(summary, option: "--summary", range: 1...8000)
            for text in agreement { _ = try FeedbackValues.text(text, option: "--agreement", range: 1...1000) }
            for text in action { _ = try FeedbackValues.text(text, option: "--action", range: 1...500) }
            guard agreement.count <= 50, action.count <= 50 else { throw CLIError.invalidArguments("at most 50 agreements and 50 actions") }
        }

        func run() async throws {
            let request = Feedback.RecordDialogRequest(dialog: Feedback.DialogRecord(
                employeeNIP: nip, stage: stage.value, heldOn: heldOn?.value ?? Wita.today(now: Date()), period: period?.value, summary: summary,
                agreements: agreement, actionItems: action.map { Feedback.ActionItem(text: $0, ownerNIP: nip) }, solicitationID: answers ?? ""))
            let response = try await CommandEnvironment.withFeedback(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("dialog-record")) { try await $0.recordDialog(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            let dialog = response.dialog ?? Feedback.DialogRecord()
            print("Dialog \(dialog.dialogID) recorded (revision \(dialog.revision)); \(nip) confirms it with: kinerjactl feedback dialog confirm \(dialog.dialogID)")
        }
    }
}
