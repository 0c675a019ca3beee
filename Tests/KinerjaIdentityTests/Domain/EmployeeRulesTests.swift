import KinerjaIdentity
import KinerjaProto
import Testing

@Suite("Employee rules")
struct EmployeeRulesTests {
    static let today = Common.Date(year: 2026, month: 6, day: 15)

    static func valid() -> Identity.Employee {
        Identity.Employee(
            nip: "198507122010011001", fullName: "Yohanes Ndun", gelarDepan: "", gelarBelakang: "S.Kom., M.T.",
            asnType: .pns, jenisJabatan: .fungsional, jabatanName: "Pranata Komputer Ahli Muda", golongan: "III/c",
            birthDate: .init(year: 1985, month: 7, day: 12), sex: .male, tmt: .init(year: 2010, month: 1, day: 1),
            status: .aktif, email: "yohanes.ndun@kupangkota.go.id", phone: "+6281234567890")
    }

    func reasons(_ change: (inout Identity.Employee) -> Void) -> [String] {
        var e = Self.valid()
        change(&e)
        return EmployeeRules.violations(e, today: Self.today).map(\.reason)
    }

    @Test("a complete, consistent employee has no violations")
    func valid() {
        #expect(EmployeeRules.violations(Self.valid(), today: Self.today).isEmpty)
        var minimal = Self.valid()
        minimal.gelarBelakang = ""; minimal.golongan = ""; minimal.email = ""; minimal.phone = ""; minimal.tmt = nil
        #expect(EmployeeRules.violations(minimal, today: Self.today).isEmpty)
    }

    @Test("nip: validated by the NIP rules for the employee's ASN type, reported at employee.nip")
    func nip() {
        var e = Self.valid()
        e.nip = "19850712201001100"
        let v = EmployeeRules.violations(e, today: Self.today)
        #expect(v.map(\.reason) == ["NIP_WRONG_LENGTH"])
        #expect(v.first?.field == "employee.nip")
        #expect(v.first?.description == "NIP must be 18 digits, got 17")
        // A PNS sex digit of 3 is refused; the same digits pass as PPPK with a matching birth date.
        #expect(reasons { $0.nip = "198507122010013001" } == ["NIP_BAD_SEX_DIGIT"])
        #expect(reasons { $0.nip = "198507122010013001"; $0.asnType = .pppk } == [])
    }

    @Test("nip: its format is still checked when the ASN type is missing")
    func nipWithoutType() {
        #expect(Set(reasons { $0.asnType = .unspecified; $0.nip = "1985" }) == ["NIP_WRONG_LENGTH", "ASN_TYPE_REQUIRED"])
    }

    @Test("nip: birth_date, tmt and sex must agree with the NIP")
    func consistency() {
        #expect(reasons { $0.birthDate = .init(year: 1985, month: 7, day: 11) } == ["NIP_BIRTH_DATE_MISMATCH"])
        #expect(reasons { $0.tmt = .init(year: 2010, month: 3, day: 1) } == ["NIP_TMT_MISMATCH"])
        #expect(reasons { $0.sex = .female } == ["NIP_SEX_MISMATCH"])
    }

    @Test("full_name: 1-200 characters, not only spaces, no control characters")
    func fullName() {
        #expect(reasons { $0.fullName = "" } == ["FULL_NAME_REQUIRED"])
        #expect(reasons { $0.fullName = "   " } == ["FULL_NAME_REQUIRED"])
        #expect(reasons { $0.fullName = String(repeating: "a", count: 200) } == [])
        #expect(reasons { $0.fullName = String(repeating: "a", count: 201) } == ["FULL_NAME_TOO_LONG"])
        #expect(reasons { $0.fullName = "Maria\nNdun" } == ["FULL_NAME_CONTROL_CHARACTER"])
    }

    @Test("gelar_depan: at most 50 characters; gelar_belakang: at most 100")
    func gelar() {
        #expect(reasons { $0.gelarDepan = String(repeating: "d", count: 50) } == [])
        #expect(reasons { $0.gelarDepan = String(repeating: "d", count: 51) } == ["GELAR_DEPAN_TOO_LONG"])
        #expect(reasons { $0.gelarBelakang = String(repeating: "b", count: 100) } == [])
        #expect(reasons { $0.gelarBelakang = String(repeating: "b", count: 101) } == ["GELAR_BELAKANG_TOO_LONG"])
    }

