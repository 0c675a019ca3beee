import ArgumentParser
import KinerjaProto

extension Kinerjactl.Units {
    /// `kinerjactl units list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List units.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Part of the name, short name or code.") var query: String?
        @Flag(help: "Include inactive units.") var includeInactive = false

        func run() async throws {
            let units = try await CommandEnvironment.withSignedIn(connection) { caller in
                try await UnitLookup.all(caller, query: query ?? "", includeInactive: includeInactive)
            }
            if CommandEnvironment.printJSON(Identity.ListUnitsResponse(units: units), connection) { return }
            var table = Table([.init("CODE", maxWidth: 24), .init("NAME", maxWidth: 50), .init("KIND", maxWidth: 18),
                               .init("HEAD", maxWidth: 18), .init("ACTIVE"), .init("UNIT ID", maxWidth: 26)])
            for unit in units {
                table.append([unit.code, unit.name, Display.name(unit.kind), unit.headNIP,
                              Display.yesNo(unit.active), unit.unitID])
            }
            print(table.render())
        }
    }
}
