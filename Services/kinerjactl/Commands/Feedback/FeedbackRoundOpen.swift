import ArgumentParser
import Foundation
import KinerjaASN
import KinerjaProto

extension Kinerjactl.Feedback.Round {
    /// `kinerjactl feedback round open`.
    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a 360° round for a unit and period; self, atasan, bawahan and rekan kerja are assigned by default.",
            discussion: "Peer and bawahan answers are shown only aggregated, from the anonymity threshold, once the round closes.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var unit: UnitOptions
        @Flag(help: "Include every sub-unit.") var subunits = false
        @Option(help: "The period assessed: YYYY or YYYY-Q1…Q4.") var period: PeriodArgument
        @Option(help: "The last WITA day to answer (the round closes at its end).") var deadline: DateArgument
        @Option(help: "Rekan kerja per subject, 0–10 (default 3).") var peers: UInt32 = 3
        @Flag(help: "Do not assign the direct bawahan.") var noBawahan = false
        @Flag(help: "Do not include a self-assessment.") var noSelf = false

        func validate() throws {
            guard unit.reference != nil else { throw CLIError.invalidArguments("name the unit with --unit or --unit-code") }
            guard peers <= 10 else { throw CLIError.invalidArguments("--peers must be 0–10") }
        }

        func run() async throws {
            let end = Int64((Wita.startOfDay(deadline.value)?.timeIntervalSince1970 ?? 0) + 86_400 - 1)
            let response = try await CommandEnvironment.withFeedback(connection) { caller in
                guard let unitID = try await unit.unitID(caller.identity) else { throw CLIError.invalidArguments("name the unit") }
                let request = Feedback.OpenAssessmentRoundRequest(round: Feedback.AssessmentRound(
                    unit: Common.UnitScope(unitID: unitID, includeSubunits: subunits), period: period.value,
                    deadline: Common.Timestamp(seconds: end, nanos: 0), peersPerSubject: peers, includeBawahan: !noBawahan, includeSelf: !noSelf))
                return try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("round-open")) { try await $0.openAssessmentRound(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(FeedbackText.round(response.round ?? Feedback.AssessmentRound()))
        }
    }
}
