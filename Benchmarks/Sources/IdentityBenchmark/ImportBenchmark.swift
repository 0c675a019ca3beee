import BenchSupport
import Foundation
import GRDB
import KinerjaASN
import KinerjaDemo
import KinerjaIdentity
import KinerjaProto
import KinerjaRPC
import KinerjaStore

/// Bulk import: `KupangDemo(seed: 2026).syntheticEmployees` over the protocol (one
/// ImportEmployees stream, and chunks of 1000 as kinerjactl sends them), against inserting the
/// same rows with GRDB directly into a fresh store with the same schema, in one transaction.
///
/// Every protocol run gets a fresh kinerja-identity (an import of the same NIPs twice would
/// only find them unchanged); the time runs from the first message to the report.
enum ImportBenchmark {
    static let unitCodes = ["KPG.DUKCAPIL", "KPG.DINKES", "KPG.KEC.OEBOBO"]

    static func run(_ options: Options) async throws -> (figures: [Figure], notes: [String]) {
        let rows = KupangDemo(seed: IdentityServer.seed)
            .syntheticEmployees(count: options.importRows, unitCodes: unitCodes, today: Wita.today(now: Date()))
        let importRows = rows.enumerated().map { index, row in
            var r = row.importRow
            r.rowNumber = UInt32(index + 2)  // as in a CSV file with a header line
            return r
        }
        let wireBytes = try importRows.reduce(0) { $0 + (try Identity.ImportEmployeesRequest(item: .row($1)).serializedBytes().count) }
        log("==> import: \(rows.count) synthetic employees (\(wireBytes / rows.count) B per row message), \(options.repeats) × (one stream, chunks of \(options.chunkRows), GRDB direct)")

        var stream: [Double] = [], chunked: [Double] = [], direct: [Double] = [], directUncached: [Double] = []
        var serverCPU: [Double] = []
        for repeatIndex in 0..<options.repeats {
            let (streamRate, cpu, template) = try await overProtocol(options, importRows, chunk: nil)
            stream.append(streamRate)
            serverCPU.append(cpu)
            let (chunkRate, _, chunkTemplate) = try await overProtocol(options, importRows, chunk: options.chunkRows)
            try? FileManager.default.removeItem(atPath: chunkTemplate)
            chunked.append(chunkRate)
            direct.append(try directInsert(rows, template: template, keep: options.keep))
            directUncached.append(try directInsert(rows, template: template, keep: options.keep, prepared: false))
            try? FileManager.default.removeItem(atPath: template)
            log("  run \(repeatIndex + 1)/\(options.repeats): one stream \(Table.number(stream.last)) rows/s, "
                + "chunks \(Table.number(chunked.last)) rows/s, GRDB direct \(Table.number(direct.last)) rows/s "
                + "(\(Table.number(directUncached.last)) with execute(sql:) per row)")
        }
        let figures = [
            Figure(key: "import_stream", label: "ImportEmployees, one stream of \(rows.count)", unit: "rows/s",
                   ours: stream, peerName: "GRDB direct", peer: direct, goal: .ratioAtLeast(0.5),
                   extra: [("server_cpu_us_per_row", median(serverCPU)), ("grdb_execute_sql_per_row_rows_per_s", median(directUncached))]),
            Figure(key: "import_chunks", label: "ImportEmployees, \(rows.count / options.chunkRows) calls of \(options.chunkRows)", unit: "rows/s",
                   ours: chunked, peerName: "GRDB direct", peer: direct, goal: .ratioAtLeast(0.5)),
        ]
        let notes = ["import: \(rows.count) rows into \(unitCodes.joined(separator: ", ")) (atasan = first row of the unit); the service validates every row, plans, then writes employee + account rows, atasan updates, an audit entry and an idempotency record in one transaction; GRDB direct = employee + account INSERTs (atasan in the INSERT) with two prepared statements in one transaction, same schema, WAL, synchronous=FULL, foreign keys on"]
        return (figures, notes)
    }

    /// Imports into a fresh service; returns rows/s, the service's CPU µs per row, and a copy of
    /// its store taken before the import (the template of the direct run).
    static func overProtocol(_ options: Options, _ rows: [Identity.EmployeeImportRow], chunk: Int?) async throws -> (Double, Double, String) {
        let identity = try await IdentityServer.start(options, name: chunk == nil ? "identity-import" : "identity-import-chunks")
        do {
            let client = try identity.client(options)
            let token = try await identity.signIn("pengelola", with: client)
            let templatePath = NSTemporaryDirectory() + "kinerja-import-template-\(UUID().uuidString.prefix(8)).sqlite"
            // A consistent copy of the bootstrapped store (schema, units, the demo organisation).
            let source = try DatabaseQueue(path: identity.databasePath, configuration: { var c = Configuration(); c.readonly = true; return c }())
            try source.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [templatePath]) }
            try source.close()

