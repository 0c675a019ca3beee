public import KinerjaProto

/// The rules tying an employee's recorded birth date, TMT and sex to what their NIP encodes.
///
/// From `identity.proto` (Employee): birth_date must equal NIP digits 1–8; for PNS the TMT's
/// year and month must equal digits 9–14 and the sex must equal digit 15. The birth-date rule
/// is applied to PPPK too, because the contract defines a PPPK NIP's first 8 digits as the
/// birth date as well.
public enum NIPConsistency {
    /// Reason code: birth_date differs from NIP digits 1–8.
    public static let birthDateMismatch = "NIP_BIRTH_DATE_MISMATCH"
    /// Reason code: a PNS TMT's year and month differ from NIP digits 9–14.
    public static let tmtMismatch = "NIP_TMT_MISMATCH"
    /// Reason code: a PNS sex differs from NIP digit 15.
    public static let sexMismatch = "NIP_SEX_MISMATCH"

    /// Violations of the consistency rules; fields are reported under `fieldPrefix`.
    ///
    /// A missing birth_date or TMT is not reported here (EmployeeRules reports required
    /// fields); a PNS without a sex is a mismatch, since digit 15 always states one.
    public static func violations(
        employee: Identity.Employee, nip: NIP, fieldPrefix: String = "employee."
    ) -> [Common.FieldViolation] {
        var result: [Common.FieldViolation] = []
        if let birth = employee.birthDate, birth != nip.birthDate {
            result.append(Common.FieldViolation(
                field: fieldPrefix + "birth_date",
                description: "birth_date \(birth.isoString) must equal the birth date in NIP digits 1-8 (\(nip.birthDate.isoString))",
                reason: birthDateMismatch))
        }
        if let appointment = nip.appointment {
            if let tmt = employee.tmt, tmt.year != appointment.year || tmt.month != appointment.month {
                result.append(Common.FieldViolation(
                    field: fieldPrefix + "tmt",
                    description: "tmt \(tmt.isoString) must fall in the appointment month in NIP digits 9-14 (\(appointment.year)-\(appointment.month < 10 ? "0" : "")\(appointment.month))",
                    reason: tmtMismatch))
            }
            if employee.sex != nip.sex {
                result.append(Common.FieldViolation(
                    field: fieldPrefix + "sex",
                    description: "sex must be \(nip.sex == .male ? "SEX_MALE" : "SEX_FEMALE") as NIP digit 15 states, got \(employee.sex.protoName ?? String(employee.sex.rawValue))",
                    reason: sexMismatch))
            }
        }
        return result
    }
}
