import Foundation
import KinerjaASN
import KinerjaProto
import KinerjaReporting
import Testing

@Suite("Daily report rules")
struct DailyReportRulesTests {
    func check(_ draft: Reporting.DailyReportDraft?, _ context: SubmissionContext = Fixtures.context()) throws(ReportingError) -> AcceptedReport {
        try DailyReportRules.checkSubmission(draft, context: context)
    }

    @Test("a report for an IKI of the SKP in force, dated today, is accepted with the SKP's facts (version, provisional, indicator, satuan, penilai)")
    func accepted() throws {
        let accepted = try check(Fixtures.draft())
        #expect(accepted.skpID == "skp-2026")
        #expect(accepted.skpVersion == 2)
        #expect(!accepted.provisional)
        #expect(accepted.indicator == "Jumlah KTP-el diterbitkan")
        #expect(accepted.unit == "dokumen")
        #expect(accepted.verifierNIP == Fixtures.atasan)
        var report = Reporting.DailyReport(nip: Fixtures.nip)
        accepted.apply(to: &report)
        #expect(report.realisationValue == 45)
        #expect(report.unit == "dokumen")
        #expect(report.verifierNIP == Fixtures.atasan)
    }

    @Test("a report dated today in WITA is accepted although it is still yesterday in UTC (07:00 WITA is 23:00 UTC)")
    func todayInWita() throws {
        let early = Fixtures.wita(Fixtures.day(3, 10), 7)
        #expect(early == ISO8601DateFormatter().date(from: "2026-03-09T23:00:00Z"))
        _ = try check(Fixtures.draft(Fixtures.day(3, 10)), Fixtures.context(now: early))
    }

    @Test("a report dated tomorrow in WITA is refused even one minute before WITA midnight; the day turns at 16:00 UTC")
    func tomorrowRefused() {
        let lateEvening = Fixtures.wita(Fixtures.day(3, 10), 23, 59)
        let error = Fixtures.error { try check(Fixtures.draft(Fixtures.day(3, 11)), Fixtures.context(now: lateEvening)) }
        #expect(error?.code == .reportDateInFuture)
        #expect(error?.code.category == .invalidArgument)
        #expect(error?.field == "report.report_date")
        #expect(error?.message == "report.report_date: report_date 2026-03-11 is after today 2026-03-10 in WITA (UTC+8)")
        // 2026-03-10T16:00:00Z is 00:00 WITA on the 11th: now the same report is today's.
        let midnight = Date(timeIntervalSince1970: 1_773_158_400)
        #expect(Wita.today(now: midnight) == Fixtures.day(3, 11))
        #expect(Fixtures.error { try check(Fixtures.draft(Fixtures.day(3, 11)), Fixtures.context(now: midnight)) } == nil)
    }

    @Test("the backdate window is the policy's backdate_days WITA calendar days (default 3): earlier is FAILED_PRECONDITION")
    func backdate() {
        #expect(EffectivePolicy().backdateDays == 3)
        #expect(Fixtures.error { try check(Fixtures.draft(Fixtures.day(3, 7))) } == nil, "10 March minus 3 days")
        let error = Fixtures.error { try check(Fixtures.draft(Fixtures.day(3, 6))) }
        #expect(error?.code == .reportDateBeforeWindow)
        #expect(error?.statusCode == .failedPrecondition)
        #expect(error?.message == "a report may be dated at most 3 days back (from 2026-03-07); 2026-03-06 is earlier")
        var todayOnly = EffectivePolicy()
        todayOnly.backdateDays = 0
        #expect(Fixtures.error { try check(Fixtures.draft(Fixtures.day(3, 9)), Fixtures.context(policy: todayOnly)) }?.code == .reportDateBeforeWindow)
    }

    @Test("a day in a period locked for the author is refused with FAILED_PRECONDITION naming the period; other employees are not affected")
    func locked() {
        let locks = PeriodLockSet([Fixtures.lock(Fixtures.q1)])
        let error = Fixtures.error { try check(Fixtures.draft(), Fixtures.context(locks: locks)) }
        #expect(error?.code == .periodLocked)
        #expect(error?.statusCode == .failedPrecondition)
        #expect(error?.message.contains("triwulan I 2026") == true)
        #expect(error?.message.contains("01JEVALQ1") == true)
        let others = PeriodLockSet([Fixtures.lock(Fixtures.q1, nips: [Fixtures.otherNIP])])
        #expect(Fixtures.error { try check(Fixtures.draft(), Fixtures.context(locks: others)) } == nil)
    }

