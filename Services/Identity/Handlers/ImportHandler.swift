public import KinerjaProto
import Foundation
import GRDB
import KinerjaService
import KinerjaStore

extension IdentityHandlers {
    /// Most rows one import call may carry.
    static let maximumImportRows = 100_000

    public func importEmployees(_ requests: RPCAsyncSequence<Identity.ImportEmployeesRequest>,
                                context: ServerContext) async throws -> Identity.ImportEmployeesResponse {
        let access = try Access.required()
        if !access.hasRole(.admin) && !access.hasRole(.pengelolaKinerja) {
            throw await access.denial(target: "employees", "only pengelola kinerja and admin may import employees")
        }
        // An import holds every row until it commits; give the freed memory back when it is done.
        defer { FreedMemory.release() }
        var options = Identity.ImportEmployeesOptions()
        var rows: [Identity.EmployeeImportRow] = []
        var first = true
        for try await message in requests {
            switch message.item {
            case .options(let given):
                guard first else { throw Invalid.field("options", "must be the first message and appear once") }
                try Invalid.requireText(given.sourceName, "options.source_name", max: 200, optional: true)
                options = given
            case .row(let row):
                guard rows.count < Self.maximumImportRows else {
                    throw RPCError(.resourceExhausted, "an import carries at most \(Self.maximumImportRows) rows; split the file")
                }
                rows.append(row)
            case nil:
                throw Invalid.field("item", "each message must carry options or a row")
            }
            first = false
        }
        // The idempotency key covers the options and every row, byte for byte. A chunk applied
        // before is answered from its record at once, marked replayed, without validating it again.
        var requestBytes = try options.serializedBytes()
        for row in rows { requestBytes += try row.serializedBytes() }
        if !options.dryRun, var recorded = try await recordedResponse(context, bytes: requestBytes, as: Identity.ImportEmployeesResponse.self) {
            recorded.replayed = true
            return recorded
        }
        let plan = try await planImport(rows, options: options, access: access)
        let (allRows, chosen) = (rows, options)
        if options.dryRun {
            return plan.report(dryRun: true)
        }
        return try await write(context, bytes: requestBytes) { [self] db, actor in
            try plan.apply(actor: actor, in: db)
            try audit(db, context, actor, target: "employees",
                      detail: "import \(chosen.sourceName): \(plan.accepted) accepted, \(plan.rejected) rejected of \(allRows.count)")
            return plan.report(dryRun: false)
        }
    }

    /// Validates every row (fields, unit, scope, duplicates, atasan, loops) without writing.
    private func planImport(_ rows: [Identity.EmployeeImportRow], options: Identity.ImportEmployeesOptions,
                            access: Access) async throws -> ImportPlan {
        let today = today
        let (units, existing, existingAtasan) = try await store.read { db -> ([String: Identity.Unit], [String: Identity.Employee], [String: String]) in
            var units: [String: Identity.Unit] = [:]
            for unit in try UnitRecords.all(in: db) { units[unit.unitID] = unit; units["code:" + unit.code] = unit }
            let existing = try EmployeeRecords.find(rows.compactMap { $0.employee?.nip }, in: db)
            var atasan: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT nip, atasan_nip FROM employee WHERE atasan_nip IS NOT NULL") {
                atasan[row["nip"]] = row["atasan_nip"]
            }
            return (units, existing, atasan)
        }
        var plan = ImportPlan(updateExisting: options.updateExisting)
        var scopeAllowed: [String: Bool] = [:]
        var seen = Set<String>()
        for row in rows {
            var result = Identity.ImportRowResult(rowNumber: row.rowNumber, nip: row.employee?.nip ?? "")
            func reject(_ code: RPCError.Code, _ reasons: [Common.FieldViolation]) {
                result.outcome = .rejected
                result.statusCode = UInt32(code.rawValue)
                result.reasons = reasons
                plan.results.append(result)
            }
            guard var employee = row.employee.map(Self.cleaned) else {
                reject(.invalidArgument, [Common.FieldViolation(field: "employee", description: "is required", reason: "REQUIRED")]); continue
            }
            if employee.unitID.isEmpty, !row.unitCode.isEmpty, let unit = units["code:" + row.unitCode] { employee.unitID = unit.unitID }
            var violations = EmployeeRules.violations(employee, today: today)
            if employee.unitID.isEmpty && !row.unitCode.isEmpty {
                violations.removeAll { $0.field == "employee.unit_id" }
                violations.append(Common.FieldViolation(field: "unit_code", description: "no unit with code \(row.unitCode)", reason: "UNKNOWN_UNIT"))
            } else if !employee.unitID.isEmpty, units[employee.unitID] == nil {
                violations.append(Common.FieldViolation(field: "employee.unit_id", description: "no unit \(employee.unitID)", reason: "UNKNOWN_UNIT"))
            } else if let unit = units[employee.unitID], !unit.active {
                violations.append(Common.FieldViolation(field: "employee.unit_id", description: "unit \(unit.code) is inactive", reason: "INACTIVE_UNIT"))
            }
            if !row.atasanNIP.isEmpty && (row.atasanNIP.count != 18 || !row.atasanNIP.allSatisfy(\.isASCII) || !row.atasanNIP.allSatisfy(\.isNumber)) {
                violations.append(Common.FieldViolation(field: "atasan_nip", description: "must be 18 digits", reason: "NIP_FORMAT"))
            }
            if !violations.isEmpty { reject(.invalidArgument, violations); continue }
            if !seen.insert(employee.nip).inserted {
                reject(.alreadyExists, [Common.FieldViolation(field: "employee.nip", description: "appears twice in this import", reason: "DUPLICATE_ROW")]); continue
            }
            if scopeAllowed[employee.unitID] == nil { scopeAllowed[employee.unitID] = try await access.allows(.unit(id: employee.unitID)) }
            if scopeAllowed[employee.unitID] != true {
                reject(.permissionDenied, [Common.FieldViolation(field: "employee.unit_id", description: "unit is outside your scope", reason: "OUT_OF_SCOPE")]); continue
            }
            if let stored = existing[employee.nip] {
                // Compare what the row can set; output-only fields come from the stored record.
                var comparable = employee
                comparable.atasanNIP = stored.atasanNIP
                comparable.unitHead = stored.unitHead
                comparable.created = stored.created
                comparable.updated = stored.updated
                comparable.revision = stored.revision
                // TMT jabatan changes with a transfer (UpdateEmployee), not with a re-import.
                if comparable.tmtJabatan == nil { comparable.tmtJabatan = stored.tmtJabatan }
                let same = comparable == stored && (row.atasanNIP.isEmpty || row.atasanNIP == stored.atasanNIP)
                if same {
                    result.outcome = .unchanged
                } else if options.updateExisting {
                    result.outcome = .updated
                } else {
                    reject(.alreadyExists, [Common.FieldViolation(field: "employee.nip", description: "an employee with this NIP exists (use update_existing)", reason: "EXISTS")]); continue
                }
            } else {
                result.outcome = .created
            }
            plan.results.append(result)
            plan.accepted += 1
            plan.rows.append((employee, row.atasanNIP, result.outcome))
        }
        plan.rejected = plan.results.filter { $0.outcome == .rejected }.count
        try await plan.checkAtasan(existingAtasan: existingAtasan, known: Set(existing.keys), store: store)
        return plan
    }
}

