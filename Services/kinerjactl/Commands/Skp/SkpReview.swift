import ArgumentParser
import KinerjaProto

/// `kinerjactl skp review`.
struct SkpReview: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List RHKs flagged for review because the atasan's RHK they intervene changed.",
        discussion: "Default: your own RHKs. --unit or --unit-code lists a unit's (atasan, pengelola kinerja)."
    )

    @OptionGroup var options: PlanningOptions
    @Option(help: "Only RHKs of this owner (default: yours unless a unit is given).") var nip: String?
    @Option(help: "Only RHKs of employees in this unit (id).") var unit: String?
    @Option(help: "Only RHKs of employees in this unit (code).") var unitCode: String?
    @Option(help: "SKP year (default: the current WITA year).") var year: Int?

    func run() async throws {
        try options.connection.check()
        if unit != nil, unitCode != nil { throw CLIError.invalidArguments("give --unit or --unit-code, not both") }
        let year = try year.map { try SkpValues.year($0) } ?? 0
        let given = try nip.map { try ArgumentChecks.nip($0, option: "--nip") }
        let items = try await CommandEnvironment.withPlanning(options) { caller in
            let unitID = try await unitCode.asyncMap { try await UnitLookup.unitID(code: $0, caller.identity) } ?? unit
            let owner = try given ?? (unitID == nil ? caller.signedInNIP() : "")
            var items: [Planning.RhkReviewItem] = []
            var cursor = ""
            repeat {
                let request = Planning.ListRhksNeedingReviewRequest(
                    nip: owner, unit: unitID.map { Common.UnitScope(unitID: $0) }, year: year,
                    page: Common.PageRequest(pageSize: 500, cursor: cursor))
                let response = try await caller.call { try await $0.listRhksNeedingReview(request, options: $1) }
                items += response.items
                cursor = response.page?.nextCursor ?? ""
            } while !cursor.isEmpty && items.count < 100_000
            return items
        }
        if CommandEnvironment.printJSON(Planning.ListRhksNeedingReviewResponse(items: items), options) { return }
        if items.isEmpty { return print("No RHK needs review.") }
        print(SkpListText.review(items).render())
        print("\nCheck each link; keep it with `kinerjactl skp acknowledge RHK_ID --note …`, or relink a draft RHK with "
            + "`kinerjactl skp update-rhk RHK_ID --parent …`.")
    }
}

/// `kinerjactl skp acknowledge`.
struct SkpAcknowledge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acknowledge", abstract: "Clear an RHK's review flag after checking its link still holds.")

    @OptionGroup var options: PlanningOptions
    @Argument(help: "RHK id.") var rhkID: String
    @Option(help: "What was decided, e.g. \"tetap relevan\"; 1–1000 characters.") var note: String

    func run() async throws {
        try options.connection.check()
        let request = Planning.AcknowledgeRhkReviewRequest(rhkID: rhkID, note: try SkpValues.text(note, option: "--note", limit: 1000))
        let response = try await CommandEnvironment.withPlanning(options) { caller in
            try await caller.call(idempotencyKey: PlanningCaller.idempotencyKey("acknowledge")) {
                try await $0.acknowledgeRhkReview(request, options: $1)
            }
        }
        if CommandEnvironment.printJSON(response, options) { return }
        print("Review of RHK \(rhkID) acknowledged; the flag is cleared.")
    }
}
