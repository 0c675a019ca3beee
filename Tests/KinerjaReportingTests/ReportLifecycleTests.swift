import KinerjaProto
import KinerjaReporting
import Testing

@Suite("Report lifecycle")
struct ReportLifecycleTests {
    static let states: [Reporting.ReportState] = [.diajukan, .diverifikasi, .ditolak, .ditarik, .dicabut, .unspecified]
    static let events: [(name: String, event: ReportLifecycle.Event)] = [
        ("update", .update()), ("withdraw", .withdraw()), ("verify", .verify()),
        ("reject", .reject(reason: "Lampirkan rekap KTP-el yang ditandatangani")), ("revoke", .revoke(reason: "Bukti dukung ternyata rekap hari lain")),
    ]

    static func lifecycle(_ state: Reporting.ReportState, revision: UInt64 = 4) -> ReportLifecycle {
        ReportLifecycle(state: state, revision: revision, nip: Fixtures.nip, reportDate: Fixtures.day(3, 10))
    }

    @Test("""
    the transition table: DIAJUKAN -update-> DIAJUKAN, -withdraw-> DITARIK, -verify-> DIVERIFIKASI, -reject-> DITOLAK; \
    DIVERIFIKASI -revoke-> DICABUT; DITOLAK and DICABUT -update-> DIAJUKAN (resubmitted), -withdraw-> DITARIK; every other pair is refused
    """)
    func table() throws {
        let legal: [String: (Reporting.ReportState, ReportLifecycle.Action)] = [
            "DIAJUKAN update": (.diajukan, .updated), "DIAJUKAN withdraw": (.ditarik, .withdrawn), "DIAJUKAN verify": (.diverifikasi, .verified),
            "DIAJUKAN reject": (.ditolak, .rejected), "DIVERIFIKASI revoke": (.dicabut, .revoked),
            "DITOLAK update": (.diajukan, .resubmitted), "DITOLAK withdraw": (.ditarik, .withdrawn),
            "DICABUT update": (.diajukan, .resubmitted), "DICABUT withdraw": (.ditarik, .withdrawn),
        ]
        let refusal: [String: ReportingError.Code] = [
            "update": .reportNotChangeable, "withdraw": .reportNotChangeable, "verify": .reportNotDiajukan, "reject": .reportNotDiajukan,
            "revoke": .reportNotDiverifikasi,
        ]
        var seen = 0
        for state in Self.states {
            for (name, event) in Self.events {
                var lifecycle = Self.lifecycle(state)
                let key = "\(state.label) \(name)"
                if let (next, action) = legal[key] {
                    seen += 1
                    #expect(try lifecycle.apply(event) == action, "\(key)")
                    #expect(lifecycle.state == next, "\(key)")
                    #expect(lifecycle.revision == 5, "\(key): every step raises the revision")
                } else {
                    let before = lifecycle
                    let error = Fixtures.error { try lifecycle.apply(event) }
                    #expect(error?.code == refusal[name], "\(key)")
                    #expect(error?.statusCode == .failedPrecondition, "\(key)")
                    #expect(lifecycle == before, "\(key): a refused step changes nothing")
                }
            }
        }
        #expect(seen == legal.count)
    }

    @Test("submit, update and withdraw only before verification: a verified report is the atasan's to revoke, not the author's to change")
    func verifiedIsClosed() {
        var lifecycle = Self.lifecycle(.diverifikasi)
        let update = Fixtures.error { try lifecycle.apply(.update()) }
        #expect(update?.message == "only a DIAJUKAN, DITOLAK or DICABUT report can be updated; this report is DIVERIFIKASI")
        #expect(Fixtures.error { try lifecycle.apply(.withdraw()) }?.code == .reportNotChangeable)
    }

