import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback {
    /// `kinerjactl feedback skm`.
    struct Skm: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A unit's Survei Kepuasan Masyarakat (PermenPANRB 14/2017): NRR per unsur, the IKM and its mutu.",
            discussion: "From the citizen ratings carrying the nine answers; days default to the last 90 up to today (WITA).")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var unit: UnitOptions
        @Option(help: "First WITA day.") var from: DateArgument?
        @Option(help: "Last WITA day (default today).") var to: DateArgument?

        func validate() throws {
            guard unit.reference != nil else { throw CLIError.invalidArguments("name the unit with --unit or --unit-code") }
        }

        func run() async throws {
            let range = FeedbackValues.range(from: from, to: to)
            let response = try await CommandEnvironment.withFeedback(connection) { caller in
                guard let unitID = try await unit.unitID(caller.identity) else { throw CLIError.invalidArguments("name the unit") }
                let request = Feedback.GetUnitCitizenSummaryRequest(unit: Common.UnitScope(unitID: unitID, includeSubunits: true), dateRange: range)
                return try await caller.call { try await $0.getUnitCitizenSummary(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            let title = "SKM \(unit.reference?.description ?? "") and sub-units, \(WITATime.format(range.startDate)) … \(WITATime.format(range.endDate))"
            print(FeedbackText.skm(response.skm ?? Feedback.SkmSummary(), title: title))
        }
    }
}
