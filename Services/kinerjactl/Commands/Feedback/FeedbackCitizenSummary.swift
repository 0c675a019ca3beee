import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback {
    /// `kinerjactl feedback citizen-summary`.
    struct CitizenSummary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "citizen-summary",
            abstract: "Citizen ratings of an employee (--nip) or a unit's counters (--unit), withheld below the minimum sample.",
            discussion: "Days default to the last 90 up to today (WITA); at most 366.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The employee.") var nip: String?
        @OptionGroup var unit: UnitOptions
        @Flag(help: "With --unit: one line per employee.") var employees = false
        @Option(help: "First WITA day.") var from: DateArgument?
        @Option(help: "Last WITA day (default today).") var to: DateArgument?

        func validate() throws {
            if let nip { _ = try ArgumentChecks.nip(nip) }
            guard (nip == nil) != (unit.reference == nil) else { throw CLIError.invalidArguments("give --nip or --unit") }
        }

        func run() async throws {
            let range = FeedbackValues.range(from: from, to: to)
            let dates = "\(WITATime.format(range.startDate)) … \(WITATime.format(range.endDate))"
            let text = try await CommandEnvironment.withFeedback(connection) { caller -> String in
                if let nip {
                    let response = try await caller.call { try await $0.getEmployeeCitizenSummary(.init(nip: nip, dateRange: range), options: $1) }
                    if CommandEnvironment.printJSON(response, connection) { return "" }
                    return FeedbackText.citizen(response.summary ?? Feedback.CitizenSummary(), title: "Citizen ratings of \(nip), \(dates)")
                }
                guard let unitID = try await unit.unitID(caller.identity) else { return "" }
                let request = Feedback.GetUnitCitizenSummaryRequest(unit: Common.UnitScope(unitID: unitID, includeSubunits: true), dateRange: range,
                                                                    includeEmployees: employees)
                let response = try await caller.call { try await $0.getUnitCitizenSummary(request, options: $1) }
                if CommandEnvironment.printJSON(response, connection) { return "" }
                return FeedbackText.citizen(response.unitSummary ?? Feedback.CitizenSummary(),
                                            title: "Citizen ratings at \(unit.reference?.description ?? unitID) and its sub-units, \(dates)",
                                            employees: response.employeeSummaries)
            }
            if !text.isEmpty { print(text) }
        }
    }
}
