import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp compliance`.
    struct Compliance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compliance",
            abstract: "Who in a unit has no approved SKP by the deadline, and why (pengelola kinerja, pimpinan).",
            discussion: """
            The deadline is the policy's date (default 31 January) or 30 days after the TMT jabatan, whichever \
            is later. Statuses: approved, approved-late, not-due, no-skp, draft, waiting-for-penilai, returned, \
            no-valid-penilai (submitted, but nobody may decide: pengelola kinerja arrange a Plt/Plh or a new \
            atasan). The counts cover the whole unit; --status filters the rows.

            Example: kinerjactl skp compliance --unit-code KPG.DUKCAPIL --subunits --status no-valid-penilai
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var unit: UnitOptions
        @Flag(help: "Include every sub-unit.") var subunits = false
        @Option(help: "SKP year (default: the current WITA year).") var year: Int?
        @Option(help: ArgumentHelp("Judge on this WITA day, YYYY-MM-DD (default: today).", valueName: "date")) var asOf: DateArgument?
        @Option(help: "Only rows with this status (repeatable).") var status: [EnumArgument<Planning.SkpComplianceStatus>] = []
        @Flag(help: "Fetch every page.") var allPages = false
        @Option(help: "Show at most N rows (default 100).") var limit: Int?

        /// The request for the options with the unit's id.
        func request(unitID: String) throws -> Planning.GetSkpComplianceRequest {
            guard unit.reference != nil else { throw CLIError.invalidArguments("give --unit or --unit-code") }
            let year = try year.map { try SkpValues.year($0) } ?? 0
            if let asOf = asOf?.value, year != 0, asOf.year != year { throw CLIError.invalidArguments("--as-of must lie in \(year)") }
            return Planning.GetSkpComplianceRequest(unit: Common.UnitScope(unitID: unitID, includeSubunits: subunits), year: year,
                                                    asOf: asOf?.value, statuses: status.map(\.value))
        }

        func validate() throws {
            if allPages, limit != nil { throw CLIError.invalidArguments("give --all-pages or --limit, not both") }
            if let limit, limit < 1 { throw CLIError.invalidArguments("--limit must be at least 1") }
            _ = try request(unitID: "")
        }

        func run() async throws {
            let wanted = allPages ? Int.max : (limit ?? 100)
            let (response, more) = try await CommandEnvironment.withPlanning(connection) { caller in
                var request = try request(unitID: try await unit.unitID(caller.identity) ?? "")
                var all = Planning.GetSkpComplianceResponse()
                var cursor = ""
                repeat {
                    request.page = Common.PageRequest(pageSize: UInt32(min(500, wanted - all.rows.count)), cursor: cursor)
                    let page = request
                    let response = try await caller.call { try await $0.getSkpCompliance(page, options: $1) }
                    all.rows += response.rows
                    all.counts = response.counts
                    cursor = response.page?.nextCursor ?? ""
                } while !cursor.isEmpty && all.rows.count < wanted
                all.rows = Array(all.rows.prefix(wanted))
                return (all, !cursor.isEmpty)
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(SkpListText.compliance(response))
            if more { StandardError.line("(more rows: use --all-pages or a larger --limit)") }
        }
    }
}
