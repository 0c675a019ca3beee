import ArgumentParser
import KinerjaProto

/// `kinerjactl units`: the organisation (unit kerja) tree.
struct Units: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show units (unit kerja).",
                                                    subcommands: [Tree.self, List.self, Get.self])

    /// `kinerjactl units tree`.
    struct Tree: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the unit tree with heads and employee counts.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Unit id of the subtree's root (default: the whole tree).") var root: String?
        @Option(help: "Levels below the root to show, 1–10 (default: all).") var depth: Int?
        @Flag(help: "Include inactive units.") var includeInactive = false

        func run() async throws {
            if let depth, !(1...10).contains(depth) { throw CLIError.invalidArguments("--depth must be 1–10") }
            let request = Identity.GetUnitTreeRequest(rootUnitID: root ?? "", maxDepth: UInt32(depth ?? 0),
                                                      includeInactive: includeInactive)
            let response = try await CommandEnvironment.withSignedIn(connection) { caller in
                try await caller.call { try await $0.getUnitTree(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            guard let root = response.root else { return print("(no units)") }
            print(UnitTreeText.lines(root).joined(separator: "\n"))
        }
    }

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

    /// `kinerjactl units get`.
    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one unit and its place in the tree.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Unit id.") var id: String

        func run() async throws {
            let response = try await CommandEnvironment.withSignedIn(connection) { caller in
                try await caller.call { try await $0.getUnit(.init(unitID: id), options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            let unit = response.unit ?? Identity.Unit()
            var fields = FieldList()
            fields.append("Unit ID", unit.unitID)
            fields.append("Code", unit.code)
            fields.append("Name", unit.name)
            fields.append("Short name", unit.shortName)
            fields.append("Kind", Display.name(unit.kind))
            fields.append("Path", (response.ancestors.map(\.name) + [unit.name]).joined(separator: " › "))
            fields.append("Head", unit.headNIP)
            fields.append("Public service", Display.yesNo(unit.publicServicePoint))
            fields.append("Active", Display.yesNo(unit.active))
            fields.append("Updated", WITATime.format(unit.updated?.at) + " by " + (unit.updated?.principal ?? "—"))
            fields.append("Revision", String(unit.revision))
            print(fields.render())
        }
    }
}
