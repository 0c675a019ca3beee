import KinerjaProto
import Testing
@testable import kinerjactl

/// `employees update` changes exactly the fields given on the command line.
@Suite("Update mask")
struct EmployeeUpdateMaskTests {
    static let nip = "199001012015031001"

    private func request(_ arguments: [String], unitID: String? = nil) throws -> Identity.UpdateEmployeeRequest {
        try Kinerjactl.Employees.Update.parseChecked([Self.nip] + arguments).request(unitID: unitID)
    }

    @Test("the mask lists exactly the given options, by their contract field names")
    func exactMask() throws {
        let request = try request(["--jabatan", "Analis Kependudukan", "--golongan", "III/b"])
        #expect(request.updateMask?.paths == ["jabatan_name", "golongan"])
        #expect(request.employee?.nip == Self.nip)
        #expect(request.employee?.jabatanName == "Analis Kependudukan")
        #expect(request.employee?.golongan == "III/b")
        #expect(request.employee?.fullName == "")
        #expect(request.expectedRevision == 0)
    }

    @Test("an empty value clears a field and is still in the mask")
    func clearing() throws {
        let request = try request(["--email", ""])
        #expect(request.updateMask?.paths == ["email"])
        #expect(request.employee?.email == "")
    }

    @Test("enums and dates are parsed from their short spellings")
    func enumsAndDates() throws {
        let request = try request(["--status", "tugas-belajar", "--asn-type", "PPPK", "--sex", "female",
                                   "--tmt", "2015-03-01", "--jenis-jabatan", "fungsional"])
        #expect(request.updateMask?.paths == ["asn_type", "jenis_jabatan", "sex", "tmt", "status"])
        #expect(request.employee?.status == .tugasBelajar)
        #expect(request.employee?.asnType == .pppk)
        #expect(request.employee?.sex == .female)
        #expect(request.employee?.jenisJabatan == .fungsional)
        #expect(request.employee?.tmt == Common.Date(year: 2015, month: 3, day: 1))
    }

    @Test("a unit given by id or code becomes unit_id; the expected revision is passed on")
    func unitAndRevision() throws {
        let request = try request(["--unit-code", "KPG.DUKCAPIL", "--expected-revision", "7"], unitID: "01HVUNIT")
        #expect(request.updateMask?.paths == ["unit_id"])
        #expect(request.employee?.unitID == "01HVUNIT")
        #expect(request.expectedRevision == 7)
    }

    @Test("every field option maps to its path, in the contract's order")
    func everyField() throws {
        let request = try request([
            "--name", "N", "--gelar-depan", "dr.", "--gelar-belakang", "S.Kom.", "--asn-type", "pns",
            "--jenis-jabatan", "pelaksana", "--jabatan", "J", "--golongan", "II/a", "--unit", "U",
            "--birth-date", "1990-01-01", "--sex", "male", "--tmt", "2015-03-01", "--status", "aktif",
            "--email", "a@kupangkota.go.id", "--phone", "+6281234567890",
        ], unitID: "U")
        #expect(request.updateMask?.paths == ["full_name", "gelar_depan", "gelar_belakang", "asn_type", "jenis_jabatan",
                                              "jabatan_name", "golongan", "unit_id", "birth_date", "sex", "tmt", "status",
                                              "email", "phone"])
    }

    @Test("values that do not parse are refused by the parser")
    func badValues() {
        #expect(throws: (any Error).self) { try Kinerjactl.Employees.Update.parseChecked([Self.nip, "--status", "retired"]) }
        #expect(throws: (any Error).self) { try Kinerjactl.Employees.Update.parseChecked([Self.nip, "--tmt", "2015-02-30"]) }
        #expect(throws: (any Error).self) { try Kinerjactl.Employees.Update.parseChecked([Self.nip, "--sex", "unspecified"]) }
    }

    @Test("create lists the options the service requires, in validate()")
    func createRequires() throws {
        let error = Kinerjactl.Employees.Create.invalid(["--nip", Self.nip, "--name", "N"])
        #expect(error?.message == "missing --asn-type, --jenis-jabatan, --jabatan, --birth-date, --unit or --unit-code")
        #expect(error?.code.exitStatus == 64)
    }
}
