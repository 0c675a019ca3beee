import KinerjaProto

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
