public import Foundation
import KinerjaASN
public import KinerjaProto

/// The realisation of a Kualitatif IKI: per period, the employee describes what was achieved
/// and the atasan rates it (`reporting.proto` QualitativeRealisation).
///
/// The scale is the Hasil Kerja scale — Di Atas, Sesuai, Di Bawah Ekspektasi — (our inference:
/// the regulation gives a Kualitatif SKP descriptive targets but no scale for a period's
/// realisation; one scale keeps evaluation's proposal rule simple).
///
/// Describing (SetQualitativeRealisation, the employee): the period is a well-formed month,
/// triwulan or year; the description has 1–2000 characters, not only white space; the IKI is
/// in the employee's Kualitatif SKP in force; the period overlaps the SKP's covered days and
/// has begun (its first day is not after today, WITA); no lock covers any of its days; the
/// realisation is not rated yet (a rated one is the atasan's; our inference: the employee
/// asks the atasan to re-rate instead). Rating (RateQualitativeRealisation, the atasan): the
/// rating is not UNSPECIFIED; the note has at most 2000 characters and is required with Di Bawah
/// Ekspektasi (our inference: a low rating says why); a description exists; no lock covers
/// the period. The atasan may re-rate until the period is locked.
public enum QualitativeRealisationRules {
    /// The employee's description applied to `existing` (nil: the first one).
    ///
    /// - Parameters:
    ///   - skp: the SKP in force in the period; nil when none.
    ///   - stamp: who writes and when (the `described` stamp).
    /// - Throws: ``ReportingError`` naming the broken rule (see the type's documentation).
    public static func describe(_ existing: Reporting.QualitativeRealisation?, request: Reporting.SetQualitativeRealisationRequest, nip: String,
                                skp: SkpInForce?, locks: PeriodLockSet, now: Date, stamp: Common.AuditStamp? = nil)
        throws(ReportingError) -> Reporting.QualitativeRealisation
    {
        var violations: [Common.FieldViolation] = []
        if request.ikiID.isEmpty {
            violations.append(Common.FieldViolation(field: "iki_id", description: "iki_id is required", reason: ReportingError.Code.fieldRequired.reason))
        }
        let days = request.period.flatMap(WitaDayRange.init(period:))
        if days == nil {
            violations.append(Common.FieldViolation(field: "period", description: "the period must be a month, a triwulan or a year of 2000-2100",
                                                    reason: ReportingError.Code.periodInvalid.reason))
        }
        violations += textViolations(request.description, field: "description", required: true)
        if let error = ReportingError(violations: violations) { throw error }
        guard let period = request.period, let days else { throw ReportingError(.periodInvalid, "the period is required", field: "period") }

        guard let skp else { throw ReportingError(.noSkp, "no SKP of yours is in force in \(ReportingPeriods.label(period))", field: "period") }
        guard skp.isKualitatif else {
            throw ReportingError(.notKualitatif, "SKP \(skp.skp.skpID) is Kuantitatif: its IKIs are realised by daily reports, not a described realisation",
                                 field: "iki_id")
        }
        guard skp.iki(request.ikiID) != nil else {
            throw ReportingError(.ikiNotFound, "IKI \(request.ikiID) is not in the SKP in force (version \(skp.skp.version))", field: "iki_id")
        }
        guard days.overlaps(skp.coveredDays), period.year == skp.skp.year else {
            throw ReportingError(.periodOutsideSkp, "\(ReportingPeriods.label(period)) is outside the covered days \(skp.coveredDays) of the SKP",
                                 field: "period")
        }
        let today = Wita.today(now: now)
        guard days.start <= today else {
            throw ReportingError(.periodNotBegun, "\(ReportingPeriods.label(period)) has not begun yet (it starts \(days.start.isoString))", field: "period")
        }
        if let lock = locks.lock(overlapping: days, nip: nip) { throw PeriodLockSet.lockedError(lock, date: nil, field: "period") }
        var next = existing ?? Reporting.QualitativeRealisation(nip: nip, skpID: skp.skp.skpID, ikiID: request.ikiID, period: period)
        if let existing {
            try checkRevision(existing.revision, request.expectedRevision)
            guard existing.rating == .unspecified else {
                throw ReportingError(.alreadyRated, "the atasan has rated this realisation; ask them to re-rate it instead of changing the description")
            }
        }
        next.skpID = skp.skp.skpID
        next.description = request.description
        next.described = stamp
        next.revision += 1
        return next
    }

    /// The atasan's rating applied to `existing` (nil: the employee wrote none).
    ///
    /// - Parameter stamp: who rates and when (the `rated` stamp).
    /// - Throws: ``ReportingError`` naming the broken rule (see the type's documentation).
    public static func rate(_ existing: Reporting.QualitativeRealisation?, request: Reporting.RateQualitativeRealisationRequest,
                            locks: PeriodLockSet, stamp: Common.AuditStamp? = nil) throws(ReportingError) -> Reporting.QualitativeRealisation {
        var violations: [Common.FieldViolation] = []
        switch request.rating {
        case .diAtasEkspektasi, .sesuaiEkspektasi, .diBawahEkspektasi: break
        case .unspecified, .unrecognized:
            violations.append(Common.FieldViolation(field: "rating", description: "rating must be DI_ATAS, SESUAI or DI_BAWAH_EKSPEKTASI",
                                                    reason: ReportingError.Code.ratingRequired.reason))
        }
        violations += textViolations(request.note, field: "note", required: request.rating == .diBawahEkspektasi)
        if request.period.flatMap(WitaDayRange.init(period:)) == nil {
            violations.append(Common.FieldViolation(field: "period", description: "the period must be a month, a triwulan or a year of 2000-2100",
                                                    reason: ReportingError.Code.periodInvalid.reason))
        }
        if let error = ReportingError(violations: violations) { throw error }
        guard let existing else {
            throw ReportingError(.qualitativeNotFound, "the employee has not described this period's realisation yet; there is nothing to rate")
        }
        try checkRevision(existing.revision, request.expectedRevision)
        if let days = existing.period.flatMap(WitaDayRange.init(period:)), let lock = locks.lock(overlapping: days, nip: existing.nip) {
            throw PeriodLockSet.lockedError(lock, date: nil, field: "period")
        }
        var next = existing
        next.rating = request.rating
        next.ratingNote = request.note
        next.rated = stamp
        next.revision += 1
        return next
    }

    private static func textViolations(_ text: String, field: String, required: Bool) -> [Common.FieldViolation] {
        let length = text.unicodeScalars.count
        if length > ReportingLimits.qualitativeTextLength {
            return [Common.FieldViolation(field: field, description: "\(field) must be at most \(ReportingLimits.qualitativeTextLength) characters, got \(length)",
                                          reason: ReportingError.Code.textTooLong.reason)]
        }
        if required, text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            return [Common.FieldViolation(field: field, description: "\(field) is required (1-\(ReportingLimits.qualitativeTextLength) characters)",
                                          reason: ReportingError.Code.fieldRequired.reason)]
        }
        return []
    }

    private static func checkRevision(_ current: UInt64, _ expected: UInt64) throws(ReportingError) {
        guard expected == 0 || expected == current else {
            throw ReportingError(.revisionMismatch, "the realisation changed since it was read (revision \(current), the request names \(expected)); reload it",
                                 field: "expected_revision")
        }
    }
}
