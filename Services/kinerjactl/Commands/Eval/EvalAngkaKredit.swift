import ArgumentParser
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval angka-kredit`.
    struct AngkaKredit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "angka-kredit",
            abstract: "Angka kredit of jabatan fungsional from their finalised evaluations of a year (PermenPANRB 1/2023), per period and accumulated.",
            discussion: """
            --nip for one employee (a pegawai reads their own), --unit for a unit's jabatan fungsional (--subunits with its \
            sub-units; pengelola kinerja and pimpinan in scope). Each predikat is its percentage of the jenjang's annual \
            koefisien (Sangat Baik 150, Baik 100, Butuh Perbaikan 75, Kurang 50, Sangat Kurang 25), pro rata by months; \
            a longer finalised span replaces the shorter ones it covers.
            """)

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Employee NIP.") var nip: String?
        @OptionGroup var unit: UnitOptions
        @Flag(help: "Include every sub-unit of --unit.") var subunits = false
        @Option(help: "Year (default: the current WITA year).") var year: Int?

        func validate() throws {
            if let nip { _ = try ArgumentChecks.nip(nip, option: "--nip") }
            if (nip == nil) == (unit.reference == nil) { throw CLIError.invalidArguments("give --nip or --unit (one of them)") }
            if subunits, unit.reference == nil { throw CLIError.invalidArguments("--subunits goes with --unit") }
            if let year { _ = try SkpValues.year(year) }
        }

        func run() async throws {
            let year = try year.map { try SkpValues.year($0) } ?? SkpValues.currentYear()
            let response = try await CommandEnvironment.withEvaluation(connection) { caller in
                var request = Evaluation.ListAngkaKreditRequest(nip: nip ?? "", year: year)
                if let unitID = try await unit.unitID(caller.identity) {
                    request.unit = Common.UnitScope(unitID: unitID, includeSubunits: subunits)
                }
                let sent = request
                return try await caller.call { try await $0.listAngkaKredit(sent, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(AngkaKreditText.render(response, year: year))
        }
    }
}
