import Foundation
import GRDB
import KinerjaIdentity
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// A valid new PNS employee for unit `unitID` (born 12 May 1990, appointed March 2015, male).
func newEmployee(unitID: String, nip: String = "199005122015031004") -> Identity.Employee {
    Identity.Employee(nip: nip, fullName: "Yohanes Tallo", asnType: .pns, jenisJabatan: .pelaksana,
                      jabatanName: "Pengadministrasi Kependudukan", golongan: "II/c", unitID: unitID,
                      birthDate: Common.Date(year: 1990, month: 5, day: 12), sex: .male,
                      tmt: Common.Date(year: 2015, month: 3, day: 1), status: .aktif, email: "yohanes.tallo@kupangkota.go.id")
}

@Suite("Employees over mutual TLS", .serialized)
struct EmployeeServiceTests {
    @Test("pengelola kinerja creates an employee with an account pending activation; each way of being invalid is INVALID_ARGUMENT and changes nothing")
    func create() async throws {
        try await withIdentity { f in
            let hr = try await f.signIn("pengelola")
            let unit = try await f.unitID("KPG.DUKCAPIL")
            let atasan = try f.nip("atasan")
            let created = try await f.client.createEmployee(Identity.CreateEmployeeRequest(employee: newEmployee(unitID: unit), atasanNIP: atasan), options: hr)
            #expect(created.employee?.atasanNIP == atasan)
            #expect(created.account?.state == .pendingActivation)

            let pegawai = try await f.signIn("pegawai")
            let before = try await f.snapshot()
            #expect(await statusCode { try await f.client.createEmployee(Identity.CreateEmployeeRequest(employee: newEmployee(unitID: unit)), options: hr) } == .alreadyExists)
            for bad in ["19900512201503100", "199005122015031004x", "199002302015031004", "199005122005031004", "199005122099031004",
                        "199005122015033004", "199005122015031000"] {
                var e = newEmployee(unitID: unit, nip: bad)
                e.birthDate = Common.Date(year: 1990, month: 5, day: 12)
                #expect(await statusCode { try await f.client.createEmployee(Identity.CreateEmployeeRequest(employee: e), options: hr) } == .invalidArgument,
                        "NIP \(bad) was accepted")
            }
            var mismatch = newEmployee(unitID: unit, nip: "199005122015031005")
            mismatch.birthDate = Common.Date(year: 1991, month: 5, day: 12)
            #expect(await statusCode { try await f.client.createEmployee(Identity.CreateEmployeeRequest(employee: mismatch), options: hr) } == .invalidArgument)
            #expect(await statusCode {
                try await f.client.createEmployee(Identity.CreateEmployeeRequest(employee: newEmployee(unitID: "01NOSUCHUNIT", nip: "199005122015031006")), options: hr)
            } == .notFound)
            #expect(await statusCode {
                try await f.client.createEmployee(Identity.CreateEmployeeRequest(employee: newEmployee(unitID: unit, nip: "199005122015031007"), atasanNIP: "199001012015031999"), options: hr)
            } == .notFound)
            #expect(await statusCode {
                try await f.client.createEmployee(Identity.CreateEmployeeRequest(employee: newEmployee(unitID: unit, nip: "199005122015031008")), options: pegawai)
            } == .permissionDenied)
            #expect(try await f.snapshot() == before)
            let denied = try await f.auditEvents(action: Identity.IdentityService.Method.createEmployee.path).filter { $0.outcome == .denied }
            #expect(!denied.isEmpty)
        }
    }

    @Test("an employee may change only their own e-mail and phone; HR changes the rest; a stale revision is ABORTED")
    func update() async throws {
        try await withIdentity { f in
            let nip = try f.nip("pegawai")
            let me = try await f.signIn("pegawai")
            let mask = Common.FieldMask(paths: ["phone"])
            let updated = try await f.client.updateEmployee(Identity.UpdateEmployeeRequest(employee: Identity.Employee(nip: nip, phone: "+6281234567890"), updateMask: mask), options: me)
            #expect(updated.employee?.phone == "+6281234567890")
            #expect(await statusCode {
                try await f.client.updateEmployee(Identity.UpdateEmployeeRequest(employee: Identity.Employee(nip: nip, golongan: "IV/e"), updateMask: Common.FieldMask(paths: ["golongan"])), options: me)
            } == .permissionDenied)
            #expect(await statusCode {
                try await f.client.updateEmployee(Identity.UpdateEmployeeRequest(employee: Identity.Employee(nip: nip, phone: "0812"), updateMask: mask), options: me)
            } == .invalidArgument)
            #expect(await statusCode {
                try await f.client.updateEmployee(Identity.UpdateEmployeeRequest(employee: Identity.Employee(nip: nip), updateMask: Common.FieldMask(paths: ["nip"])), options: me)
            } == .invalidArgument)
            let hr = try await f.signIn("pengelola")
            let revision = try #require(updated.employee?.revision)
            let promoted = try await f.client.updateEmployee(Identity.UpdateEmployeeRequest(
                employee: Identity.Employee(nip: nip, golongan: "III/b"), updateMask: Common.FieldMask(paths: ["golongan"]), expectedRevision: revision), options: hr)
            #expect(promoted.employee?.golongan == "III/b")
            #expect(await statusCode {
                try await f.client.updateEmployee(Identity.UpdateEmployeeRequest(
                    employee: Identity.Employee(nip: nip, golongan: "III/c"), updateMask: Common.FieldMask(paths: ["golongan"]), expectedRevision: revision), options: hr)
            } == .aborted)
            #expect(await statusCode {
                try await f.client.updateEmployee(Identity.UpdateEmployeeRequest(employee: Identity.Employee(nip: "199001012015031999", golongan: "III/c"),
                                                                                 updateMask: Common.FieldMask(paths: ["golongan"])), options: hr)
            } == .notFound)
        }
    }

    @Test("who may read an employee: self, atasan, HR in scope, services and the HR portal; others get PERMISSION_DENIED (audited)")
    func visibility() async throws {
        try await withIdentity { f in
            let pegawai = try f.nip("pegawai")
            _ = try await f.client.getEmployee(Identity.GetEmployeeRequest(nip: pegawai), options: try await f.signIn("pegawai"))
            let viaAtasan = try await f.client.getEmployee(Identity.GetEmployeeRequest(nip: pegawai), options: try await f.signIn("atasan"))
            #expect(viaAtasan.atasan?.nip == (try f.nip("atasan")))
            _ = try await f.client.getEmployee(Identity.GetEmployeeRequest(nip: pegawai), options: try await f.signIn("pengelola"))
            _ = try await f.planningService.getEmployee(Identity.GetEmployeeRequest(nip: pegawai))
            _ = try await f.hrPortal.getEmployee(Identity.GetEmployeeRequest(nip: pegawai))
            // The operator certificate alone (no user) is not a reader.
            #expect(await statusCode { try await f.client.getEmployee(Identity.GetEmployeeRequest(nip: pegawai)) } == .unauthenticated)
            // The auditor's atasan chain does not include the pegawai, and their scope is the whole tree: allowed.
            // A pegawai reading their atasan's peer in another unit is not.
            let stranger = try #require(f.organisation.employees.first { $0.unitCode.hasPrefix("KPG.DINKES") }?.employee.nip)
            let me = try await f.signIn("pegawai")
            #expect(await statusCode { try await f.client.getEmployee(Identity.GetEmployeeRequest(nip: stranger), options: me) } == .permissionDenied)
            #expect(await statusCode { try await f.client.getEmployee(Identity.GetEmployeeRequest(nip: "199001012015031999"), options: me) } == .notFound)
            #expect(await statusCode { try await f.client.getEmployee(Identity.GetEmployeeRequest(nip: "42"), options: me) } == .invalidArgument)
            // The non-ASN Wali Kota is read by their NONASN. identifier (their own record, and by HR).
            let walikota = try f.nip("walikota")
            let own = try await f.client.getEmployee(Identity.GetEmployeeRequest(nip: walikota), options: try await f.signIn("walikota"))
            #expect(own.employee?.nip == walikota)
            #expect(await statusCode { try await f.client.getEmployee(Identity.GetEmployeeRequest(nip: "NONASN."), options: me) } == .invalidArgument)
            let batch = try await f.client.batchGetEmployees(Identity.BatchGetEmployeesRequest(nips: [pegawai, stranger, "199001012015031999"]), options: me)
            #expect(batch.employees.map(\.nip) == [pegawai])
            #expect(batch.notFoundNIPs == [stranger, "199001012015031999"])
            // A unit's members include the non-ASN Kepala Daerah: the batch takes their identifier (hidden from a pegawai), not a malformed one.
            let withKepalaDaerah = try await f.client.batchGetEmployees(Identity.BatchGetEmployeesRequest(nips: [pegawai, "NONASN.WALIKOTA.KUPANG"]), options: me)
            #expect(withKepalaDaerah.employees.map(\.nip) == [pegawai])
            #expect(withKepalaDaerah.notFoundNIPs == ["NONASN.WALIKOTA.KUPANG"])
            #expect(await statusCode { try await f.client.batchGetEmployees(Identity.BatchGetEmployeesRequest(nips: [pegawai, "42"]), options: me) } == .invalidArgument)
            #expect(await statusCode { try await f.client.batchGetEmployees(Identity.BatchGetEmployeesRequest(nips: []), options: me) } == .invalidArgument)
            #expect(await statusCode {
                try await f.client.batchGetEmployees(Identity.BatchGetEmployeesRequest(nips: Array(repeating: pegawai, count: 501)), options: me)
            } == .invalidArgument)
            let denials = try await f.auditEvents(action: Identity.IdentityService.Method.getEmployee.path).filter { $0.outcome == .denied }
            #expect(denials.contains { $0.target == stranger })
        }
    }

    @Test("listing a unit: a pegawai sees their own unit only; HR lists subtrees page by page")
    func list() async throws {
        try await withIdentity { f in
            let me = try await f.signIn("pegawai")
            let myUnit = try #require(try await f.client.whoAmI(Identity.WhoAmIRequest(), options: me).employee?.unitID)
            let mine = try await f.client.listEmployees(Identity.ListEmployeesRequest(unitID: myUnit), options: me)
            #expect(mine.employees.contains { $0.nip == (try? f.nip("pegawai")) })
            let dinkes = try await f.unitID("KPG.DINKES")
            #expect(await statusCode { try await f.client.listEmployees(Identity.ListEmployeesRequest(unitID: dinkes), options: me) } == .permissionDenied)
            #expect(await statusCode { try await f.client.listEmployees(Identity.ListEmployeesRequest(), options: me) } == .invalidArgument)
            let hr = try await f.signIn("pengelola")
            let root = try await f.unitID("KPG")
            var all: [String] = []
            var cursor = ""
            repeat {
                let page = try await f.client.listEmployees(Identity.ListEmployeesRequest(unitID: root, includeSubunits: true,
                                                                                          page: Common.PageRequest(pageSize: 200, cursor: cursor)), options: hr)
                all += page.employees.map(\.nip)
                cursor = page.page?.nextCursor ?? ""
            } while !cursor.isEmpty
            let active = f.organisation.employees.filter { $0.employee.status == .aktif }.count
            #expect(all.count == active)
            #expect(Set(all).count == all.count)
            let byName = try await f.client.listEmployees(Identity.ListEmployeesRequest(unitID: root, includeSubunits: true, query: "amalo"), options: hr)
            #expect(byName.employees.allSatisfy { $0.fullName.lowercased().contains("amalo") })
            #expect(await statusCode { try await f.client.listEmployees(Identity.ListEmployeesRequest(unitID: "01NOSUCHUNIT"), options: hr) } == .notFound)
        }
    }
}
