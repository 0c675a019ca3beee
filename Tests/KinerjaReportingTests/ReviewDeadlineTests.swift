import Foundation
import KinerjaASN
import KinerjaProto
import KinerjaReporting
import Testing

@Suite("Review deadline")
struct ReviewDeadlineTests {
    @Test("the review is due on the 5th WITA working day after the submission day (policy default); weekends and holidays do not count")
    func due() {
        let policy = EffectivePolicy()
        #expect(policy.reviewDeadlineWorkingDays == 5)
        // Submitted Tuesday 17 March 2026: 18-20 and 23-24 March are Nyepi, cuti bersama and Idul Fitri leave.
        #expect(ReviewDeadline.dueDate(submittedOn: Fixtures.day(3, 17), policy: policy, calendar: Fixtures.calendar) == Fixtures.day(3, 31))
        #expect(ReviewDeadline.dueDate(submittedOn: Fixtures.day(3, 17), policy: policy, calendar: WorkingDayCalendar()) == Fixtures.day(3, 24))
    }

    @Test("a report still DIAJUKAN after its due day is overdue; on the due day it is not; a reviewed report never is")
    func overdue() {
        let policy = EffectivePolicy()
        let submitted = Fixtures.day(1, 5)   // Monday; due Monday 12 January
        #expect(!ReviewDeadline.isOverdue(state: .diajukan, submittedOn: submitted, today: Fixtures.day(1, 12), policy: policy, calendar: Fixtures.calendar))
        #expect(ReviewDeadline.isOverdue(state: .diajukan, submittedOn: submitted, today: Fixtures.day(1, 13), policy: policy, calendar: Fixtures.calendar))
        #expect(!ReviewDeadline.isOverdue(state: .diverifikasi, submittedOn: submitted, today: Fixtures.day(2, 13), policy: policy, calendar: Fixtures.calendar))
    }

    @Test("the clock runs from the latest submission: a corrected report's updated stamp restarts it; the output fields are filled")
    func annotate() throws {
        let submittedAt = Common.Timestamp(seconds: Int64(Fixtures.wita(Fixtures.day(1, 5)).timeIntervalSince1970))
        let resubmittedAt = Common.Timestamp(seconds: Int64(Fixtures.wita(Fixtures.day(1, 14)).timeIntervalSince1970))
        var report = Reporting.DailyReport(state: .diajukan, submitted: Common.AuditStamp(at: submittedAt))
        ReviewDeadline.annotate(&report, now: Fixtures.wita(Fixtures.day(1, 13)), policy: EffectivePolicy(), calendar: Fixtures.calendar)
        #expect(report.reviewDueDate == Fixtures.day(1, 12))
        #expect(report.reviewOverdue)
        report.updated = Common.AuditStamp(at: resubmittedAt)
        ReviewDeadline.annotate(&report, now: Fixtures.wita(Fixtures.day(1, 15)), policy: EffectivePolicy(), calendar: Fixtures.calendar)
        #expect(report.reviewDueDate == Fixtures.day(1, 22), "15, 19, 20, 21, 22 January: 16 January is Isra Mikraj")
        #expect(!report.reviewOverdue)
        report.state = .diverifikasi
        ReviewDeadline.annotate(&report, now: Fixtures.wita(Fixtures.day(2, 1)), policy: EffectivePolicy(), calendar: Fixtures.calendar)
        #expect(report.reviewDueDate == nil)
        #expect(!report.reviewOverdue)
    }

    @Test("the submission day is the WITA day of the stamp: 20:00 UTC on 4 January is 5 January in Kupang")
    func witaDay() {
        let stamp = Common.Timestamp(seconds: Int64(ISO8601DateFormatter().date(from: "2026-01-04T20:00:00Z")?.timeIntervalSince1970 ?? 0))
        #expect(ReviewDeadline.submissionDay(of: Reporting.DailyReport(submitted: Common.AuditStamp(at: stamp))) == Fixtures.day(1, 5))
    }
}