    @Test("a verification is revocable with a reason until the report's period is locked; then it is FAILED_PRECONDITION naming the period")
    func revokeUntilLocked() throws {
        var lifecycle = Self.lifecycle(.diverifikasi)
        let locks = PeriodLockSet([Fixtures.lock(Fixtures.q1)])
        let locked = Fixtures.error { try lifecycle.apply(.revoke(reason: "salah verifikasi"), locks: locks) }
        #expect(locked?.code == .periodLocked)
        #expect(locked?.message.contains("triwulan I 2026") == true)
        #expect(lifecycle.state == .diverifikasi)
        #expect(try lifecycle.apply(.revoke(reason: "salah verifikasi"), locks: PeriodLockSet([Fixtures.lock(Fixtures.q2)])) == .revoked)
        #expect(!lifecycle.countsAsVerified)
        #expect(!lifecycle.countsAsProvisional)
    }

    @Test("nothing changes in a locked period: not an update, a withdrawal, a verification or a rejection either")
    func lockedFreezesAll() {
        let locks = PeriodLockSet([Fixtures.lock(Fixtures.march)])
        for (name, event) in Self.events where name != "revoke" {
            var lifecycle = Self.lifecycle(.diajukan)
            #expect(Fixtures.error { try lifecycle.apply(event, locks: locks) }?.code == .periodLocked, "\(name)")
        }
    }

    @Test("a rejection and a revocation need a reason (1-2000 characters); notes at most 2000, withdrawal reasons at most 500")
    func reasons() {
        var lifecycle = Self.lifecycle(.diajukan)
        #expect(Fixtures.error { try lifecycle.apply(.reject(reason: "  ")) }?.code == .rejectReasonRequired)
        #expect(Fixtures.error { try lifecycle.apply(.reject(reason: String(repeating: "x", count: 2001))) }?.code == .textTooLong)
        #expect(Fixtures.error { try lifecycle.apply(.verify(note: String(repeating: "x", count: 2001))) }?.code == .textTooLong)
        #expect(Fixtures.error { try lifecycle.apply(.withdraw(reason: String(repeating: "x", count: 501))) }?.code == .textTooLong)
        var verified = Self.lifecycle(.diverifikasi)
        let revoke = Fixtures.error { try verified.apply(.revoke(reason: "")) }
        #expect(revoke?.code == .revokeReasonRequired)
        #expect(revoke?.statusCode == .invalidArgument)
    }

    @Test("a step naming another revision than the current one is ABORTED (0 skips the check), before the state is judged")
    func revision() throws {
        var lifecycle = Self.lifecycle(.ditarik, revision: 4)
        let error = Fixtures.error { try lifecycle.apply(.verify(expectedRevision: 3)) }
        #expect(error?.code == .revisionMismatch)
        #expect(error?.statusCode == .aborted)
        var pending = Self.lifecycle(.diajukan, revision: 4)
        #expect(try pending.apply(.verify(expectedRevision: 4)) == .verified)
    }

    @Test("a batch review entry is VERIFY or REJECT; UNSPECIFIED is INVALID_ARGUMENT; a reject's note is its reason")
    func batchEntry() throws {
        #expect(try ReportLifecycle.Event(review: Reporting.ReportReview(reportID: "r1", decision: .verify)) == .verify(note: ""))
        #expect(try ReportLifecycle.Event(review: Reporting.ReportReview(reportID: "r1", decision: .reject, note: "kurang bukti", expectedRevision: 2))
            == .reject(reason: "kurang bukti", expectedRevision: 2))
        #expect(Fixtures.error { try ReportLifecycle.Event(review: Reporting.ReportReview(reportID: "r1")) }?.code == .reviewDecisionRequired)
    }

    @Test("a new report is DIAJUKAN at revision 1 and counts only provisionally until verified")
    func submitted() throws {
        var lifecycle = ReportLifecycle.submitted(nip: Fixtures.nip, reportDate: Fixtures.day(3, 10))
        #expect(lifecycle.state == .diajukan)
        #expect(lifecycle.revision == 1)
        #expect(lifecycle.countsAsProvisional && !lifecycle.countsAsVerified)
        try lifecycle.apply(.verify())
        #expect(lifecycle.countsAsVerified)
        let report = Reporting.DailyReport(nip: Fixtures.nip, reportDate: Fixtures.day(3, 10), state: .ditolak, revision: 3)
        #expect(ReportLifecycle(report) == Self.lifecycle(.ditolak, revision: 3))
    }
}
