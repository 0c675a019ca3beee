import ArgumentParser
import KinerjaProto

extension Kinerjactl.Employees {
    /// `kinerjactl employees get`.
    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "get", abstract: "Show one employee.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "NIP, 18 digits.") var nip: String

        func validate() throws {
            _ = try ArgumentChecks.person(nip)
        }

        func run() async throws {
            let response = try await CommandEnvironment.withSignedIn(connection) { caller in
                try await caller.call { try await $0.getEmployee(.init(nip: nip), options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(EmployeeText.fields(response.employee ?? .init(), unit: response.unit, atasan: response.atasan).render())
        }
    }
}