    @Test("without an SKP covering the day the report is refused; outside the SKP's covered days too")
    func skpCoverage() throws {
        #expect(Fixtures.error { try check(Fixtures.draft(), Fixtures.context(skp: nil)) }?.code == .noSkp)
        var fromApril = Fixtures.skp
        fromApril.periodStart = Fixtures.day(4, 1)
        let skp = try #require(SkpInForce(fromApril))
        let error = Fixtures.error { try check(Fixtures.draft(), Fixtures.context(skp: skp)) }
        #expect(error?.code == .reportDateOutsideSkp)
        #expect(error?.message == "2026-03-10 is outside the covered days 2026-04-01…2026-12-31 of SKP skp-2026")
    }

    @Test("the RHK and IKI must be in the SKP version in force: NOT_FOUND, or FAILED_PRECONDITION when only in a version awaiting approval")
    func indicator() throws {
        #expect(Fixtures.error { try check(Fixtures.draft(rhk: "rhk-lain")) }?.code == .rhkNotFound)
        let wrongRhk = Fixtures.error { try check(Fixtures.draft(iki: "iki-sosialisasi", rhk: "rhk-ktp")) }
        #expect(wrongRhk?.code == .ikiNotFound)
        #expect(wrongRhk?.statusCode == .notFound)
        var revised = Fixtures.skp
        revised.version = 3
        revised.state = .diajukan
        revised.rhks[0].ikis.append(Planning.Iki(ikiID: "iki-baru", rhkID: "rhk-ktp", aspek: .kuantitas))
        let skp = try #require(SkpInForce(Fixtures.skp, pending: revised))
        let pending = Fixtures.error { try check(Fixtures.draft(iki: "iki-baru"), Fixtures.context(skp: skp)) }
        #expect(pending?.code == .ikiNotYetInForce)
        #expect(pending?.statusCode == .failedPrecondition)
    }

    @Test("without an approved version the latest version is in force and the report is provisional")
    func provisional() throws {
        var draftSkp = Fixtures.skp
        draftSkp.state = .diajukan
        let skp = try #require(SkpInForce(draftSkp))
        #expect(try check(Fixtures.draft(), Fixtures.context(skp: skp)).provisional)
    }

    @Test("realisation: finite, at least 0 (0 is a progress note), at most 1e9")
    func realisation() {
        #expect(Fixtures.error { try check(Fixtures.draft(value: 0)) } == nil)
        #expect(Fixtures.error { try check(Fixtures.draft(value: 1e9)) } == nil)
        for bad in [-1, 1e9 + 1, .nan, .infinity, -.infinity] as [Double] {
            let error = Fixtures.error { try check(Fixtures.draft(value: bad)) }
            #expect(error?.code == .realisationInvalid, "\(bad)")
            #expect(error?.field == "report.realisation_value")
        }
        #expect(ReportingLimits.realisationValue == 1e9)
    }

    @Test("description: 1-2000 characters counted as Unicode scalars, not only white space")
    func description() {
        #expect(Fixtures.error { try check(Fixtures.draft(description: String(repeating: "é", count: 2000))) } == nil)
        #expect(Fixtures.error { try check(Fixtures.draft(description: String(repeating: "é", count: 2001))) }?.code == .textTooLong)
        #expect(Fixtures.error { try check(Fixtures.draft(description: " \n\t")) }?.code == .descriptionRequired)
        #expect(Fixtures.error { try check(Fixtures.draft(description: "")) }?.code == .descriptionRequired)
    }

    @Test("duration: 0-1440 minutes; and one day's reports together spend at most 1440 minutes")
    func duration() {
        #expect(Fixtures.error { try check(Fixtures.draft(minutes: 1440)) } == nil)
        #expect(Fixtures.error { try check(Fixtures.draft(minutes: 1441)) }?.code == .durationInvalid)
        let full = Fixtures.error { try check(Fixtures.draft(minutes: 60), Fixtures.context(usage: DayUsage(reports: 3, minutes: 1400))) }
        #expect(full?.code == .dayMinutesExceeded)
        #expect(full?.message == "the reports of 2026-03-10 would spend 1460 minutes; a day has 1440")
    }

    @Test("the day's report limit is the policy's max_reports_per_day (default 20)")
    func dayLimit() {
        #expect(Fixtures.error { try check(Fixtures.draft(minutes: 0), Fixtures.context(usage: DayUsage(reports: 19))) } == nil)
        let error = Fixtures.error { try check(Fixtures.draft(minutes: 0), Fixtures.context(usage: DayUsage(reports: 20))) }
        #expect(error?.code == .dayLimitReached)
        #expect(error?.statusCode == .failedPrecondition)
    }

    @Test("evidence is required (at least one link) when the unit's policy says so")
    func evidenceRequired() {
        var policy = EffectivePolicy()
        policy.evidenceRequired = true
        #expect(Fixtures.error { try check(Fixtures.draft(), Fixtures.context(policy: policy)) }?.code == .evidenceRequired)
        #expect(Fixtures.error { try check(Fixtures.draft(evidence: [Fixtures.link(1)]), Fixtures.context(policy: policy)) } == nil)
    }

