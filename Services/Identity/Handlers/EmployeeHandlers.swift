import KinerjaASN
public import KinerjaProto
import Foundation
import GRDB
import KinerjaService
import KinerjaStore

extension IdentityHandlers {
    /// The WITA day now (Kupang's calendar day).
    var today: Common.Date { Wita.today(now: clock()) }

    /// The employee as stored for a create: output-only fields cleared.
    static func cleaned(_ employee: Identity.Employee) -> Identity.Employee {
        var e = employee
        e.atasanNIP = ""
        e.unitHead = false
        e.created = nil
        e.updated = nil
        e.revision = 0
        return e
    }

    /// Checks a new or changed employee against its unit; throws the contract's status.
    static func checkUnit(of employee: Identity.Employee, in db: Database) throws {
        guard let unit = try UnitRecords.find(employee.unitID, in: db) else { throw RPCError(.notFound, "no unit \(employee.unitID)") }
        if !unit.active { throw RPCError(.failedPrecondition, "unit \(unit.code) is inactive and accepts no employees") }
    }

    /// Checks `atasan` may supervise `nip`; throws the contract's status.
    static func checkAtasan(_ atasan: String, for nip: String, in db: Database) throws {
        try Invalid.requireNIP(atasan, "atasan_nip")
        guard let boss = try EmployeeRecords.find(atasan, in: db) else { throw RPCError(.notFound, "no employee with NIP \(atasan) (atasan)") }
        if boss.status != .aktif { throw RPCError(.failedPrecondition, "the atasan \(atasan) is not AKTIF") }
        if try EmployeeRecords.wouldCreateCycle(nip: nip, atasan: atasan, in: db) {
            throw Invalid.field("atasan_nip", "\(atasan) is \(nip) or one of their bawahan: that would make a loop", reason: "SUPERVISION_CYCLE")
        }
    }

    public func createEmployee(_ request: Identity.CreateEmployeeRequest, context: ServerContext) async throws -> Identity.CreateEmployeeResponse {
        guard let given = request.employee else { throw Invalid.field("employee", "is required", reason: "REQUIRED") }
        var cleaned = Self.cleaned(given)
        if cleaned.tmtJabatan == nil { cleaned.tmtJabatan = cleaned.tmt }
        let employee = cleaned
        let violations = EmployeeRules.violations(employee, today: today)
        if !violations.isEmpty { throw Invalid.fields(violations) }
        if !request.atasanNIP.isEmpty { try Invalid.requirePersonID(request.atasanNIP, "atasan_nip") }
        let unitExists = try await store.read { db in try UnitRecords.find(employee.unitID, in: db) != nil }
        guard unitExists else { throw RPCError(.notFound, "no unit \(employee.unitID)") }
        try await Access.required().require(.unit(id: employee.unitID))
        let today = today
        return try await write(context, request) { [self] db, actor in
            if try EmployeeRecords.find(employee.nip, in: db) != nil { throw RPCError(.alreadyExists, "an employee with NIP \(employee.nip) exists") }
            try Self.checkUnit(of: employee, in: db)
            if !request.atasanNIP.isEmpty { try Self.checkAtasan(request.atasanNIP, for: employee.nip, in: db) }
            try EmployeeRecords.insert(employee, atasan: request.atasanNIP.isEmpty ? nil : request.atasanNIP, actor: actor, in: db)
            if !request.atasanNIP.isEmpty {
                try SupervisionRecords.begin(nip: employee.nip, atasan: request.atasanNIP, from: today, acting: false, note: "", actor: actor, in: db)
            }
            try RoleRecords.insertAccount(nip: employee.nip, actor: actor, in: db)
            try audit(db, context, actor, target: employee.nip, detail: "created in unit \(employee.unitID)")
            return Identity.CreateEmployeeResponse(employee: try EmployeeRecords.find(employee.nip, in: db),
                                                   account: try RoleRecords.account(employee.nip, in: db))
        }
    }

