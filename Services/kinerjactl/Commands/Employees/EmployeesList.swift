import ArgumentParser
import KinerjaProto

extension Kinerjactl.Employees {
    /// `kinerjactl employees list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List employees of a unit.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var unit: UnitOptions
        @Flag(help: "Include employees of every sub-unit.") var subunits = false
        @Option(help: "Part of the name, or a NIP prefix.") var query: String?
        @Option(help: "Employment status to include (repeatable; default aktif only).")
        var status: [EnumArgument<Identity.EmploymentStatus>] = []
        @Flag(help: "Fetch every page.") var allPages = false
        @Option(help: "Show at most N employees (default 50).") var limit: Int?

        func validate() throws {
            if allPages, limit != nil { throw CLIError.invalidArguments("give --all-pages or --limit, not both") }
            if let limit, limit < 1 { throw CLIError.invalidArguments("--limit must be at least 1") }
        }

        func run() async throws {
            let wanted = allPages ? Int.max : (limit ?? 50)
            let (employees, more, codes) = try await CommandEnvironment.withSignedIn(connection) { caller in
                let unitID = try await unit.unitID(caller) ?? ""
                var employees: [Identity.Employee] = []
                var cursor = ""
                repeat {
                    let request = Identity.ListEmployeesRequest(
                        unitID: unitID, includeSubunits: subunits, statuses: status.map(\.value), query: query ?? "",
                        page: Common.PageRequest(pageSize: UInt32(min(500, wanted - employees.count)), cursor: cursor))
                    let response = try await caller.call { try await $0.listEmployees(request, options: $1) }
                    employees += response.employees
                    cursor = response.page?.nextCursor ?? ""
                } while !cursor.isEmpty && employees.count < wanted
                let codes = connection.json ? [:] : await UnitLookup.codes(caller)
                return (Array(employees.prefix(wanted)), !cursor.isEmpty, codes)
            }
            if CommandEnvironment.printJSON(Identity.ListEmployeesResponse(employees: employees), connection) { return }
            var table = Table([.init("NIP", maxWidth: 18), .init("NAME", maxWidth: 40), .init("JABATAN", maxWidth: 32),
                               .init("GOL", maxWidth: 8), .init("UNIT", maxWidth: 24), .init("ATASAN", maxWidth: 18)])
            for employee in employees {
                table.append([employee.nip, Display.name(of: employee), employee.jabatanName, employee.golongan,
                              codes[employee.unitID] ?? employee.unitID, employee.atasanNIP])
            }
            print(table.render())
            if more { StandardError.line("(more employees: use --all-pages or a larger --limit)") }
        }
    }
}