    @Test("every field problem is reported at once as INVALID_ARGUMENT, before any precondition, with a BadRequest detail")
    func allAtOnce() {
        let draft = Reporting.DailyReportDraft(reportDate: Common.Date(year: 2026, month: 2, day: 30), realisationValue: -3, durationMinutes: 2000)
        let error = Fixtures.error { try check(draft, Fixtures.context(skp: nil)) }
        #expect(error?.statusCode == .invalidArgument)
        #expect(error?.violations.map(\.field) == [
            "report.report_date", "report.rhk_id", "report.iki_id", "report.realisation_value", "report.description", "report.duration_minutes",
        ])
        #expect(error?.rpcStatus?.reason == "REPORT_DATE_INVALID")
        let details = error?.rpcStatus?.details ?? []
        #expect(details.contains { if case .badRequest(let request)? = $0.detail { request.fieldViolations.count == 6 } else { false } })
        #expect(Fixtures.error { try check(nil) }?.code == .reportRequired)
    }

    @Test("bulk rows carry their prefix in every violation")
    func prefixed() {
        let error = Fixtures.error { try DailyReportRules.checkSubmission(Fixtures.draft(value: -1), context: Fixtures.context(), fieldPrefix: "rows[3].report.") }
        #expect(error?.field == "rows[3].report.realisation_value")
        #expect(error?.fieldViolations.first?.reason == "REPORT_REALISATION_INVALID")
    }
}

@Suite("Updating a report")
struct DailyReportUpdateTests {
    static let stored: Reporting.DailyReport = {
        var report = Reporting.DailyReport(reportID: "r1", nip: Fixtures.nip, state: .diajukan, revision: 1)
        if let accepted = try? DailyReportRules.checkSubmission(Fixtures.draft(), context: Fixtures.context()) { accepted.apply(to: &report) }
        return report
    }()

    func update(_ paths: [String], _ draft: Reporting.DailyReportDraft?, current: Reporting.DailyReport = stored,
                context: SubmissionContext = Fixtures.context()) throws(ReportingError) -> AcceptedReport {
        try DailyReportRules.checkUpdate(
            current: current, request: Reporting.UpdateDailyReportRequest(reportID: current.reportID, report: draft, updateMask: Common.FieldMask(paths: paths)),
            context: context)
    }

    @Test("only the masked fields change; the rest keep the stored values")
    func masked() throws {
        let accepted = try update(["realisation_value"], Reporting.DailyReportDraft(realisationValue: 50, description: "ignored"))
        #expect(accepted.draft.realisationValue == 50)
        #expect(accepted.draft.description == "Menerbitkan 45 KTP-el di loket Dukcapil")
        #expect(accepted.draft.ikiID == "iki-ktp")
    }

    @Test("an empty mask or an unknown path is INVALID_ARGUMENT")
    func badMask() {
        #expect(Fixtures.error { try update([], Fixtures.draft()) }?.code == .updateMaskInvalid)
        let unknown = Fixtures.error { try update(["description", "state"], Fixtures.draft()) }
        #expect(unknown?.code == .updateMaskInvalid)
        #expect(unknown?.field == "update_mask.paths[1]")
    }

    @Test("an old rejected report can be corrected outside the backdate window, but not moved to a day outside it")
    func oldCorrection() throws {
        var old = Self.stored
        old.reportDate = Fixtures.day(2, 20)
        old.state = .ditolak
        _ = try update(["description"], Reporting.DailyReportDraft(description: "Menerbitkan 45 KTP-el (koreksi jumlah)"), current: old)
        let moved = Fixtures.error { try update(["report_date"], Reporting.DailyReportDraft(reportDate: Fixtures.day(2, 21)), current: old) }
        #expect(moved?.code == .reportDateBeforeWindow)
    }

    @Test("a report can neither be changed in a locked period nor moved into one")
    func lockedUpdate() {
        let locks = PeriodLockSet([Fixtures.lock(Fixtures.march)])
        var april = Self.stored
        april.reportDate = Fixtures.day(4, 1)
        let context = Fixtures.context(now: Fixtures.wita(Fixtures.day(4, 2)), locks: locks)
        #expect(Fixtures.error { try update(["description"], Reporting.DailyReportDraft(description: "x"), context: context) }?.code == .periodLocked)
        let into = Fixtures.error { try update(["report_date"], Reporting.DailyReportDraft(reportDate: Fixtures.day(3, 31)), current: april, context: context) }
        #expect(into?.code == .periodLocked)
    }
}
