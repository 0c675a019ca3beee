import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp targets`.
    struct Targets: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "targets",
            abstract: "Show an employee's targets per IKI for the year, a triwulan or a month.",
            discussion: "From the approved SKP in force; without one, provisional targets of the latest version are shown and marked."
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Employee NIP (default: yours).") var nip: String?
        @Option(help: "Year (default: the current WITA year).") var year: Int?
        @Option(help: "Triwulan.") var triwulan: EnumArgument<Common.Triwulan>?
        @Option(help: "Month 1–12.") var month: Int?
        @Flag(help: "Only targets of an approved SKP.") var approvedOnly = false

        /// The period the options name.
        func period() throws -> Common.Period {
            let year = try year.map { try SkpValues.year($0) } ?? SkpValues.currentYear()
            if triwulan != nil, month != nil { throw CLIError.invalidArguments("give --triwulan or --month, not both") }
            if let triwulan { return Common.Period(year: year, kind: .quarterly, triwulan: triwulan.value) }
            if let month {
                guard (1...12).contains(month) else { throw CLIError.invalidArguments("--month must be 1–12") }
                return Common.Period(year: year, kind: .monthly, month: Int32(month))
            }
            return Common.Period(year: year, kind: .annual)
        }

        func validate() throws {
            _ = try period()
            if let nip { _ = try ArgumentChecks.nip(nip, option: "--nip") }
        }

        func run() async throws {
            let period = try period()
            let response = try await CommandEnvironment.withPlanning(connection) { caller in
                let request = Planning.GetTargetsRequest(nip: try SkpFetch.nip(nip, caller), period: period,
                                                         allowProvisional: !approvedOnly)
                return try await caller.call { try await $0.getTargets(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(SkpListText.targets(response.targets ?? Planning.EmployeeTargets()))
        }
    }
}
