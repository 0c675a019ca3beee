import KinerjaProto
import KinerjaReporting
import Testing

@Suite("Reporting policy")
struct PolicyTests {
    @Test("the defaults: backdate 3 days, evidence optional, review within 5 working days, 20 reports a day, 10 MiB a file, 500 MiB a month")
    func defaults() {
        let policy = EffectivePolicy()
        #expect(policy.backdateDays == 3)
        #expect(!policy.evidenceRequired)
        #expect(policy.reviewDeadlineWorkingDays == 5)
        #expect(policy.maxReportsPerDay == 20)
        #expect(policy.maxEvidenceFileBytes == 10 << 20)
        #expect(policy.maxEvidenceBytesPerMonth == 500 << 20)
        #expect(EffectivePolicy.violations(EffectivePolicy.defaultPolicy).isEmpty)
    }

    @Test("0 reads as the default where 0 is out of range, but backdate_days 0 means today only")
    func zeros() {
        let policy = EffectivePolicy(Reporting.ReportingPolicy())
        #expect(policy.backdateDays == 0)
        #expect(policy.reviewDeadlineWorkingDays == 5)
        #expect(policy.maxReportsPerDay == 20)
        #expect(policy.maxEvidenceFileBytes == 10 << 20)
    }

    @Test("SetReportingPolicy refuses values outside their ranges, naming each field")
    func ranges() {
        let bad = Reporting.ReportingPolicy(backdateDays: 32, reviewDeadlineDays: 0, maxReportsPerDay: 51, maxEvidenceFileBytes: 100,
                                            maxEvidenceBytesPerMonth: 1 << 40)
        #expect(EffectivePolicy.violations(bad).map(\.field) == [
            "policy.backdate_days", "policy.review_deadline_days", "policy.max_reports_per_day", "policy.max_evidence_file_bytes",
            "policy.max_evidence_bytes_per_month",
        ])
        #expect(EffectivePolicy.violations(bad).allSatisfy { $0.reason == "POLICY_OUT_OF_RANGE" })
    }
}

@Suite("Period locks")
struct PeriodLockTests {
    @Test("a lock covers the days of its period for its employees only; a monthly lock inside a triwulan covers that month")
    func coverage() {
        let locks = PeriodLockSet([Fixtures.lock(Fixtures.march, id: "eval-maret")])
        #expect(locks.lock(covering: Fixtures.day(3, 31), nip: Fixtures.nip)?.lockID == "eval-maret")
        #expect(locks.lock(covering: Fixtures.day(4, 1), nip: Fixtures.nip) == nil)
        #expect(locks.lock(covering: Fixtures.day(3, 31), nip: Fixtures.otherNIP) == nil)
        let error = Fixtures.error { try locks.check(Fixtures.day(3, 2), nip: Fixtures.nip) }
        #expect(error?.message == "2026-03-02 lies in March 2026, which evaluation has finalised (lock eval-maret); nothing dated in it can change until the period is reopened")
    }

    @Test("LockPeriod's rules: an id, a well-formed period, 1-10000 NIPs of 18 digits, a reason of at most 500 characters")
    func violations() {
        #expect(PeriodLockSet.violations(Fixtures.lock(Fixtures.q1)).isEmpty)
        let bad = Reporting.PeriodLock(lockID: "", period: Common.Period(year: 2026, kind: .quarterly), nips: ["12345"], reason: String(repeating: "x", count: 501))
        #expect(PeriodLockSet.violations(bad).map(\.field) == ["lock.lock_id", "lock.period", "lock.nips[0]", "lock.reason"])
        let tooMany = Fixtures.lock(Fixtures.q1, nips: Array(repeating: Fixtures.nip, count: 10_001))
        #expect(PeriodLockSet.violations(tooMany).map(\.reason) == ["LOCK_INVALID"])
    }
}
