import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List SKPs (the latest version of each), e.g. your approval inbox.",
            discussion: """
            Without --nip, --unit, --unit-code or --inbox your own SKPs are listed. --inbox lists the \
            SKPs whose pejabat penilai you are, by default those waiting for you (Diajukan).
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Only this owner's SKPs.") var nip: String?
        @OptionGroup var unit: UnitOptions
        @Flag(help: "With --unit/--unit-code: include every sub-unit.") var subunits = false
        @Flag(help: "SKPs submitted to you as pejabat penilai (default state: diajukan).") var inbox = false
        @Option(help: "SKP year (default: the current WITA year).") var year: Int?
        @Option(help: "Only SKPs in this state (repeatable).")
        var state: [EnumArgument<Planning.SkpState>] = []
        @Flag(help: "Only SKPs with RHKs flagged for review.") var flagged = false
        @Flag(help: "Fetch every page.") var allPages = false
        @Option(help: "Show at most N SKPs (default 50).") var limit: Int?

        /// The request for the options; `me` is the signed-in NIP, `unitID` the resolved unit.
        func request(me: String, unitID: String?) throws -> Planning.ListSkpsRequest {
            if subunits, unit.reference == nil { throw CLIError.invalidArguments("--subunits needs --unit or --unit-code") }
            let nip = try nip.map { try ArgumentChecks.nip($0, option: "--nip") }
            let year = try year.map { try SkpValues.year($0) } ?? 0
            var states = state.map(\.value)
            if inbox, states.isEmpty { states = [.diajukan] }
            let owner = nip ?? (unitID == nil && !inbox ? me : "")
            return Planning.ListSkpsRequest(nip: owner, unit: unitID.map { Common.UnitScope(unitID: $0, includeSubunits: subunits) },
                                            atasanNIP: inbox ? me : "", year: year, states: states, flaggedOnly: flagged)
        }

        func validate() throws {
            if allPages, limit != nil { throw CLIError.invalidArguments("give --all-pages or --limit, not both") }
            if let limit, limit < 1 { throw CLIError.invalidArguments("--limit must be at least 1") }
            _ = try request(me: "", unitID: unit.reference?.description)
        }

        func run() async throws {
            let wanted = allPages ? Int.max : (limit ?? 50)
            let (skps, more) = try await CommandEnvironment.withPlanning(connection) { caller in
                let unitID = try await unit.unitID(caller.identity)
                var request = try request(me: try caller.signedInNIP(), unitID: unitID)
                var skps: [Planning.SkpSummary] = []
                var cursor = ""
                repeat {
                    request.page = Common.PageRequest(pageSize: UInt32(min(500, wanted - skps.count)), cursor: cursor)
                    let page = request
                    let response = try await caller.call { try await $0.listSkps(page, options: $1) }
                    skps += response.skps
                    cursor = response.page?.nextCursor ?? ""
                } while !cursor.isEmpty && skps.count < wanted
                return (Array(skps.prefix(wanted)), !cursor.isEmpty)
            }
            if CommandEnvironment.printJSON(Planning.ListSkpsResponse(skps: skps), connection) { return }
            if skps.isEmpty { return print(inbox ? "No SKP is waiting for you." : "No SKP matches.") }
            print(SkpListText.skps(skps).render())
            if more { StandardError.line("(more SKPs: use --all-pages or a larger --limit)") }
        }
    }
}
