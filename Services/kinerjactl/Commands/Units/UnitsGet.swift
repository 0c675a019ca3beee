import ArgumentParser
import KinerjaProto

extension Kinerjactl.Units {
    /// `kinerjactl units get`.
    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one unit and its place in the tree.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: ArgumentHelp("Unit id or code, e.g. KPG.DUKCAPIL.", valueName: "unit")) var unit: UnitReference

        func run() async throws {
            let response = try await CommandEnvironment.withSignedIn(connection) { caller in
                let unitID = try await UnitLookup.unitID(unit, caller)
                do {
                    return try await caller.call { try await $0.getUnit(.init(unitID: unitID), options: $1) }
                } catch let error as RPCError where error.code == .notFound {
                    throw CLIError(.failure, "no unit with id \(unitID)", status: .notFound, cause: error)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            let shown = response.unit ?? Identity.Unit()
            var fields = FieldList()
            fields.append("Unit ID", shown.unitID)
            fields.append("Code", shown.code)
            fields.append("Name", shown.name)
            fields.append("Short name", shown.shortName)
            fields.append("Kind", Display.name(shown.kind))
            fields.append("Path", (response.ancestors.map(\.name) + [shown.name]).joined(separator: " › "))
            fields.append("Head", shown.headNIP)
            fields.append("Public service", Display.yesNo(shown.publicServicePoint))
            fields.append("Active", Display.yesNo(shown.active))
            fields.append("Updated", WITATime.format(shown.updated?.at) + " by " + (shown.updated?.principal ?? "—"))
            fields.append("Revision", String(shown.revision))
            print(fields.render())
        }
    }
}
