import ArgumentParser
import KinerjaProto

/// `kinerjactl skp matrix`.
struct SkpMatrix: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Show a unit's Matriks Pembagian Peran dan Hasil (and with --tree the pohon kinerja).",
        discussion: "Rows are the unit head's RHKs; below each, the RHKs that intervene it, indented by level, with their owners."
    )

    @OptionGroup var options: PlanningOptions
    @Option(help: "Unit id.") var unit: String?
    @Option(help: "Unit code (looked up with ListUnits).") var unitCode: String?
    @Flag(help: "Include every sub-unit.") var subunits = false
    @Option(help: "SKP year (default: the current WITA year).") var year: Int?
    @Flag(help: "Use approved versions only (default: the latest version of each SKP).") var approvedOnly = false
    @Flag(help: "Also draw the cascade tree.") var tree = false

    func run() async throws {
        try options.connection.check()
        guard (unit == nil) != (unitCode == nil) else { throw CLIError.invalidArguments("give --unit or --unit-code") }
        let year = try year.map { try SkpValues.year($0) } ?? SkpValues.currentYear()
        let (cascade, label) = try await CommandEnvironment.withPlanning(options) { caller in
            let unitID = try await unitCode.asyncMap { try await UnitLookup.unitID(code: $0, caller.identity) } ?? unit ?? ""
            let request = Planning.GetCascadeRequest(unit: Common.UnitScope(unitID: unitID, includeSubunits: subunits), year: year,
                                                     approvedOnly: approvedOnly)
            let cascade = try await caller.call { try await $0.getCascade(request, options: $1) }
            var label = unitCode ?? unitID
            if !options.json, let name = try? await caller.identity.call({
                try await $0.getUnit(.init(unitID: unitID), options: $1)
            }).unit?.name {
                label = "\(name) (\(label))"
            }
            return (cascade, label)
        }
        if CommandEnvironment.printJSON(cascade, options) { return }
        print(SkpCascadeText.matrix(cascade, unitLabel: label))
        if tree { print("\n" + SkpCascadeText.tree(cascade, unitLabel: label)) }
    }
}
