import KinerjaASN
import KinerjaDemo
import Foundation
import GRDB
import KinerjaIdentity
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

@Suite("Bulk import of employees over a client stream", .serialized)
struct ImportServiceTests {
    func requests(_ rows: [Identity.EmployeeImportRow], options: Identity.ImportEmployeesOptions? = .init(sourceName: "test.csv")) -> [Identity.ImportEmployeesRequest] {
        (options.map { [Identity.ImportEmployeesRequest(item: .options($0))] } ?? []) + rows.map { Identity.ImportEmployeesRequest(item: .row($0)) }
    }

    @Test("valid rows are committed, invalid ones reported with reasons, and an atasan may come later in the file")
    func mixed() async throws {
        try await withIdentity { f in
            let hr = try await f.signIn("pengelola")
            let extra = KupangDemo(seed: IdentityFixture.seed).syntheticEmployees(count: 50, unitCodes: ["KPG.DUKCAPIL"], today: Wita.today(now: Date()))
            var rows = extra.enumerated().map { index, e in
                var row = e.importRow
                row.rowNumber = UInt32(index + 2)
                // Each row's atasan is the next row's employee (forward reference), the last has none.
                row.atasanNIP = index + 1 < extra.count ? extra[index + 1].employee.nip : ""
                return row
            }
            var invalid = rows[0]
            invalid.rowNumber = 100
            invalid.employee?.nip = "123"
            rows.append(invalid)
            var unknownUnit = rows[1]
            unknownUnit.rowNumber = 101
            unknownUnit.employee?.nip = "199005122015031004"
            unknownUnit.employee?.birthDate = Common.Date(year: 1990, month: 5, day: 12)
            unknownUnit.employee?.tmt = Common.Date(year: 2015, month: 3, day: 1)
            unknownUnit.employee?.sex = .male
            unknownUnit.employee?.unitID = ""
            unknownUnit.unitCode = "KPG.NOWHERE"
            rows.append(unknownUnit)
            let report = try await f.client.importEmployees(requests(rows), options: hr)
            #expect(report.totalRows == 52)
            #expect(report.acceptedRows == 50)
            #expect(report.rejectedRows == 2)
            #expect(report.results.filter { $0.outcome == .rejected }.map(\.rowNumber) == [100, 101])
            #expect(report.results.first { $0.rowNumber == 101 }?.reasons.first?.reason == "UNKNOWN_UNIT")
            let stored = try await f.store.pool.read { db in
                try String.fetchOne(db, sql: "SELECT atasan_nip FROM employee WHERE nip = ?", arguments: [extra[0].employee.nip])
            }
            #expect(stored == extra[1].employee.nip)
            // Importing the same file again changes nothing: every row is UNCHANGED.
            let again = try await f.client.importEmployees(requests(Array(rows.prefix(50))), options: hr)
            #expect(again.acceptedRows == 50 && again.results.isEmpty)
        }
    }

    @Test("a dry run reports without writing; options after a row, or twice, are INVALID_ARGUMENT")
    func dryRunAndOrder() async throws {
        try await withIdentity { f in
            let hr = try await f.signIn("pengelola")
            let rows = KupangDemo(seed: IdentityFixture.seed).syntheticEmployees(count: 5, unitCodes: ["KPG.BKPSDM"], today: Wita.today(now: Date())).map(\.importRow)
            let before = try await f.snapshot()
            let dry = try await f.client.importEmployees(requests(rows, options: .init(dryRun: true)), options: hr)
            #expect(dry.dryRun && dry.acceptedRows == 5)
            #expect(try await f.snapshot() == before)
            var late = requests(rows, options: nil)
            late.append(Identity.ImportEmployeesRequest(item: .options(.init())))
            #expect(await statusCode { try await f.client.importEmployees(late, options: hr) } == .invalidArgument)
            #expect(try await f.snapshot() == before)
        }
    }

    @Test("a pegawai cannot import; a loop in the supervisors is rejected per row")
    func refusals() async throws {
        try await withIdentity { f in
            let rows = KupangDemo(seed: IdentityFixture.seed).syntheticEmployees(count: 2, unitCodes: ["KPG.BKPSDM"], today: Wita.today(now: Date())).map(\.importRow)
            #expect(await statusCode { try await f.client.importEmployees(requests(rows), options: try await f.signIn("pegawai")) } == .permissionDenied)
            var loop = rows
            loop[0].atasanNIP = rows[1].employee?.nip ?? ""
            loop[1].atasanNIP = rows[0].employee?.nip ?? ""
            let report = try await f.client.importEmployees(requests(loop), options: try await f.signIn("pengelola"))
            #expect(report.rejectedRows == 2)
            #expect(report.results.allSatisfy { $0.reasons.first?.reason == "SUPERVISION_CYCLE" })
        }
    }
}
