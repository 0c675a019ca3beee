import ArgumentParser
import KinerjaProto

extension Kinerjactl.Units {
    /// `kinerjactl units tree`.
    struct Tree: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the unit tree with heads and employee counts.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: ArgumentHelp("The subtree's root, by id or code (default: the whole tree).", valueName: "unit"))
        var root: UnitReference?
        @Option(help: "Levels below the root to show, 1–10 (default: all).") var depth: Int?
        @Flag(help: "Include inactive units.") var includeInactive = false

        func validate() throws {
            if let depth, !(1...10).contains(depth) { throw CLIError.invalidArguments("--depth must be 1–10") }
        }

        func run() async throws {
            let response = try await CommandEnvironment.withSignedIn(connection) { caller in
                let rootID = try await root.asyncMap { try await UnitLookup.unitID($0, caller) } ?? ""
                let request = Identity.GetUnitTreeRequest(rootUnitID: rootID, maxDepth: UInt32(depth ?? 0),
                                                          includeInactive: includeInactive)
                return try await caller.call { try await $0.getUnitTree(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            guard let root = response.root else { return print("(no units)") }
            print(UnitTreeText.lines(root).joined(separator: "\n"))
        }
    }
}
