import ArgumentParser
import Foundation
import KinerjaProto

extension Kinerjactl.Employees {
    /// `kinerjactl employees create`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create an employee and their account (pending activation).",
            discussion: "Required: --nip, --name, --asn-type, --jenis-jabatan, --jabatan, --birth-date and --unit (id or code)."
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "NIP, 18 digits.") var nip: String
        @OptionGroup var fields: EmployeeFieldOptions
        @Option(help: "NIP of the atasan langsung.") var atasan: String?

        /// Options the service requires on creation.
        func missingRequired() -> [String] {
            var missing: [String] = []
            if fields.name == nil { missing.append("--name") }
            if fields.asnType == nil { missing.append("--asn-type") }
            if fields.jenisJabatan == nil { missing.append("--jenis-jabatan") }
            if fields.jabatan == nil { missing.append("--jabatan") }
            if fields.birthDate == nil { missing.append("--birth-date") }
            if !fields.choosesUnit { missing.append("--unit or --unit-code") }
            return missing
        }

        func validate() throws {
            _ = try ArgumentChecks.nip(nip)
            if let atasan { _ = try ArgumentChecks.person(atasan, option: "--atasan") }
            let missing = missingRequired()
            guard missing.isEmpty else { throw CLIError.invalidArguments("missing \(missing.joined(separator: ", "))") }
        }

        func run() async throws {
            let response = try await CommandEnvironment.withSignedIn(connection) { caller in
                var employee = Identity.Employee(nip: nip, status: .aktif)
                _ = fields.apply(to: &employee, unitID: try await fields.resolveUnit(caller))
                let request = Identity.CreateEmployeeRequest(employee: employee, atasanNIP: atasan ?? "")
                // One key per invocation: the client's own retries of this call are applied once.
                return try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("create-employee")) {
                    try await $0.createEmployee(request, options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(EmployeeText.fields(response.employee ?? .init()).render())
            if let account = response.account {
                print("Account: \(Display.name(account.state)); issue a one-time password with `kinerjactl accounts reset \(nip) --reason …`.")
            }
        }
    }
}
