import KinerjaASN
import KinerjaProto
import KinerjaReporting
import Testing

@Suite("Progress")
struct ProgressTests {
    static let employee = Common.EmployeeRef(nip: Fixtures.nip, displayName: "Maria Fanggidae, A.Md.", unitID: "dukcapil")

    static func targets(_ period: Common.Period, approach: Planning.SkpApproach = .kuantitatif) -> Planning.EmployeeTargets {
        let rhk = Fixtures.skp.rhks[0]
        func target(_ iki: Planning.Iki, _ value: Double) -> Planning.IkiTarget {
            var periodTarget = iki.annualTarget
            periodTarget?.value = value
            return Planning.IkiTarget(rhkID: rhk.rhkID, rhkText: rhk.text, rhkKind: .utama, ikiID: iki.ikiID, aspek: iki.aspek, indicator: iki.indicator,
                                      periodTarget: periodTarget, annualTarget: iki.annualTarget, aggregation: iki.aggregation)
        }
        var extra = target(Fixtures.extraIki, 3)
        extra.rhkKind = .tambahan
        return Planning.EmployeeTargets(employee: employee, period: period, availability: .approved, skpID: "skp-2026", skpVersion: 2,
                                        skpState: .disetujui, atasanNIP: Fixtures.atasan,
                                        targets: [target(Fixtures.countIki, 300), target(Fixtures.timeIki, 3), target(Fixtures.qualityIki, 95), extra],
                                        approach: approach)
    }

    static func report(_ iki: String, _ month: Int32, _ day: Int32, _ value: Double, _ state: Reporting.ReportState = .diverifikasi) -> ReportFigure {
        ReportFigure(ikiID: iki, date: Fixtures.day(month, day), value: value, state: state)
    }

    static let reports = [
        report("iki-ktp", 1, 15, 100), report("iki-ktp", 2, 16, 999, .ditolak), report("iki-ktp", 2, 18, 120), report("iki-ktp", 3, 31, 80),
        report("iki-ktp", 3, 25, 50, .diajukan), report("iki-ktp", 4, 1, 70),
        report("iki-waktu", 1, 15, 4), report("iki-waktu", 2, 18, 4),
        report("iki-akurasi", 2, 18, 97), report("iki-akurasi", 3, 31, 97),
    ]

    @Test("triwulan I after its end: 300 verified KTP-el against 300 is 100 %; 350 with the pending report; Waktu 4 days against 3 is 75 %")
    func quarter() throws {
        let inputs = Progress.Inputs(targets: Self.targets(Fixtures.q1), calendar: Fixtures.calendar, unitPath: ["dukcapil"],
                                     now: Fixtures.wita(Fixtures.day(4, 10)))
        let progress = try Progress.employee(Self.employee, period: Fixtures.q1, reports: Self.reports, inputs: inputs)
        let ktp = try #require(progress.ikis.first { $0.ikiID == "iki-ktp" })
        #expect(ktp.realisationVerified == 300)
        #expect(ktp.capaianPercent?.value == 100)
        #expect(ktp.capaianStatus == .onTarget)
        #expect(ktp.realisationWithPending == 350)
        #expect(ktp.capaianWithPendingStatus == .aboveTarget)
        #expect(ktp.reportCount == 5 && ktp.verifiedCount == 3 && ktp.pendingCount == 1 && ktp.rejectedCount == 1)
        #expect(ktp.lastReportDate == Fixtures.day(3, 31), "1 April is triwulan II")
        let waktu = try #require(progress.ikis.first { $0.ikiID == "iki-waktu" })
        #expect(waktu.realisationVerified == 4)
        #expect(waktu.capaianPercent?.value == 75)
        #expect(waktu.capaianStatus == .belowTarget)
        let extra = try #require(progress.ikis.first { $0.ikiID == "iki-sosialisasi" })
        #expect(extra.capaianPercent?.value == 0, "SUM with nothing yet is 0 %")
        // Means over the computable IKIs: (100 + 75 + 97/95*100 + 0) / 4; Utama only: the first three.
        let akurasi = 97.0 / 95 * 100
        #expect(abs((progress.averageCapaianPercent?.value ?? 0) - (100 + 75 + akurasi + 0) / 4) < 1e-9)
        #expect(abs((progress.averageCapaianUtamaPercent?.value ?? 0) - (100 + 75 + akurasi) / 3) < 1e-9)
        #expect(progress.asOfDate == Fixtures.day(3, 31))
        #expect(progress.pendingVerificationCount == 1)
        #expect(progress.targetsAvailability == .approved)
    }

