public import Foundation
public import KinerjaASN
public import KinerjaProto

/// When an atasan's review of a report is due, and when it is overdue.
///
/// `reporting.proto` ReportingPolicy.review_deadline_days: the atasan has that many WITA
/// **working** days, counted from the day after the WITA day of the report's latest submission
/// (a correction restarts the clock), so the due date is the N-th working day after it. A report
/// still DIAJUKAN after its due date is overdue. Working days are the author's unit's (our
/// inference: the report belongs to the author's unit; the atasan is nearly always in it or above).
public enum ReviewDeadline {
    /// The last day of the review: the `reviewDeadlineWorkingDays`-th working day after `submittedOn`.
    public static func dueDate(submittedOn: Common.Date, policy: EffectivePolicy, calendar: WorkingDayCalendar, unitPath: [String] = []) -> Common.Date? {
        calendar.addingWorkingDays(policy.reviewDeadlineWorkingDays, to: submittedOn, unitPath: unitPath)
    }

    /// True when a report in `state` submitted on `submittedOn` is overdue on `today`.
    public static func isOverdue(state: Reporting.ReportState, submittedOn: Common.Date, today: Common.Date, policy: EffectivePolicy,
                                 calendar: WorkingDayCalendar, unitPath: [String] = []) -> Bool {
        guard state == .diajukan, let due = dueDate(submittedOn: submittedOn, policy: policy, calendar: calendar, unitPath: unitPath) else { return false }
        return due < today
    }

    /// The WITA day of the report's latest submission: its `updated` stamp when the last change
    /// resubmitted it, else its `submitted` stamp; nil without either.
    public static func submissionDay(of report: Reporting.DailyReport) -> Common.Date? {
        let stamp = [report.updated, report.submitted].compactMap { $0?.at }.max { ($0.seconds, $0.nanos) < ($1.seconds, $1.nanos) }
        return stamp.map { Wita.today(now: Date(timeIntervalSince1970: TimeInterval($0.seconds))) }
    }

    /// Fills `review_due_date` and `review_overdue` of `report` as of `now` (both cleared unless DIAJUKAN).
    public static func annotate(_ report: inout Reporting.DailyReport, now: Date, policy: EffectivePolicy, calendar: WorkingDayCalendar, unitPath: [String] = []) {
        report.reviewDueDate = nil
        report.reviewOverdue = false
        guard report.state == .diajukan, let submitted = submissionDay(of: report),
              let due = dueDate(submittedOn: submitted, policy: policy, calendar: calendar, unitPath: unitPath) else { return }
        report.reviewDueDate = due
        report.reviewOverdue = due < Wita.today(now: now)
    }
}
