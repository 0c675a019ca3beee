public import Foundation
import KinerjaASN
public import KinerjaProto

/// What one author already has on one WITA day: reports not DITARIK (without the report being
/// changed) and the minutes they spend.
public struct DayUsage: Sendable, Hashable {
    /// Reports (not DITARIK).
    public var reports: Int
    /// Their duration_minutes together.
    public var minutes: Int

    /// A day's usage.
    public init(reports: Int = 0, minutes: Int = 0) {
        self.reports = reports
        self.minutes = minutes
    }
}

/// Everything a report's rules read besides the report: who, when, the policy, the SKP in
/// force on the report's day, the locks and the day's usage.
public struct SubmissionContext: Sendable {
    /// The author's NIP.
    public var nip: String
    /// Now (the WITA day decides "today").
    public var now: Date
    /// The author's unit's effective policy.
    public var policy: EffectivePolicy
    /// The SKP version in force on the report's day (planning's answer); nil when none covers it.
    public var skp: SkpInForce?
    /// The locks in force.
    public var locks: PeriodLockSet
    /// The author's other reports on the report's day.
    public var dayUsage: DayUsage

    /// A context.
    public init(nip: String, now: Date, policy: EffectivePolicy, skp: SkpInForce?, locks: PeriodLockSet = PeriodLockSet(), dayUsage: DayUsage = DayUsage()) {
        self.nip = nip
        self.now = now
        self.policy = policy
        self.skp = skp
        self.locks = locks
        self.dayUsage = dayUsage
    }

    /// Today in WITA.
    public var today: Common.Date { Wita.today(now: now) }
}

/// A report that passed every rule, with the facts the SKP in force adds to it.
public struct AcceptedReport: Sendable, Hashable {
    /// The content to store.
    public var draft: Reporting.DailyReportDraft
    /// The SKP in force (id, version) and whether the report is provisional.
    public var skpID: String
    /// Version of the SKP in force.
    public var skpVersion: UInt32
    /// True when no approved version was in force.
    public var provisional: Bool
    /// The IKI's indicator text (snapshot).
    public var indicator: String
    /// The IKI's unit of measure (snapshot).
    public var unit: String
    /// The pejabat penilai recorded on the SKP (identity may name an acting official instead).
    public var verifierNIP: String

    /// Copies the content and the snapshots into `report` (state, stamps and revision are the
    /// lifecycle's and the store's).
    public func apply(to report: inout Reporting.DailyReport) {
        report.reportDate = draft.reportDate
        report.rhkID = draft.rhkID
        report.ikiID = draft.ikiID
        report.realisationValue = draft.realisationValue
        report.description = draft.description
        report.evidence = draft.evidence
        report.durationMinutes = draft.durationMinutes
        report.skpID = skpID
        report.skpVersion = skpVersion
        report.provisional = provisional
        report.indicator = indicator
        report.unit = unit
        if report.verifierNIP.isEmpty { report.verifierNIP = verifierNIP }
    }
}

