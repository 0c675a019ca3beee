import KinerjaProto
import KinerjaReporting
import Testing

@Suite("Bulk limits")
struct BulkLimitsTests {
    @Test("a machine client's bulk call carries at most 5000 rows: 10 000 reports in one call are refused at row 5001, before they are kept")
    func machine() {
        #expect(BulkLimits.maximumRows(for: .machineClient) == 5000)
        var refusedAt: Int?
        for row in 1...10_000 {
            if Fixtures.error({ try BulkLimits.checkRow(row, submitter: .machineClient) }) != nil {
                refusedAt = row
                break
            }
        }
        #expect(refusedAt == 5001)
        let error = Fixtures.error { try BulkLimits.checkRow(5001, submitter: .machineClient) }
        #expect(error?.code == .bulkTooManyRows)
        #expect(error?.statusCode == .resourceExhausted)
    }

    @Test("an employee's own bulk entry is a week: at most 7 x max_reports_per_day rows (140 by default)")
    func weekEntry() {
        let policy = EffectivePolicy()
        #expect(policy.bulkEntryRows == 140)
        #expect(Fixtures.error { try BulkLimits.checkRow(140, submitter: .employee(policy)) } == nil)
        #expect(Fixtures.error { try BulkLimits.checkRow(141, submitter: .employee(policy)) }?.code == .bulkTooManyRows)
        var strict = policy
        strict.maxReportsPerDay = 5
        #expect(BulkLimits.maximumRows(for: .employee(strict)) == 35)
    }

    @Test("within one call the day limit counts the rows accepted before, on top of what the store holds")
    func ledger() throws {
        var ledger = DayLedger()
        ledger.setStored(DayUsage(reports: 18, minutes: 400), nip: Fixtures.nip, date: Fixtures.day(3, 10))
        var accepted = 0
        for _ in 0..<4 {
            let context = Fixtures.context(usage: ledger.usage(nip: Fixtures.nip, date: Fixtures.day(3, 10)))
            guard let report = try? DailyReportRules.checkSubmission(Fixtures.draft(minutes: 30), context: context) else { continue }
            accepted += 1
            ledger.add(nip: Fixtures.nip, date: Fixtures.day(3, 10), minutes: report.draft.durationMinutes)
        }
        #expect(accepted == 2, "18 stored + 2 rows = the default 20")
        #expect(ledger.usage(nip: Fixtures.nip, date: Fixtures.day(3, 10)) == DayUsage(reports: 20, minutes: 460))
        #expect(ledger.usage(nip: Fixtures.otherNIP, date: Fixtures.day(3, 10)) == DayUsage())
    }

    @Test("a batch review has 1-500 decisions, each report once")
    func batch() {
        #expect(BulkLimits.batchReviewViolations([]).first?.reason == "BATCH_SIZE_INVALID")
        let many = (0..<501).map { Reporting.ReportReview(reportID: "r\($0)", decision: .verify) }
        #expect(BulkLimits.batchReviewViolations(many).first?.reason == "BATCH_SIZE_INVALID")
        let twice = [Reporting.ReportReview(reportID: "r1", decision: .verify), Reporting.ReportReview(reportID: "r1", decision: .reject, note: "x")]
        #expect(BulkLimits.batchReviewViolations(twice).map(\.field) == ["reviews[1].report_id"])
        #expect(BulkLimits.batchReviewViolations(Array(many.prefix(500))).isEmpty)
    }

    @Test("a bulk source name is at most 200 characters")
    func options() {
        #expect(Fixtures.error { try BulkLimits.checkOptions(Reporting.BulkSubmitOptions(sourceName: "rekap-maret.xlsx")) } == nil)
        #expect(Fixtures.error { try BulkLimits.checkOptions(Reporting.BulkSubmitOptions(sourceName: String(repeating: "x", count: 201))) }?.code == .textTooLong)
    }
}