/// What an import will do: the accepted rows and the result of every row.
struct ImportPlan: Sendable {
    var updateExisting: Bool
    var rows: [(employee: Identity.Employee, atasan: String, outcome: Identity.ImportRowOutcome)] = []
    var results: [Identity.ImportRowResult] = []
    var accepted = 0
    var rejected = 0

    /// Rejects rows whose atasan is unknown or would close a supervision loop.
    mutating func checkAtasan(existingAtasan: [String: String], known: Set<String>, store: Store) async throws {
        let importing = Set(rows.map(\.employee.nip))
        var atasanOf = existingAtasan
        for row in rows where !row.atasan.isEmpty { atasanOf[row.employee.nip] = row.atasan }
        let referenced = Set(rows.map(\.atasan)).subtracting([""]).subtracting(importing)
        let existingAtasanNIPs = try await store.read { db in
            Set(try EmployeeRecords.find(Array(referenced), in: db).values.filter { $0.status == .aktif }.map(\.nip))
        }
        var bad: [String: Common.FieldViolation] = [:]
        for row in rows where !row.atasan.isEmpty {
            let nip = row.employee.nip
            if !importing.contains(row.atasan) && !existingAtasanNIPs.contains(row.atasan) {
                bad[nip] = Common.FieldViolation(field: "atasan_nip", description: "no active employee \(row.atasan)", reason: "UNKNOWN_ATASAN")
                continue
            }
            var current = row.atasan
            var steps = 0
            while steps < 100, let next = Optional(current), next != nip {
                guard let up = atasanOf[next] else { break }
                current = up
                steps += 1
            }
            if current == nip || steps >= 100 {
                bad[nip] = Common.FieldViolation(field: "atasan_nip", description: "\(row.atasan) would close a supervision loop", reason: "SUPERVISION_CYCLE")
            }
        }
        guard !bad.isEmpty else { return }
        rows.removeAll { bad[$0.employee.nip] != nil }
        for index in results.indices {
            if let violation = bad[results[index].nip], results[index].outcome != .rejected {
                results[index].outcome = .rejected
                results[index].statusCode = UInt32(RPCError.Code.invalidArgument.rawValue)
                results[index].reasons = [violation]
            }
        }
        accepted = rows.count
        rejected = results.filter { $0.outcome == .rejected }.count
    }

    /// Writes the accepted rows: employees first, then supervisors (an atasan may come later in the file).
    func apply(actor: Actor, in db: Database) throws {
        for row in rows {
            switch row.outcome {
            case .created:
                try EmployeeRecords.insert(row.employee, atasan: nil, actor: actor, in: db)
                try RoleRecords.insertAccount(nip: row.employee.nip, actor: actor, in: db)
            case .updated:
                try EmployeeRecords.update(row.employee, actor: actor, in: db)
            default:
                break
            }
        }
        let update = try db.cachedStatement(sql: "UPDATE employee SET atasan_nip = ? WHERE nip = ? AND atasan_nip IS NOT ?")
        for row in rows where !row.atasan.isEmpty {
            try update.execute(arguments: [row.atasan, row.employee.nip, row.atasan])
        }
    }

    /// The report: totals and every row that was not UNCHANGED.
    func report(dryRun: Bool) -> Identity.ImportEmployeesResponse {
        Identity.ImportEmployeesResponse(totalRows: UInt32(results.count), acceptedRows: UInt32(accepted), rejectedRows: UInt32(rejected),
                                         results: results.filter { $0.outcome != .unchanged }, dryRun: dryRun)
    }
}
