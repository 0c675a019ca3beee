import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp create`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create an SKP for a year (version 1, Draft).",
            discussion: "The period defaults to the whole year (or from the TMT in the unit, if later)."
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Owner's NIP (default: yours).") var nip: String?
        @Option(help: "SKP year, 2000–2100.") var year: Int
        @Option(help: "Approach (default: kuantitatif).") var approach: EnumArgument<Planning.SkpApproach>?
        @Option(help: ArgumentHelp("Copy RHKs, IKIs and targets from this SKP (e.g. last year's).", valueName: "skp-id"))
        var copyFrom: String?
        @Option(help: "First covered day, YYYY-MM-DD (default 1 January).") var periodStart: DateArgument?
        @Option(help: "Last covered day, YYYY-MM-DD (default 31 December).") var periodEnd: DateArgument?

        /// The request for the options (`nip` resolved).
        func request(nip: String) throws -> Planning.CreateSkpRequest {
            let year = try SkpValues.year(year)
            for (date, option) in [(periodStart, "--period-start"), (periodEnd, "--period-end")] {
                if let date, date.value.year != year { throw CLIError.invalidArguments("\(option) must lie in \(year)") }
            }
            if let start = periodStart?.value, let end = periodEnd?.value,
               (start.month, start.day) > (end.month, end.day) {
                throw CLIError.invalidArguments("--period-start must not be after --period-end")
            }
            return Planning.CreateSkpRequest(nip: nip, year: year, approach: approach?.value ?? .kuantitatif, periodStart: periodStart?.value,
                                             periodEnd: periodEnd?.value, copyFromSkpID: copyFrom ?? "")
        }

        func validate() throws {
            _ = try request(nip: "")
        }

        func run() async throws {
            let response = try await CommandEnvironment.withPlanning(connection) { caller in
                let request = try request(nip: try SkpFetch.nip(nip, caller))
                return try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("skp-create")) {
                    try await $0.createSkp(request, options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            let skp = response.skp ?? Planning.Skp()
            print(TerminalText.sanitized("Created SKP \(skp.skpID) for \(SkpText.person(skp.employee ?? .init(nip: skp.nip))), "
                + "\(skp.year): \(SkpText.state(skp))."))
            if let copyFrom { print("Copied \(skp.rhks.count) RHKs from \(copyFrom).") }
        }
    }
}
