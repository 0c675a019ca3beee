import ArgumentParser
import KinerjaProto

/// The employee fields as options, shared by `employees create` and `employees update`. An
/// option that is given sets its field (an empty string clears a text field); one that is not
/// given leaves it alone, so an update's mask lists exactly the given options.
struct EmployeeFieldOptions: ParsableArguments {
    @Option(help: "Full name without titles.") var name: String?
    @Option(help: "Titles before the name, e.g. \"dr.\".") var gelarDepan: String?
    @Option(help: "Titles after the name, e.g. \"S.Kom., M.T.\".") var gelarBelakang: String?
    @Option(help: "pns or pppk.") var asnType: EnumArgument<Common.AsnType>?
    @Option(help: "jpt, administrator, pengawas, pelaksana or fungsional.") var jenisJabatan: EnumArgument<Common.JenisJabatan>?
    @Option(help: "Position title (nama jabatan).") var jabatan: String?
    @Option(help: "Pay grade, e.g. III/a or IX.") var golongan: String?
    @OptionGroup var unit: UnitOptions
    @Option(help: "Birth date, YYYY-MM-DD.") var birthDate: DateArgument?
    @Option(help: "male or female.") var sex: EnumArgument<Identity.Sex>?
    @Option(help: "Start of service (TMT), YYYY-MM-DD.") var tmt: DateArgument?
    @Option(help: "Employment status, e.g. aktif, cuti, tugas-belajar, pensiun.") var status: EnumArgument<Identity.EmploymentStatus>?
    @Option(help: "Official e-mail address.") var email: String?
    @Option(help: "Mobile phone in E.164 form, e.g. +6281234567890.") var phone: String?

    /// Writes the given options into `employee` and returns the mask paths of the fields they set,
    /// in the order of the contract. `unitID` is the unit resolved from --unit or --unit-code.
    func apply(to employee: inout Identity.Employee, unitID: String?) -> [String] {
        var paths: [String] = []
        func set<T>(_ value: T?, _ path: String, _ write: (inout Identity.Employee, T) -> Void) {
            guard let value else { return }
            write(&employee, value)
            paths.append(path)
        }
        set(name, "full_name") { $0.fullName = $1 }
        set(gelarDepan, "gelar_depan") { $0.gelarDepan = $1 }
        set(gelarBelakang, "gelar_belakang") { $0.gelarBelakang = $1 }
        set(asnType, "asn_type") { $0.asnType = $1.value }
        set(jenisJabatan, "jenis_jabatan") { $0.jenisJabatan = $1.value }
        set(jabatan, "jabatan_name") { $0.jabatanName = $1 }
        set(golongan, "golongan") { $0.golongan = $1 }
        set(unitID, "unit_id") { $0.unitID = $1 }
        set(birthDate, "birth_date") { $0.birthDate = $1.value }
        set(sex, "sex") { $0.sex = $1.value }
        set(tmt, "tmt") { $0.tmt = $1.value }
        set(status, "status") { $0.status = $1.value }
        set(email, "email") { $0.email = $1 }
        set(phone, "phone") { $0.phone = $1 }
        return paths
    }

    /// Whether a unit was chosen.
    var choosesUnit: Bool { unit.reference != nil }

    /// The unit id from --unit (an id, or a code looked up on the server) or --unit-code; nil
    /// when neither is given.
    func resolveUnit(_ caller: IdentityCaller) async throws -> String? {
        try await unit.unitID(caller)
    }
}
