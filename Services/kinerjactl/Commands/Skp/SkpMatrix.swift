import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp matrix`.
    struct Matrix: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "matrix",
            abstract: "Show a unit's Matriks Pembagian Peran dan Hasil (and with --tree the pohon kinerja).",
            discussion: "Rows are the unit head's RHKs; below each, the RHKs that intervene it, indented by level, with their owners."
        )

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var unit: UnitOptions
        @Flag(help: "Include every sub-unit.") var subunits = false
        @Option(help: "SKP year (default: the current WITA year).") var year: Int?
        @Flag(help: "Use approved versions only (default: the latest version of each SKP).") var approvedOnly = false
        @Flag(help: "Also draw the cascade tree.") var tree = false

        func validate() throws {
            guard unit.reference != nil else { throw CLIError.invalidArguments("give --unit or --unit-code") }
            if let year { _ = try SkpValues.year(year) }
        }

        func run() async throws {
            let year = try year.map { try SkpValues.year($0) } ?? SkpValues.currentYear()
            let (cascade, label) = try await CommandEnvironment.withPlanning(connection) { caller in
                let unitID = try await unit.unitID(caller.identity) ?? ""
                let request = Planning.GetCascadeRequest(unit: Common.UnitScope(unitID: unitID, includeSubunits: subunits), year: year,
                                                         approvedOnly: approvedOnly)
                let cascade = try await caller.call { try await $0.getCascade(request, options: $1) }
                var label = unit.reference?.description ?? unitID
                if !connection.json, let name = try? await caller.identity.call({
                    try await $0.getUnit(.init(unitID: unitID), options: $1)
                }).unit?.name {
                    label = "\(name) (\(label))"
                }
                return (cascade, label)
            }
            if CommandEnvironment.printJSON(cascade, connection) { return }
            print(SkpCascadeText.matrix(cascade, unitLabel: label))
            if tree { print("\n" + SkpCascadeText.tree(cascade, unitLabel: label)) }
        }
    }
}
