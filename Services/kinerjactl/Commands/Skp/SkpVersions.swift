import Foundation
import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp versions`.
    struct Versions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "versions", abstract: "List every version of an SKP.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "SKP id.") var skpID: String

        func run() async throws {
            let response = try await CommandEnvironment.withPlanning(connection) { caller in
                try await caller.call { try await $0.listSkpVersions(.init(skpID: skpID), options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(SkpListText.versions(response))
        }
    }
}