    @Test("asn_type, jenis_jabatan and status: required, and never an unknown number")
    func requiredEnums() {
        #expect(reasons { $0.asnType = .unrecognized(9) }.contains("ASN_TYPE_UNKNOWN"))
        #expect(reasons { $0.jenisJabatan = .unspecified } == ["JENIS_JABATAN_REQUIRED"])
        #expect(reasons { $0.jenisJabatan = .unrecognized(6) } == ["JENIS_JABATAN_UNKNOWN"])
        #expect(reasons { $0.status = .unspecified } == ["STATUS_REQUIRED"])
        #expect(reasons { $0.status = .unrecognized(8) } == ["STATUS_UNKNOWN"])
    }

    @Test("jabatan_name: 1-200 characters; golongan: at most 10")
    func jabatanAndGolongan() {
        #expect(reasons { $0.jabatanName = "" } == ["JABATAN_NAME_REQUIRED"])
        #expect(reasons { $0.jabatanName = String(repeating: "j", count: 201) } == ["JABATAN_NAME_TOO_LONG"])
        #expect(reasons { $0.golongan = "IV/e" } == [])
        #expect(reasons { $0.golongan = String(repeating: "I", count: 11) } == ["GOLONGAN_TOO_LONG"])
    }

    @Test("birth_date: required and a real day")
    func birthDate() {
        #expect(reasons { $0.birthDate = nil } == ["BIRTH_DATE_REQUIRED"])
        #expect(reasons { $0.birthDate = .init(year: 1985, month: 2, day: 30) }.contains("BIRTH_DATE_INVALID"))
    }

    @Test("sex: optional for PPPK, but never an unknown number")
    func sex() {
        #expect(reasons { $0.asnType = .pppk; $0.sex = .unspecified } == [])
        #expect(reasons { $0.asnType = .pppk; $0.sex = .unrecognized(3) } == ["SEX_UNKNOWN"])
    }

    @Test("tmt: a real day, not before the birth date and not after today (inference)")
    func tmt() {
        #expect(reasons { $0.asnType = .pppk; $0.tmt = .init(year: 2022, month: 13, day: 1) } == ["TMT_INVALID"])
        #expect(reasons { $0.asnType = .pppk; $0.tmt = .init(year: 1980, month: 1, day: 1) } == ["TMT_BEFORE_BIRTH"])
        #expect(reasons { $0.asnType = .pppk; $0.tmt = .init(year: 2026, month: 6, day: 16) } == ["TMT_IN_FUTURE"])
        #expect(reasons { $0.asnType = .pppk; $0.tmt = Self.today } == [])
    }

    @Test("email: empty, or at most 254 characters shaped like name@domain.tld")
    func email() {
        for good in ["a@b.id", "maria.ndun@kupangkota.go.id", "dukcapil+loket_1@kupangkota.go.id", "x-y@sub-domain.example.com"] {
            #expect(EmployeeRules.isEmailShaped(good), "\(good)")
        }
        for bad in ["maria", "maria@", "@kupangkota.go.id", "maria@kupangkota", "maria@@kupangkota.go.id", "maria ndun@kupangkota.go.id",
                    ".maria@kupangkota.go.id", "maria..ndun@kupangkota.go.id", "maria@-kupang.go.id", "maria@kupang.go.1d", "maría@kupangkota.go.id"] {
            #expect(!EmployeeRules.isEmailShaped(bad), "\(bad)")
        }
        #expect(reasons { $0.email = "maria" } == ["EMAIL_INVALID"])
        #expect(reasons { $0.email = String(repeating: "a", count: 64) + "@" + String(repeating: "b", count: 190) + ".id" } == ["EMAIL_TOO_LONG"])
    }

    @Test("phone: empty, or E.164: + then 8-15 digits, the first not 0")
    func phone() {
        for good in ["+6281234567890", "+62380821234", "+123456789012345"] {
            #expect(EmployeeRules.isE164(good), "\(good)")
        }
        for bad in ["081234567890", "+62 812 3456 7890", "+0812345678", "+1234567", "+1234567890123456", "+62812-3456-789", "+", "+６281234567890"] {
            #expect(!EmployeeRules.isE164(bad), "\(bad)")
        }
        #expect(reasons { $0.phone = "081234567890" } == ["PHONE_INVALID"])
    }

    @Test("fields are reported under the given prefix, e.g. for import rows")
    func prefix() {
        var e = Self.valid()
        e.fullName = ""
        #expect(EmployeeRules.violations(e, today: Self.today, fieldPrefix: "rows[3].employee.").map(\.field) == ["rows[3].employee.full_name"])
    }
}
