import ArgumentParser
import KinerjaProto

extension Kinerjactl.Employees {
    /// `kinerjactl employees update`.
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Change an employee's fields; only the options given are changed.",
            discussion: "An empty value clears a text field, e.g. --email \"\"."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "NIP, 18 digits.") var nip: String
        @OptionGroup var fields: EmployeeFieldOptions
        @Option(help: "Revision you read; the update fails with ABORTED when the record changed since.")
        var expectedRevision: UInt64?

        /// The request for the given options: their values and a mask of exactly their fields.
        func request(unitID: String?) -> Identity.UpdateEmployeeRequest {
            var employee = Identity.Employee(nip: nip)
            let paths = fields.apply(to: &employee, unitID: unitID)
            return Identity.UpdateEmployeeRequest(employee: employee, updateMask: Common.FieldMask(paths: paths),
                                                  expectedRevision: expectedRevision ?? 0)
        }

        func validate() throws {
            _ = try ArgumentChecks.person(nip)
            let paths = request(unitID: fields.choosesUnit ? "" : nil).updateMask?.paths ?? []
            guard !paths.isEmpty else {
                throw CLIError.invalidArguments("nothing to change: give at least one field option, e.g. --jabatan")
            }
        }

        func run() async throws {
            let response = try await CommandEnvironment.withSignedIn(connection) { caller in
                let request = request(unitID: try await fields.resolveUnit(caller))
                return try await caller.call { try await $0.updateEmployee(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(EmployeeText.fields(response.employee ?? .init()).render())
        }
    }
}
