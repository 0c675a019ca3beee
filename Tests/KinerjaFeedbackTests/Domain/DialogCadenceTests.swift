import KinerjaASN
import KinerjaFeedback
import KinerjaProto
import Testing

@Suite("The dialog minimum per triwulan, and who is behind, per atasan and per unit")
struct DialogCadenceTests {
    static func days(_ from: Common.Date, _ to: Common.Date) -> WitaDayRange {
        WitaDayRange(from, to) ?? WitaDayRange(day: from)!
    }

    /// staff[0] with the Kasi all year; staff[1] with the Kasi until 15 February, then with the
    /// Plt. (acting); staff[2], of another section, with the Kasi from 2 March.
    static let pairs = [
        SupervisionPair(employeeNIP: Fixtures.staff[0], atasanNIP: Fixtures.kasi, unitID: Fixtures.unit, unitPath: Fixtures.unitPath,
                        days: days(Fixtures.day(1, 1), Fixtures.day(12, 31))),
        SupervisionPair(employeeNIP: Fixtures.staff[1], atasanNIP: Fixtures.kasi, unitID: Fixtures.unit, unitPath: Fixtures.unitPath,
                        days: days(Fixtures.day(1, 1), Fixtures.day(2, 15))),
        SupervisionPair(employeeNIP: Fixtures.staff[1], atasanNIP: Fixtures.plt, unitID: Fixtures.unit, unitPath: Fixtures.unitPath, acting: true,
                        days: days(Fixtures.day(2, 16), Fixtures.day(12, 31))),
        SupervisionPair(employeeNIP: Fixtures.staff[2], atasanNIP: Fixtures.kasi, unitID: "dukcapil-kk", days: days(Fixtures.day(3, 2), Fixtures.day(12, 31))),
    ]

    static func dialog(_ employee: String, _ atasan: String, _ day: Common.Date, _ state: Feedback.DialogState = .disepakati) -> Feedback.DialogRecord {
        Feedback.DialogRecord(employeeNIP: employee, atasanNIP: atasan, heldOn: day, state: state)
    }

    static let dialogs = [
        dialog(Fixtures.staff[0], Fixtures.kasi, Fixtures.day(3, 9), .disanggah),   // a disputed record was still held
        dialog(Fixtures.staff[0], Fixtures.kabid, Fixtures.day(2, 2)),              // not the pair's atasan
        dialog(Fixtures.staff[1], Fixtures.plt, Fixtures.day(3, 3)),                // with the Plt., after the Kasi's days
    ]

    static func report(_ period: Common.Period = Fixtures.q1, today: Common.Date) throws -> DialogCadence.Report {
        try DialogCadence.report(pairs: pairs, dialogs: dialogs, period: period, calendar: Fixtures.calendar, policy: Fixtures.policy, today: today)
    }

    @Test("triwulan I 2026 has 55 working days in Kupang (libur nasional and cuti bersama off); a pair owes the minimum pro rata to the days it held")
    func proRata() throws {
        let report = try Self.report(today: Fixtures.today)
        #expect(report.minimumPerTriwulan == 1)
        let quarters = report.pairs.map { ($0.pair.employeeNIP, $0.pair.atasanNIP, $0.quarters[0].workingDays, $0.quarters[0].pairWorkingDays, $0.quarters[0].expected) }
        #expect(quarters.map(\.2) == [55, 55, 55, 55])
        // 30 of 55 working days (more than half) owe one dialog; 25 of 55 and 17 of 55 owe none.
        #expect(quarters.map(\.3) == [55, 30, 17, 25])
        #expect(quarters.map(\.4) == [1, 1, 0, 0])
    }

    @Test("a dialog counts for a pair when its atasan held it with its employee on its days, in any state; met, open until the triwulan ends, behind after")
    func states() throws {
        let during = try Self.report(today: Fixtures.today)
        #expect(during.pairs.map(\.state) == [.met, .open, .notExpected, .notExpected])
        #expect(during.pairs.map(\.held) == [1, 0, 0, 1], "the Plt.'s dialog counts for the Plt.'s pair, though it owed none")
        let after = try Self.report(today: Fixtures.day(4, 1))
        #expect(after.pairs.map(\.state) == [.met, .behind, .notExpected, .notExpected])
    }

    @Test("who is behind, per atasan and per unit, once the triwulan has ended")
    func rollups() throws {
        let report = try Self.report(today: Fixtures.day(4, 1))
        let kasi = try #require(report.byAtasan.first { $0.key == Fixtures.kasi })
        #expect((kasi.pairsDue, kasi.pairsMet, kasi.pairsOpen, kasi.pairsBehind) == (2, 1, 0, 1))
        #expect(kasi.behindEmployeeNIPs == [Fixtures.staff[1]])
        #expect((kasi.dialogsExpected, kasi.dialogsHeldTowardsMinimum) == (2, 1))
        let plt = try #require(report.byAtasan.first { $0.key == Fixtures.plt })
        #expect(plt.pairsDue == 0 && plt.pairsBehind == 0)
        #expect(report.byUnit.map(\.key) == ["dukcapil-kk", Fixtures.unit])
        #expect(report.byUnit.map(\.pairsBehind) == [0, 1])
    }

    @Test("over a year each triwulan is owed on its own: a dialog in triwulan I does not make up for none in triwulan II")
    func year() throws {
        let report = try Self.report(Fixtures.year, today: Fixtures.day(7, 1))
        let first = try #require(report.pairs.first)
        #expect(first.quarters.map(\.state) == [.met, .behind, .open, .open])
        #expect(first.expected == 4 && first.held == 1)
        #expect(first.state == .behind)
        let policy = EffectiveFeedbackPolicy(Feedback.FeedbackPolicy(dialogMinimumPerTriwulan: 2))
        let twice = try DialogCadence.report(pairs: [Self.pairs[0]], dialogs: Self.dialogs, period: Fixtures.q1, calendar: Fixtures.calendar,
                                             policy: policy, today: Fixtures.day(4, 1))
        #expect(twice.pairs[0].quarters[0].expected == 2 && twice.pairs[0].state == .behind)
    }

    @Test("the minimum is per triwulan: a month is refused, as is a malformed period")
    func periods() {
        #expect(Fixtures.error { try Self.report(Common.Period(year: 2026, kind: .monthly, month: 3), today: Fixtures.today) }?.code == .periodInvalid)
        #expect(Fixtures.error { try Self.report(Common.Period(year: 2026, kind: .quarterly), today: Fixtures.today) }?.code == .periodInvalid)
    }

    @Test("pairs come from identity's supervisor assignments, acting ones included; an open assignment runs on")
    func fromIdentity() throws {
        let assignment = Identity.SupervisorAssignment(nip: Fixtures.staff[1], atasanNIP: Fixtures.plt, effectiveFrom: Fixtures.day(2, 16), acting: true)
        let pair = try #require(SupervisionPair(assignment, unitID: Fixtures.unit))
        #expect(pair.acting && pair.days.start == Fixtures.day(2, 16) && pair.days.end == Common.Date.latestValid)
        #expect(pair.unitPath == [Fixtures.unit])
        #expect(SupervisionPair(Identity.SupervisorAssignment(nip: Fixtures.staff[1]), unitID: Fixtures.unit) == nil)
    }
}
