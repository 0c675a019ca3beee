import ArgumentParser
import KinerjaProto

/// `kinerjactl employees`: pegawai records.
struct Employees: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, show, create, update and import employees.",
        subcommands: [EmployeesList.self, EmployeesGet.self, EmployeesCreate.self, EmployeesUpdate.self, EmployeesImport.self]
    )
}

/// `kinerjactl employees list`.
struct EmployeesList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List employees of a unit.")

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "Unit id.") var unit: String?
    @Option(help: "Unit code (looked up with ListUnits).") var unitCode: String?
    @Flag(help: "Include employees of every sub-unit.") var subunits = false
    @Option(help: "Part of the name, or a NIP prefix.") var query: String?
    @Flag(help: "Fetch every page.") var allPages = false
    @Option(help: "Show at most N employees (default 50).") var limit: Int?

    func run() async throws {
        if unit != nil, unitCode != nil { throw CLIError.invalidArguments("give --unit or --unit-code, not both") }
        if allPages, limit != nil { throw CLIError.invalidArguments("give --all-pages or --limit, not both") }
        if let limit, limit < 1 { throw CLIError.invalidArguments("--limit must be at least 1") }
        let wanted = allPages ? Int.max : (limit ?? 50)
        let (employees, more, codes) = try await CommandEnvironment.withSignedIn(connection) { caller in
            let unitID = try await unitCode.asyncMap { try await UnitLookup.unitID(code: $0, caller) } ?? unit ?? ""
            var employees: [Identity.Employee] = []
            var cursor = ""
            repeat {
                let request = Identity.ListEmployeesRequest(
                    unitID: unitID, includeSubunits: subunits, query: query ?? "",
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

extension Optional {
    /// `map` with an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

/// `kinerjactl employees get`.
struct EmployeesGet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show one employee.")

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "NIP, 18 digits.") var nip: String

    func run() async throws {
        let nip = try ArgumentChecks.nip(nip)
        let response = try await CommandEnvironment.withSignedIn(connection) { caller in
            try await caller.call { try await $0.getEmployee(.init(nip: nip), options: $1) }
        }
        if CommandEnvironment.printJSON(response, connection) { return }
        print(EmployeeText.fields(response.employee ?? .init(), unit: response.unit, atasan: response.atasan).render())
    }
}

/// The fields of an employee for `get`, `create` and `update`.
enum EmployeeText {
    static func fields(_ employee: Identity.Employee, unit: Common.UnitRef? = nil, atasan: Common.EmployeeRef? = nil) -> FieldList {
        var fields = FieldList()
        fields.append("NIP", employee.nip)
        fields.append("Name", Display.name(of: employee))
        fields.append("ASN", Display.name(employee.asnType))
        fields.append("Jenis jabatan", Display.name(employee.jenisJabatan))
        fields.append("Jabatan", employee.jabatanName)
        fields.append("Golongan", employee.golongan)
        fields.append("Unit", unit.map { "\($0.name) (\($0.unitID))" } ?? employee.unitID)
        fields.append("Unit head", Display.yesNo(employee.unitHead))
        fields.append("Atasan", atasan.map { "\($0.displayName) (\($0.nip))" } ?? employee.atasanNIP)
        fields.append("Birth date", WITATime.format(employee.birthDate))
        fields.append("Sex", Display.name(employee.sex))
        fields.append("TMT", WITATime.format(employee.tmt))
        fields.append("Status", Display.name(employee.status))
        fields.append("E-mail", employee.email)
        fields.append("Phone", employee.phone)
        fields.append("Updated", WITATime.format(employee.updated?.at) + " by " + (employee.updated?.principal ?? "—"))
        fields.append("Revision", String(employee.revision))
        return fields
    }
}
