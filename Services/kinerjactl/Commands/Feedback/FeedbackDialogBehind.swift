import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback.Dialog {
    /// `kinerjactl feedback dialog behind`.
    struct Behind: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who is behind on the dialog minimum, per atasan and per unit (default: your own bawahan).",
            discussion: "The policy's minimum is owed per atasan–bawahan pair per triwulan, pro rata to the working days held.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "A triwulan (YYYY-Q1…Q4) or a year (YYYY).") var period: PeriodArgument
        @OptionGroup var unit: UnitOptions
        @Option(help: "The pairs of this atasan (default: you, unless --unit).") var atasan: String?

        func validate() throws {
            if let atasan { _ = try ArgumentChecks.person(atasan, option: "--atasan") }
            if period.value.kind == .monthly { throw CLIError.invalidArguments("--period is a triwulan or a year: the minimum is per triwulan") }
        }

        func run() async throws {
            let (response, names) = try await CommandEnvironment.withFeedback(connection) { caller in
                let unitID = try await unit.unitID(caller.identity)
                let atasanNIP = unitID == nil ? try atasan ?? caller.signedInNIP() : atasan ?? ""
                let request = Feedback.GetDialogCadenceRequest(period: period.value, unit: unitID.map { Common.UnitScope(unitID: $0, includeSubunits: true) },
                                                               atasanNIP: atasanNIP)
                let response = try await caller.call { try await $0.getDialogCadence(request, options: $1) }
                return (response, await UnitLookup.codes(caller.identity))
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(FeedbackText.cadence(response, names: names))
        }
    }
}
