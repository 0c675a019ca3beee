import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp create`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create an SKP for a year (version 1, Draft).",
            discussion: """
            The SKP covers the year from your TMT jabatan (identity's; 1 January when it lies in an earlier \
            year) to 31 December, unless --period-start/--period-end say otherwise. Several SKPs of one \
            person in a year never overlap. After a transfer (mutasi), --transfer closes the SKP covering \
            the new SKP's first day (--period-start, else the TMT jabatan of the new position) on the day \
            before, and opens this one; a mistaken transfer is undone with `kinerjactl skp delete` of the \
            new draft.

            Example: kinerjactl skp create --transfer --period-start 2026-07-01
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Owner's NIP (default: yours).") var nip: String?
        @Option(help: "SKP year, 2000–2100 (default: the current WITA year).") var year: Int?
        @Option(help: "Approach (default: kuantitatif).") var approach: EnumArgument<Planning.SkpApproach>?
        @Option(help: ArgumentHelp("Copy RHKs, IKIs and targets from this SKP (e.g. last year's).", valueName: "skp-id"))
        var copyFrom: String?
        @Option(help: "First covered day, YYYY-MM-DD (default: the TMT jabatan, or 1 January).") var periodStart: DateArgument?
        @Option(help: "Last covered day, YYYY-MM-DD (default 31 December).") var periodEnd: DateArgument?
        @Flag(help: "A transfer: close the SKP covering the first day on the day before.") var transfer = false

        /// The request for the options (`nip` resolved).
        func request(nip: String) throws -> Planning.CreateSkpRequest {
            let year = try year.map { try SkpValues.year($0) } ?? SkpValues.currentYear()
            for (date, option) in [(periodStart, "--period-start"), (periodEnd, "--period-end")] {
                if let date, date.value.year != year { throw CLIError.invalidArguments("\(option) must lie in \(year)") }
            }
            if let start = periodStart?.value, let end = periodEnd?.value,
               (start.month, start.day) > (end.month, end.day) {
                throw CLIError.invalidArguments("--period-start must not be after --period-end")
            }
            return Planning.CreateSkpRequest(nip: nip, year: year, approach: approach?.value ?? .kuantitatif, periodStart: periodStart?.value,
                                             periodEnd: periodEnd?.value, copyFromSkpID: copyFrom ?? "", transfer: transfer)
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
            print("Covers \(WITATime.format(skp.periodStart)) – \(WITATime.format(skp.periodEnd))"
                + (transfer ? "; the SKP before it now ends the day before." : "."))
            if let copyFrom { print("Copied \(skp.rhks.count) RHKs from \(copyFrom).") }
        }
    }
}