/// The rules of a daily report's content (`reporting.proto` DailyReportDraft, SubmitDailyReport,
/// UpdateDailyReport).
///
/// INVALID_ARGUMENT, every problem at once: the report and its date are required and the date
/// real and not after today in WITA; rhk_id and iki_id are required; the realisation is finite,
/// ≥ 0 and at most 1e9; the description has 1–2000 characters and is not only white space; the
/// evidence links follow ``EvidenceLinkRules``; the duration is 0–1440 minutes.
///
/// Then, in this order, the first that fails:
/// 1. an SKP covers the day (FAILED_PRECONDITION `REPORT_NO_SKP`), and the day is inside its
///    covered days (`REPORT_DATE_OUTSIDE_SKP`);
/// 2. the day is inside the backdate window, today minus `backdate_days` WITA calendar days
///    (`REPORT_DATE_BEFORE_WINDOW`) — on submission, and on an update only when the date changes,
///    so an old rejected report can still be corrected;
/// 3. the day is not in a period locked for the author (`PERIOD_LOCKED`, naming the period);
/// 4. the RHK and IKI are in the SKP version in force (NOT_FOUND; FAILED_PRECONDITION when the IKI
///    is only in a newer version awaiting approval);
/// 5. evidence is given when the policy requires it (`REPORT_EVIDENCE_REQUIRED`);
/// 6. the author's reports of the day stay within `max_reports_per_day`
///    (`REPORT_DAY_LIMIT_REACHED`) and 1440 minutes together (`REPORT_DAY_MINUTES_EXCEEDED`, our
///    inference: a day has no more).
public enum DailyReportRules {
    /// Every field violation of `draft` that needs no context; empty when none.
    public static func fieldViolations(_ draft: Reporting.DailyReportDraft?, fieldPrefix: String = "report.") -> [Common.FieldViolation] {
        var out: [Common.FieldViolation] = []
        func add(_ field: String, _ code: ReportingError.Code, _ description: String) {
            out.append(Common.FieldViolation(field: fieldPrefix + field, description: description, reason: code.reason))
        }
        guard let draft else {
            out.append(Common.FieldViolation(field: String(fieldPrefix.dropLast()), description: "the report is required",
                                             reason: ReportingError.Code.reportRequired.reason))
            return out
        }
        if let date = draft.reportDate {
            if !date.isValid { add("report_date", .reportDateInvalid, "report_date must be a real day, got \(date.year)-\(date.month)-\(date.day)") }
        } else {
            add("report_date", .reportDateRequired, "report_date is required")
        }
        if draft.rhkID.isEmpty { add("rhk_id", .fieldRequired, "rhk_id is required") }
        if draft.ikiID.isEmpty { add("iki_id", .fieldRequired, "iki_id is required") }
        let value = draft.realisationValue
        if !value.isFinite || value < 0 || value > ReportingLimits.realisationValue {
            add("realisation_value", .realisationInvalid, "realisation_value must be a finite number from 0 to 1e9, got \(value)")
        }
        let length = draft.description.unicodeScalars.count
        if draft.description.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            add("description", .descriptionRequired, "description is required: what was done (1-\(ReportingLimits.descriptionLength) characters)")
        } else if length > ReportingLimits.descriptionLength {
            add("description", .textTooLong, "description must be at most \(ReportingLimits.descriptionLength) characters, got \(length)")
        }
        out += EvidenceLinkRules.violations(draft.evidence, fieldPrefix: fieldPrefix + "evidence")
        if draft.durationMinutes > ReportingLimits.durationMinutes {
            add("duration_minutes", .durationInvalid, "duration_minutes must be 0-\(ReportingLimits.durationMinutes), got \(draft.durationMinutes)")
        }
        return out
    }

    /// Checks a new report (SubmitDailyReport, or one bulk row).
    ///
    /// - Throws: ``ReportingError``: INVALID_ARGUMENT with every field violation, else the first
    ///   failed precondition of the list in the type's documentation.
    public static func checkSubmission(_ draft: Reporting.DailyReportDraft?, context: SubmissionContext, fieldPrefix: String = "report.")
        throws(ReportingError) -> AcceptedReport
    {
        try check(draft, context: context, dateChanged: true, fieldPrefix: fieldPrefix)
    }

    /// Checks an update (UpdateDailyReport): the masked fields of `request.report` over
    /// `current`'s content, then every rule on the result. The lifecycle (state, revision, the
    /// lock on the current day) is ``ReportLifecycle``'s, checked separately; `context.dayUsage`
    /// must leave out `current` itself.
    ///
    /// - Throws: ``ReportingError``: INVALID_ARGUMENT for an empty mask, an unknown path or a
    ///   field violation; `PERIOD_LOCKED` when the report moves out of or into a locked period;
    ///   the other preconditions as for a submission.
    public static func checkUpdate(current: Reporting.DailyReport, request: Reporting.UpdateDailyReportRequest, context: SubmissionContext)
        throws(ReportingError) -> AcceptedReport
    {
        let merged = try DailyReportMask.merge(request.report, mask: request.updateMask, over: current)
        if let date = current.reportDate { try context.locks.check(date, nip: context.nip, field: "report_id") }
        return try check(merged, context: context, dateChanged: merged.reportDate != current.reportDate, fieldPrefix: "report.")
    }

    private static func check(_ draft: Reporting.DailyReportDraft?, context: SubmissionContext, dateChanged: Bool, fieldPrefix: String)
        throws(ReportingError) -> AcceptedReport
    {
        var violations = fieldViolations(draft, fieldPrefix: fieldPrefix)
        let today = context.today
        if let date = draft?.reportDate, date.isValid, today < date {
            violations.append(Common.FieldViolation(
                field: fieldPrefix + "report_date",
                description: "report_date \(date.isoString) is after today \(today.isoString) in WITA (UTC+8)",
                reason: ReportingError.Code.reportDateInFuture.reason))
        }
        if let error = ReportingError(violations: violations) { throw error }
        guard let draft, let date = draft.reportDate else { throw ReportingError(.reportRequired, "the report is required") }

        let dateField = fieldPrefix + "report_date"
        guard let skp = context.skp else {
            throw ReportingError(.noSkp, "no SKP of yours covers \(date.isoString); ask your atasan or pengelola kinerja", field: dateField)
        }
        guard skp.coveredDays.contains(date) else {
            throw ReportingError(.reportDateOutsideSkp,
                                 "\(date.isoString) is outside the covered days \(skp.coveredDays) of SKP \(skp.skp.skpID)", field: dateField)
        }
        if dateChanged, let earliest = today.adding(days: -context.policy.backdateDays), date < earliest {
            throw ReportingError(.reportDateBeforeWindow,
                                 "a report may be dated at most \(context.policy.backdateDays) days back (from \(earliest.isoString)); \(date.isoString) is earlier",
                                 field: dateField)
        }
        try context.locks.check(date, nip: context.nip, field: dateField)
        let (_, iki) = try skp.indicator(rhkID: draft.rhkID, ikiID: draft.ikiID, fieldPrefix: fieldPrefix)
        if context.policy.evidenceRequired, draft.evidence.isEmpty {
            throw ReportingError(.evidenceRequired, "your unit's policy requires at least one piece of evidence (bukti dukung) per report",
                                 field: fieldPrefix + "evidence")
        }
        if context.dayUsage.reports + 1 > context.policy.maxReportsPerDay {
            throw ReportingError(.dayLimitReached,
                                 "at most \(context.policy.maxReportsPerDay) reports per day; \(date.isoString) already has \(context.dayUsage.reports)",
                                 field: dateField)
        }
        if context.dayUsage.minutes + Int(draft.durationMinutes) > Int(ReportingLimits.durationMinutes) {
            throw ReportingError(.dayMinutesExceeded,
                                 "the reports of \(date.isoString) would spend \(context.dayUsage.minutes + Int(draft.durationMinutes)) minutes; a day has \(ReportingLimits.durationMinutes)",
                                 field: fieldPrefix + "duration_minutes")
        }
        return AcceptedReport(draft: draft, skpID: skp.skp.skpID, skpVersion: skp.skp.version, provisional: skp.provisional,
                              indicator: iki.indicator, unit: iki.annualTarget?.unit ?? "", verifierNIP: skp.skp.atasanNIP)
    }
}
