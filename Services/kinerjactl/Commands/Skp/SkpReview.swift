import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp review`.
    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "List RHKs flagged for review because the atasan's RHK they intervene changed.",
            discussion: "Default: your own RHKs. --unit or --unit-code lists a unit's (atasan, pengelola kinerja)."
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Only RHKs of this owner (default: yours unless a unit is given).") var nip: String?
        @OptionGroup var unit: UnitOptions
        @Option(help: "SKP year (default: the current WITA year).") var year: Int?

        func validate() throws {
            if let year { _ = try SkpValues.year(year) }
            if let nip { _ = try ArgumentChecks.nip(nip, option: "--nip") }
        }

        func run() async throws {
            let year = try year.map { try SkpValues.year($0) } ?? 0
            let given = nip
            let items = try await CommandEnvironment.withPlanning(connection) { caller in
                let unitID = try await unit.unitID(caller.identity)
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
            if CommandEnvironment.printJSON(Planning.ListRhksNeedingReviewResponse(items: items), connection) { return }
            if items.isEmpty { return print("No RHK needs review.") }
            print(SkpListText.review(items).render())
            print("\nCheck each link; keep it with `kinerjactl skp acknowledge RHK_ID --note …`, or relink a draft RHK with "
                + "`kinerjactl skp update-rhk RHK_ID --parent …`.")
        }
    }
}
