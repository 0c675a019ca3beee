import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp show`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show an SKP: header and approval stamp, RHKs with their cascade links and IKIs, ekspektasi khusus, Lampiran.",
            discussion: """
            By SKP id, or by --nip and --year (the approved version in force, else the latest; both \
            default to yours and the current year). --json prints the GetSkpResponse.
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "SKP id.") var skpID: String?
        @Option(help: "Owner's NIP (default: yours).") var nip: String?
        @Option(help: "SKP year (default: the current WITA year).") var year: Int?
        @Option(help: "Version to show (default: the latest, or by --nip/--year the one in force).") var version: UInt32?

        func validate() throws {
            if skpID != nil, nip != nil || year != nil {
                throw CLIError.invalidArguments("give an SKP id or --nip/--year, not both")
            }
            if let nip { _ = try ArgumentChecks.nip(nip, option: "--nip") }
            if let year { _ = try SkpValues.year(year) }
        }

        func run() async throws {
            let year = try year.map { try SkpValues.year($0) } ?? SkpValues.currentYear()
            let (response, names) = try await CommandEnvironment.withPlanning(connection) { caller in
                var skpID = self.skpID ?? ""
                var version = self.version ?? 0
                if skpID.isEmpty {
                    let nip = try SkpFetch.nip(nip, caller)
                    let current = try await caller.call {
                        try await $0.getCurrentSkp(.init(nip: nip, year: year), options: $1)
                    }
                    let skp = current.skp ?? Planning.Skp()
                    skpID = skp.skpID
                    if self.version == nil { version = skp.version }
                }
                let response = try await SkpFetch.skp(skpID, version: version, caller)
                let names = connection.json ? SkpNames() : await SkpFetch.names(for: try SkpFetch.required(response), caller)
                return (response, names)
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(SkpText.render(try SkpFetch.required(response), approvedVersion: response.approvedVersion, names: names,
                                 newAmendments: response.newAmendments))
        }
    }
}
