import ArgumentParser
import Foundation
import KinerjaASN
import KinerjaProto

extension Kinerjactl.Feedback.Coaching {
    /// `kinerjactl feedback coaching record`.
    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a coaching, mentoring or konseling session; the coachee rates it.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The coachee's NIP.") var nip: String
        @Option(help: "coaching, mentoring or konseling.") var kind: EnumArgument<Feedback.CoachingKind>
        @Option(help: "The topic, one line of 1–300 characters.") var topic: String
        @Option(help: "WITA day held (default: today).") var heldOn: DateArgument?
        @Option(help: "Duration in minutes, 0–600.") var minutes: UInt32 = 0
        @Option(help: "Notes, at most 8000 characters.") var notes: String?
        @Option(help: "A follow-up action for the coachee (repeatable).") var action: [String] = []

        func validate() throws {
            _ = try ArgumentChecks.nip(nip)
            _ = try FeedbackValues.text(topic, option: "--topic", range: 1...300)
            _ = try FeedbackValues.text(notes, option: "--notes", range: 0...8000)
            guard minutes <= 600 else { throw CLIError.invalidArguments("--minutes must be 0–600") }
            for text in action { _ = try FeedbackValues.text(text, option: "--action", range: 1...500) }
        }

        func run() async throws {
            let request = Feedback.RecordCoachingRequest(coaching: Feedback.CoachingRecord(
                coacheeNIP: nip, kind: kind.value, heldOn: heldOn?.value ?? Wita.today(now: Date()), durationMinutes: minutes, topic: topic,
                notes: notes ?? "", actionItems: action.map { Feedback.ActionItem(text: $0, ownerNIP: nip) }))
            let response = try await CommandEnvironment.withFeedback(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("coaching-record")) { try await $0.recordCoaching(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Coaching \(response.coaching?.coachingID ?? "") recorded; \(nip) rates it with: kinerjactl feedback coaching rate \(response.coaching?.coachingID ?? "") --score N")
        }
    }
}