    public func updateEmployee(_ request: Identity.UpdateEmployeeRequest, context: ServerContext) async throws -> Identity.UpdateEmployeeResponse {
        guard let changes = request.employee else { throw Invalid.field("employee", "is required", reason: "REQUIRED") }
        try Invalid.requirePersonID(changes.nip, "employee.nip")
        if let from = request.effectiveFrom, !from.isValid { throw Invalid.field("effective_from", "is not a real date", reason: "DATE") }
        let paths = Set(request.updateMask?.paths ?? [])
        let allowed: Set<String> = ["full_name", "gelar_depan", "gelar_belakang", "asn_type", "jenis_jabatan", "jabatan_name", "golongan",
                                    "unit_id", "birth_date", "sex", "tmt", "status", "email", "phone"]
        guard !paths.isEmpty else { throw Invalid.field("update_mask", "must name at least one field", reason: "REQUIRED") }
        if let bad = paths.subtracting(allowed).sorted().first {
            throw Invalid.field("update_mask", "\(bad) cannot be changed here (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
        let access = try Access.required()
        let current = try await store.read { db in try EmployeeRecords.find(changes.nip, in: db) }
        guard let current else { throw RPCError(.notFound, "no employee with NIP \(changes.nip)") }
        if !access.grantedByIdentity {
            if access.isSelf(changes.nip) && paths.isSubset(of: ["email", "phone"]) {
                // An employee keeps their own contact details.
            } else {
                try await access.require(.unit(id: current.unitID))
                if paths.contains("unit_id") { try await access.require(.unit(id: changes.unitID)) }
            }
        }
        let today = today
        return try await write(context, request) { [self] db, actor in
            guard var employee = try EmployeeRecords.find(changes.nip, in: db) else { throw RPCError(.notFound, "no employee with NIP \(changes.nip)") }
            if request.expectedRevision != 0 && request.expectedRevision != employee.revision {
                throw RPCError(.aborted, "the employee changed since you read it (revision \(employee.revision), expected \(request.expectedRevision)); read it again")
            }
            if paths.contains("full_name") { employee.fullName = changes.fullName }
            if paths.contains("gelar_depan") { employee.gelarDepan = changes.gelarDepan }
            if paths.contains("gelar_belakang") { employee.gelarBelakang = changes.gelarBelakang }
            if paths.contains("asn_type") { employee.asnType = changes.asnType }
            if paths.contains("jenis_jabatan") { employee.jenisJabatan = changes.jenisJabatan }
            if paths.contains("jabatan_name") { employee.jabatanName = changes.jabatanName }
            if paths.contains("golongan") { employee.golongan = changes.golongan }
            if paths.contains("unit_id") { employee.unitID = changes.unitID }
            if paths.contains("birth_date") { employee.birthDate = changes.birthDate }
            if paths.contains("sex") { employee.sex = changes.sex }
            if paths.contains("tmt") { employee.tmt = changes.tmt }
            if paths.contains("status") { employee.status = changes.status }
            if paths.contains("email") { employee.email = changes.email }
            if paths.contains("phone") { employee.phone = changes.phone }
            // A transfer (another unit or jabatan) starts a new position: its TMT jabatan is the
            // effective day, where a new SKP begins (issue 11).
            let transferred = (paths.contains("unit_id") && employee.unitID != current.unitID)
                || (paths.contains("jabatan_name") && employee.jabatanName != current.jabatanName)
            if transferred { employee.tmtJabatan = request.effectiveFrom ?? today }
            let violations = EmployeeRules.violations(employee, today: today)
            if !violations.isEmpty { throw Invalid.fields(violations) }
            if paths.contains("unit_id") { try Self.checkUnit(of: employee, in: db) }
            try EmployeeRecords.update(employee, actor: actor, in: db)
            if paths.contains("status") && employee.status != .aktif {
                _ = try TokenIssuer.revokeSessions(where: "nip = ?", [employee.nip], reason: "employment status changed", now: actor.now, in: db)
            }
            try audit(db, context, actor, target: employee.nip, detail: "changed \(paths.sorted().joined(separator: ","))"
                      + (transferred ? "; TMT jabatan \(employee.tmtJabatan?.isoString ?? "")" : ""))
            return Identity.UpdateEmployeeResponse(employee: try EmployeeRecords.find(employee.nip, in: db))
        }
    }

    public func getEmployee(_ request: Identity.GetEmployeeRequest, context: ServerContext) async throws -> Identity.GetEmployeeResponse {
        try Invalid.requirePersonID(request.nip, "nip")
        let access = try Access.required()
        // Unknown and invisible NIPs look the same to the caller.
        guard try await access.allows(.employee(nip: request.nip)) else {
            let known = try await store.read { db in try EmployeeRecords.find(request.nip, in: db) != nil }
            if known { throw await access.denial(target: request.nip, "you may not read employee \(request.nip)") }
            throw RPCError(.notFound, "no employee with NIP \(request.nip)")
        }
        return try await store.read { db in
            guard let found = try EmployeeRecords.findWithReferences(request.nip, in: db) else {
                throw RPCError(.notFound, "no employee with NIP \(request.nip)")
            }
            var response = Identity.GetEmployeeResponse(employee: found.employee)
            response.unit = found.unit
            response.atasan = found.atasan
            return response
        }
    }

    public func batchGetEmployees(_ request: Identity.BatchGetEmployeesRequest, context: ServerContext) async throws -> Identity.BatchGetEmployeesResponse {
        guard !request.nips.isEmpty else { throw Invalid.field("nips", "must name 1–500 NIPs", reason: "REQUIRED") }
        guard request.nips.count <= 500 else { throw Invalid.field("nips", "must name at most 500 NIPs, got \(request.nips.count)") }
        // Person identifiers, as ListEmployees returns them: a unit's members include the non-ASN Kepala Daerah.
        for (index, nip) in request.nips.enumerated() { try Invalid.requirePersonID(nip, "nips[\(index)]") }
        var seen = Set<String>()
        let nips = request.nips.filter { seen.insert($0).inserted }
        let access = try Access.required()
        let found = try await store.read { db in try EmployeeRecords.find(nips, in: db) }
        var response = Identity.BatchGetEmployeesResponse()
        for nip in nips {
            if let employee = found[nip], try await access.allows(.employee(nip: nip)) {
                response.employees.append(employee)
            } else {
                response.notFoundNIPs.append(nip)
            }
        }
        return response
    }

    public func listEmployees(_ request: Identity.ListEmployeesRequest, context: ServerContext) async throws -> Identity.ListEmployeesResponse {
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        try Invalid.requireText(request.query, "query", max: 100, optional: true)
        let access = try Access.required()
        if request.unitID.isEmpty {
            guard access.hasRole(.admin) || access.hasRole(.auditor) || access.caller.user == nil && access.grantedByIdentity else {
                throw Invalid.field("unit_id", "is required (only admin and auditor may list every unit)", reason: "REQUIRED")
            }
        } else {
            let exists = try await store.read { db in try UnitRecords.find(request.unitID, in: db) != nil }
            guard exists else { throw RPCError(.notFound, "no unit \(request.unitID)") }
            try await access.require(.unit(id: request.unitID))
        }
        var conditions = ["1 = 1"]
        var arguments: StatementArguments = []
        let statuses = request.statuses.isEmpty ? [Identity.EmploymentStatus.aktif] : request.statuses
        conditions.append("e.status IN (\(statuses.map { _ in "?" }.joined(separator: ",")))")
        arguments += StatementArguments(statuses.map(\.rawValue))
        if request.jenisJabatan != .unspecified { conditions.append("e.jenis_jabatan = ?"); arguments += [request.jenisJabatan.rawValue] }
        if request.asnType != .unspecified { conditions.append("e.asn_type = ?"); arguments += [request.asnType.rawValue] }
        if !request.query.isEmpty {
            conditions.append("(instr(lower(e.full_name), lower(?)) > 0 OR substr(e.nip, 1, ?) = ?)")
            arguments += [request.query, request.query.count, request.query]
        }
        let unitID = request.unitID
        let subunits = request.includeSubunits
        let bound = arguments
        let condition = conditions.joined(separator: " AND ")
        return try await store.read { db in
            var where_ = condition
            var all = bound
            if !unitID.isEmpty {
                let units = subunits ? try UnitQueries.subtree(of: unitID, in: db) : [unitID]
                where_ += " AND e.unit_id IN (\(units.map { _ in "?" }.joined(separator: ",")))"
                all += StatementArguments(units)
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(EmployeeRecords.columns)
                FROM employee e JOIN unit u ON u.unit_id = e.unit_id
                WHERE \(where_) ORDER BY u.code, e.full_name, e.nip LIMIT ? OFFSET ?
                """, arguments: all + [size + 1, offset])
            let employees = rows.map { EmployeeRecords.employee($0) }
            return Identity.ListEmployeesResponse(employees: Array(employees.prefix(size)),
                                                  page: Paging.response(offset: offset, size: size, returned: min(employees.count, size),
                                                                        more: employees.count > size))
        }
    }

}
