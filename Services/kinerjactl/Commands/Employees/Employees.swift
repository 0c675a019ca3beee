import ArgumentParser
import KinerjaProto

/// `kinerjactl employees`: pegawai records.
struct Employees: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, show, create, update and import employees.",
        subcommands: [EmployeesList.self, EmployeesGet.self, EmployeesCreate.self, EmployeesUpdate.self, EmployeesImport.self]
    )
}
