import KinerjaASN
public import KinerjaProto

/// Absences that excuse filing, and the rules of one absence (`reporting.proto` Absence).
///
/// DOMAIN: absence — cuti, sakit, dinas luar, tugas belajar — is not "not filed". On an
/// absent day no report is expected (a report filed anyway still counts in realisation).
public struct AbsenceIndex: Sendable, Hashable {
    /// Absent day ranges per NIP.
    private let ranges: [String: [WitaDayRange]]

    /// The index of `absences` (an absence with a missing or reversed range is ignored).
    public init(_ absences: [Reporting.Absence] = []) {
        var ranges: [String: [WitaDayRange]] = [:]
        for absence in absences {
            guard let dates = absence.dates, let range = WitaDayRange(dates) else { continue }
            ranges[absence.nip, default: []].append(range)
        }
        self.ranges = ranges
    }

    /// True when `nip` is absent on `date`.
    public func isAbsent(_ nip: String, on date: Common.Date) -> Bool {
        guard let day = date.daysSinceEpoch else { return false }
        return isAbsent(nip, day: day)
    }

    func isAbsent(_ nip: String, day: Int) -> Bool {
        ranges[nip]?.contains { $0.contains(day: day) } ?? false
    }

    /// Every violation of one absence's field rules (RecordAbsence); empty when valid.
    ///
    /// NIP 18 digits; kind CUTI, SAKIT, DINAS_LUAR or TUGAS_BELAJAR; dates a real, non-reversed
    /// range of at most 1827 days; reference at most 200 characters; note at most 500.
    public static func violations(_ absence: Reporting.Absence, fieldPrefix: String = "absence.") -> [Common.FieldViolation] {
        var out: [Common.FieldViolation] = []
        func add(_ field: String, _ code: ReportingError.Code, _ description: String) {
            out.append(Common.FieldViolation(field: fieldPrefix + field, description: description, reason: code.reason))
        }
        if !NIP.hasValidFormat(absence.nip) { add("nip", .nipInvalid, "nip must be 18 digits") }
        switch absence.kind {
        case .cuti, .sakit, .dinasLuar, .tugasBelajar: break
        case .unspecified, .unrecognized: add("kind", .absenceKindRequired, "kind must be CUTI, SAKIT, DINAS_LUAR or TUGAS_BELAJAR")
        }
        if let dates = absence.dates, let start = dates.startDate, let end = dates.endDate, start.isValid, end.isValid {
            if let range = WitaDayRange(start, end) {
                if range.dayCount > ReportingLimits.absenceDays {
                    add("dates", .absenceRangeInvalid, "an absence spans at most \(ReportingLimits.absenceDays) days, got \(range.dayCount)")
                }
            } else {
                add("dates.end_date", .absenceRangeInvalid, "end_date \(end.isoString) is before start_date \(start.isoString)")
            }
        } else {
            add("dates", .absenceRangeInvalid, "dates needs a real start_date and end_date")
        }
        if absence.reference.unicodeScalars.count > ReportingLimits.absenceReferenceLength {
            add("reference", .textTooLong, "reference must be at most \(ReportingLimits.absenceReferenceLength) characters")
        }
        if absence.note.unicodeScalars.count > ReportingLimits.absenceNoteLength {
            add("note", .textTooLong, "note must be at most \(ReportingLimits.absenceNoteLength) characters")
        }
        return out
    }
}
