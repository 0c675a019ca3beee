import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp candidates`.
    struct Candidates: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "candidates",
            abstract: "List the atasan's RHKs an RHK may intervene (parents for --parent).",
            discussion: "RHKs of a draft atasan SKP are listed too; a later change to them flags the RHKs linked to them for review."
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The employee who is drafting (default: you).") var nip: String?
        @Option(help: "SKP year (default: the current WITA year).") var year: Int?

        func validate() throws {
            if let year { _ = try SkpValues.year(year) }
            if let nip { _ = try ArgumentChecks.nip(nip, option: "--nip") }
        }

        func run() async throws {
            let year = try year.map { try SkpValues.year($0) } ?? SkpValues.currentYear()
            let response = try await CommandEnvironment.withPlanning(connection) { caller in
                let request = Planning.ListParentRhkCandidatesRequest(nip: try SkpFetch.nip(nip, caller), year: year)
                return try await caller.call { try await $0.listParentRhkCandidates(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(SkpListText.candidates(response))
        }
    }
}