            let identityClient = Identity.IdentityService.Client(transport: client)
            let parts = chunk.map { size in stride(from: 0, to: rows.count, by: size).map { Array(rows[$0..<min($0 + size, rows.count)]) } } ?? [rows]
            var settings = Identity.ImportEmployeesOptions()
            settings.sourceName = "identity-benchmark.csv"
            let importOptions = settings
            let cpu0 = identity.child.cpuSeconds() ?? 0
            let start = monotonicNanoseconds()
            var accepted = 0
            for part in parts {
                let call = Peers.bearer(token, idempotencyKey: "bench-\(UUID().uuidString)", timeout: .seconds(600))
                let report = try await identityClient.importEmployees(options: call) { writer in
                    try await writer.write(Identity.ImportEmployeesRequest(item: .options(importOptions)))
                    for row in part { try await writer.write(Identity.ImportEmployeesRequest(item: .row(row))) }
                }
                guard report.rejectedRows == 0 else {
                    throw BenchFailure("import rejected \(report.rejectedRows) rows: \(report.results.first.map { "\($0.reasons)" } ?? "")")
                }
                accepted += Int(report.acceptedRows)
            }
            let seconds = Double(monotonicNanoseconds() - start) / 1e9
            let cpu = (identity.child.cpuSeconds() ?? 0) - cpu0
            guard accepted == rows.count else { throw BenchFailure("import accepted \(accepted) of \(rows.count) rows") }
            await client.close()
            await identity.stop(keep: options.keep)
            return (Double(rows.count) / seconds, cpu / Double(rows.count) * 1e6, templatePath)
        } catch {
            await identity.stop(keep: true)
            log("identity log kept in \(identity.directory)")
            throw error
        }
    }

    /// The same rows with GRDB directly: a fresh store (Store: WAL, synchronous=FULL, foreign keys)
    /// with IdentitySchema.migrations and the demo organisation copied from `template` (untimed),
    /// then one transaction of prepared INSERTs (timed). Returns rows/s.
    static func directInsert(_ rows: [DemoEmployee], template: String, keep: Bool, prepared: Bool = true) throws -> Double {
        let directory = NSTemporaryDirectory() + "kinerja-import-direct-\(UUID().uuidString.prefix(8))"
        defer { if !keep { try? FileManager.default.removeItem(atPath: directory) } }
        // The identity schema from the service's own migrations.
        let store = try Store(configuration: StoreConfiguration(path: "\(directory)/identity.sqlite"), migrations: IdentitySchema.migrations)
        defer { try? store.close() }
        try store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS template", arguments: [template])
            try db.inTransaction {
                for table in ["unit", "tree_state", "employee", "account", "role_grant", "supervisor_assignment", "signing_key"] {
                    try db.execute(sql: "DELETE FROM main.\(table)")
                    try db.execute(sql: "INSERT INTO main.\(table) SELECT * FROM template.\(table)")
                }
                return .commit
            }
            try db.execute(sql: "DETACH DATABASE template")
        }
        let units = try store.pool.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT code, unit_id FROM unit").map { ($0["code"] as String, $0["unit_id"] as String) })
        }
        let now = Int64(Date().timeIntervalSince1970)
        let start = monotonicNanoseconds()
        try store.pool.write { db in
            let employeeSQL = """
                INSERT INTO employee (nip, full_name, gelar_depan, gelar_belakang, asn_type, jenis_jabatan, jabatan_name, golongan,
                                      unit_id, atasan_nip, birth_date, sex, tmt, status, email, phone,
                                      created_by, created_kind, created_at, updated_by, updated_kind, updated_at, revision)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """
            let accountSQL = """
                INSERT INTO account (nip, state, must_change_password, failed_login_count, disabled_reason,
                                     updated_by, updated_kind, updated_at)
                VALUES (?, ?, 0, 0, '', ?, ?, ?)
                """
            let employee = try db.makeStatement(sql: employeeSQL)
            let account = try db.makeStatement(sql: accountSQL)
            let principal = "198703152010012003"
            let kind = Common.PrincipalKind.user.rawValue
            for row in rows {
                let e = row.employee
                let values: [(any DatabaseValueConvertible)?] = [
                    e.nip, e.fullName, e.gelarDepan, e.gelarBelakang, e.asnType.rawValue, e.jenisJabatan.rawValue, e.jabatanName,
                    e.golongan, units[row.unitCode], row.atasanNIP, text(e.birthDate), e.sex.rawValue, text(e.tmt),
                    e.status.rawValue, e.email, e.phone, principal, kind, now, principal, kind, now,
                ]
                let accountValues: StatementArguments = [e.nip, Identity.AccountState.pendingActivation.rawValue, principal, kind, now]
                if prepared {
                    try employee.execute(arguments: StatementArguments(values))
                    try account.execute(arguments: accountValues)
                } else {
                    // As ImportPlan.apply does: db.execute(sql:) compiles both statements for every row.
                    try db.execute(sql: employeeSQL, arguments: StatementArguments(values))
                    try db.execute(sql: accountSQL, arguments: accountValues)
                }
            }
        }
        let seconds = Double(monotonicNanoseconds() - start) / 1e9
        let count = try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM employee WHERE nip IN (SELECT value FROM json_each(?))",
                             arguments: ["[" + rows.map { "\"\($0.employee.nip)\"" }.joined(separator: ",") + "]"]) ?? 0
        }
        guard count == rows.count else { throw BenchFailure("GRDB direct: \(count) of \(rows.count) rows stored") }
        return Double(rows.count) / seconds
    }

    /// `YYYY-MM-DD`, the identity store's date text.
    static func text(_ date: Common.Date?) -> String? {
        guard let date else { return nil }
        return String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
    }
}
