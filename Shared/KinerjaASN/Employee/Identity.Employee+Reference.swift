public import KinerjaProto

extension Identity.Employee {
    /// The name as letters and decrees print it: gelar depan, name, then gelar belakang after a comma.
    public var displayName: String {
        [gelarDepan, fullName].filter { !$0.isEmpty }.joined(separator: " ") + (gelarBelakang.isEmpty ? "" : ", \(gelarBelakang)")
    }

    /// The reference other services' messages carry for this employee.
    public var reference: Common.EmployeeRef {
        Common.EmployeeRef(nip: nip, displayName: displayName, jabatanName: jabatanName, unitID: unitID)
    }
}