    @Test("working days and days filed follow compliance: triwulan I 2026 has 55 working days in Kupang, 4 of them filed")
    func days() throws {
        let inputs = Progress.Inputs(targets: Self.targets(Fixtures.q1), calendar: Fixtures.calendar, now: Fixtures.wita(Fixtures.day(4, 10)))
        let progress = try Progress.employee(Self.employee, period: Fixtures.q1, reports: Self.reports, inputs: inputs)
        // 64 weekdays; off: 1 Jan, 16 Jan, 16-17 Feb, 18-20 and 23-24 Mar = 9.
        #expect(progress.workingDays == 55)
        // Filed: 15 January, 16 February (cuti bersama Imlek: filed, not expected), 18 February, 25 March (pending counts as filed), 31 March.
        #expect(progress.daysFiled == 4)
    }

    @Test("a period in progress runs up to today (WITA): as_of_date is today and later days are not counted")
    func inProgress() throws {
        let inputs = Progress.Inputs(targets: Self.targets(Fixtures.q1), calendar: Fixtures.calendar, now: Fixtures.wita(Fixtures.day(2, 20)))
        let progress = try Progress.employee(Self.employee, period: Fixtures.q1, reports: Self.reports.filter { $0.date <= Fixtures.day(2, 20) }, inputs: inputs)
        #expect(progress.asOfDate == Fixtures.day(2, 20))
        #expect(progress.ikis.first?.realisationVerified == 220)
        let member = Progress.teamMember(progress, calendar: Fixtures.calendar)
        #expect(member.ikiCount == 4)
        #expect(member.pendingVerificationCount == 0)
        #expect(member.lastReportDate == Fixtures.day(2, 18))
        // 220 of 300 (73 %) is ahead of the share of working days elapsed (33 of 55 = 60 %); Waktu at 75 % is a level, below 100.
        #expect(member.ikiOnTrackCount == 2, "KTP-el and akurasi (97 % against 95) are on track; Waktu and sosialisasi are not")
    }

    @Test("a Kualitatif SKP: no capaian, the period's rated description instead")
    func kualitatif() throws {
        let rated = Reporting.QualitativeRealisation(nip: Fixtures.nip, ikiID: "iki-ktp", period: Fixtures.q1,
                                                     description: "Laporan diterima tanpa revisi", rating: .sesuaiEkspektasi)
        let inputs = Progress.Inputs(targets: Self.targets(Fixtures.q1, approach: .kualitatif), calendar: Fixtures.calendar, qualitative: [rated],
                                     now: Fixtures.wita(Fixtures.day(4, 10)))
        let progress = try Progress.employee(Self.employee, period: Fixtures.q1, reports: [], inputs: inputs)
        #expect(progress.ikis.allSatisfy { $0.capaianPercent == nil && $0.capaianStatus == .unspecified })
        #expect(progress.ikis.first?.qualitative?.rating == .sesuaiEkspektasi)
        #expect(progress.averageCapaianPercent == nil)
        #expect(Progress.teamMember(progress, calendar: Fixtures.calendar).ikiOnTrackCount == 1)
    }

    @Test("the SKP's own periods: its months or triwulan cut to its covered days; progress counts only covered days")
    func skpPeriods() throws {
        let skpDays = try #require(WitaDayRange(Fixtures.day(2, 15), Fixtures.day(12, 31)))
        let quarters = ReportingPeriods.periods(of: .quarterly, within: skpDays)
        #expect(quarters.map(\.period) == [Fixtures.q1, Fixtures.q2, Common.Period(year: 2026, kind: .quarterly, triwulan: .iii),
                                           Common.Period(year: 2026, kind: .quarterly, triwulan: .iv)])
        #expect(quarters.first?.days.description == "2026-02-15…2026-03-31")
        #expect(ReportingPeriods.periods(of: .monthly, within: skpDays).count == 11)
        let inputs = Progress.Inputs(targets: Self.targets(Fixtures.q1), skpDays: skpDays, calendar: Fixtures.calendar, now: Fixtures.wita(Fixtures.day(4, 10)))
        let progress = try Progress.employee(Self.employee, period: Fixtures.q1, reports: Self.reports, inputs: inputs)
        #expect(progress.ikis.first?.realisationVerified == 200, "the 15 January report lies before the SKP")
    }

    @Test("a malformed period is INVALID_ARGUMENT")
    func badPeriod() {
        let inputs = Progress.Inputs(targets: Self.targets(Fixtures.q1), calendar: Fixtures.calendar, now: Fixtures.now)
        let error = Fixtures.error { try Progress.employee(Self.employee, period: Common.Period(year: 2026, kind: .monthly), reports: [], inputs: inputs) }
        #expect(error?.code == .periodInvalid)
        #expect(ReportingPeriods.label(Fixtures.q2) == "triwulan II 2026")
        #expect(ReportingPeriods.label(Fixtures.march) == "March 2026")
    }
}
