import ArgumentParser
import KinerjaProto

/// `kinerjactl skp show`.
struct SkpShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an SKP: header, RHKs with their cascade links and IKIs, ekspektasi khusus.",
        discussion: """
        By SKP id, or by --nip and --year (the approved version in force, else the latest; both \
        default to yours and the current year). --json prints the GetSkpResponse.
        """
    )

    @OptionGroup var options: PlanningOptions
    @Argument(help: "SKP id.") var skpID: String?
    @Option(help: "Owner's NIP (default: yours).") var nip: String?
    @Option(help: "SKP year (default: the current WITA year).") var year: Int?
    @Option(help: "Version to show (default: the latest, or by --nip/--year the one in force).") var version: UInt32?

    func run() async throws {
        try options.connection.check()
        if skpID != nil, nip != nil || year != nil {
            throw CLIError.invalidArguments("give an SKP id or --nip/--year, not both")
        }
        let year = try year.map { try SkpValues.year($0) } ?? SkpValues.currentYear()
        let (response, names) = try await CommandEnvironment.withPlanning(options) { caller in
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
            let names = options.json ? SkpNames() : await SkpFetch.names(for: try SkpFetch.required(response), caller)
            return (response, names)
        }
        if CommandEnvironment.printJSON(response, options) { return }
        print(SkpText.render(try SkpFetch.required(response), approvedVersion: response.approvedVersion, names: names))
    }
}
