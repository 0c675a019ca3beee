import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp set-targets`.
    struct SetTargets: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-targets",
            abstract: "Replace an IKI's quarterly or monthly targets.",
            discussion: """
            --quarterly a,b,c,d (TW I–IV) or --monthly with 12 comma-separated values (January–December); \
            an empty value leaves that period without a target. --clear removes them all.
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "SKP id (its year names the periods).") var skpID: String
        @Argument(help: "IKI id.") var ikiID: String
        @Option(help: ArgumentHelp("Targets of TW I–IV.", valueName: "a,b,c,d")) var quarterly: String?
        @Option(help: ArgumentHelp("Targets of January–December.", valueName: "m1,…,m12")) var monthly: String?
        @Flag(help: "The values are cumulative from January.") var cumulative = false
        @Flag(help: "Remove every periodic target.") var clear = false
        @OptionGroup var revision: ExpectedRevisionOption

        /// The values given, parsed: 4 (quarterly), 12 (monthly) or none (--clear).
        func values() throws -> [Double?] {
            guard [quarterly != nil, monthly != nil, clear].filter({ $0 }).count == 1 else {
                throw CLIError.invalidArguments("give one of --quarterly, --monthly or --clear")
            }
            if clear, cumulative { throw CLIError.invalidArguments("--cumulative needs --quarterly or --monthly") }
            do {
                if let quarterly { return try SkpValues.periodicList(quarterly, count: 4, option: "--quarterly", periods: "TW I–IV") }
                if let monthly { return try SkpValues.periodicList(monthly, count: 12, option: "--monthly", periods: "January–December") }
            } catch {
                throw CLIError.invalidArguments(error.message)
            }
            return []
        }

        /// The periodic targets for an SKP of `year`.
        func targets(year: Int32) throws -> [Planning.PeriodicTarget] {
            let values = try values()
            if cumulative {
                let given = values.compactMap { $0 }
                if zip(given, given.dropFirst()).contains(where: { $1 < $0 }) {
                    throw CLIError.invalidArguments("cumulative targets must not decrease")
                }
            }
            return SkpValues.periodicTargets(values, year: year, cumulative: cumulative)
        }

        func validate() throws {
            _ = try values()
            _ = try targets(year: 2000)
        }

        func run() async throws {
            let values = try values()
            let (response, warnings) = try await CommandEnvironment.withPlanning(connection) { caller in
                let skp = try await SkpDraft.draft(skpID, caller)
                let current = try SkpDraft.iki(ikiID, in: skp)
                let request = Planning.SetPeriodicTargetsRequest(ikiID: ikiID, targets: try targets(year: skp.year),
                                                                 expectedSkpRevision: revision.value)
                let warnings = values.count == 4
                    ? IkiSpec.warnings(quarterly: values, cumulative: cumulative, annual: current.annualTarget?.value,
                                       range: current.annualTarget?.upperValue != nil, aggregation: current.aggregation)
                    : []
                let response = try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("skp-set-targets")) {
                    try await $0.setPeriodicTargets(request, options: $1)
                }
                return (response, warnings)
            }
            for warning in warnings { StandardError.line("warning: " + warning) }
            if CommandEnvironment.printJSON(response, connection) { return }
            let count = response.iki?.periodicTargets.count ?? 0
            let kind = quarterly != nil ? "quarterly" : monthly != nil ? "monthly" : "periodic"
            print(clear ? "Cleared the periodic targets of IKI \(ikiID); draft revision \(response.skpRevision)."
                : "Set \(count) \(kind) target\(count == 1 ? "" : "s") on IKI \(ikiID); draft revision \(response.skpRevision).")
        }
    }
}
