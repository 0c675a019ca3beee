import KinerjaProto
import Testing
@testable import kinerjactl

/// How `report progress`, `report week`, `report compliance` and the report lists read, and the
/// `report` command lines.
@Suite("Report text and arguments")
struct ReportTextTests {
    static let nip = "197010131995091300"

    static var targets: Planning.EmployeeTargets {
        Planning.EmployeeTargets(employee: Common.EmployeeRef(nip: nip), availability: .approved, skpID: "01JSKP", skpVersion: 2, targets: [
            Planning.IkiTarget(rhkID: "R1", rhkText: "Terlayaninya KTP-el", rhkKind: .utama, ikiID: "I1", aspek: .kuantitas,
                               indicator: "Jumlah KTP-el diterbitkan", periodTarget: Planning.Target(value: 300, unit: "dokumen"), aggregation: .sum),
            Planning.IkiTarget(rhkID: "R1", rhkText: "Terlayaninya KTP-el", rhkKind: .utama, ikiID: "I2", aspek: .waktu,
                               indicator: "Rata-rata waktu layanan", periodTarget: Planning.Target(value: 3, unit: "hari", direction: .lowerIsBetter),
                               aggregation: .average),
            Planning.IkiTarget(rhkID: "R2", rhkText: "Laporan", rhkKind: .tambahan, ikiID: "I3", aspek: .kuantitas,
                               indicator: "Laporan disusun", periodTarget: Planning.Target(value: 12, unit: "laporan"), aggregation: .sum),
        ])
    }

    @Test("IKIs are numbered RHK.IKI in SKP order, as skp show prints them; a number or an id finds one")
    func numbers() throws {
        #expect(ReportText.numbered(Self.targets).map(\.number) == ["1.1", "1.2", "2.1"])
        #expect(ReportText.number("01.2") == "1.2" && ReportText.number("1") == nil && ReportText.number("a.b") == nil)
        #expect(try ReportLookup.iki("1.2", in: Self.targets).ikiID == "I2")
        #expect(try ReportLookup.iki("I3", in: Self.targets).ikiID == "I3")
        let error = try #require(throws: CLIError.self) { try ReportLookup.iki("3.1", in: Self.targets) }
        #expect(error.message.contains("1.1 Jumlah KTP-el diterbitkan"))
    }

    @Test("a capaian bar: filled up to 100 %, a + past it, empty without a capaian")
    func bars() {
        #expect(ReportText.bar(0) == "[----------]")
        #expect(ReportText.bar(55) == "[#####-----]")
        #expect(ReportText.bar(100) == "[##########]")
        #expect(ReportText.bar(150) == "[##########]+")
        #expect(ReportText.bar(nil) == "[          ]")
        #expect(ReportText.value(1200) == "1 200" && ReportText.value(96.5) == "96.5" && ReportText.value(2.25) == "2.25")
        #expect(ReportText.percent(96.296) == "96.3 %" && ReportText.percent(nil) == "—")
    }

    @Test("progress: target, verified and provisional realisation, capaian and a bar per IKI")
    func progress() {
        let progress = Reporting.EmployeeProgress(
            employee: Common.EmployeeRef(nip: Self.nip, displayName: "Yusuf Leo"), period: Common.Period(year: 2026, kind: .quarterly, triwulan: .iv),
            targetsAvailability: .approved, skpID: "01JSKP", skpVersion: 2,
            ikis: [Reporting.IkiProgress(ikiID: "I1", indicator: "Jumlah KTP-el diterbitkan", target: Planning.Target(value: 300, unit: "dokumen"),
                                         realisationVerified: 150, realisationWithPending: 180, capaianPercent: Common.DoubleValue(value: 50),
                                         reportCount: 40, verifiedCount: 34, pendingCount: 6)],
            averageCapaianPercent: Common.DoubleValue(value: 50), workingDays: 40, daysFiled: 38, pendingVerificationCount: 6,
            asOfDate: Common.Date(year: 2026, month: 12, day: 5))
        let text = ReportText.progress(progress)
        #expect(text.contains("triwulan IV 2026"))
        #expect(text.contains("300 dokumen") && text.contains("150") && text.contains("180") && text.contains("50.0 %") && text.contains("[#####-----]"))
        #expect(text.contains("34/40 (6…)"))
        #expect(text.contains("filed on 38 of 40 working days"))
    }

    @Test("a week: one row per IKI, the day's value per column (* awaiting verification), totals for amounts only")
    func week() {
        let monday = Common.Date(year: 2026, month: 11, day: 30)
        #expect(ReportText.monday(of: Common.Date(year: 2026, month: 12, day: 6)) == monday)
        #expect(ReportText.monday(of: monday) == monday)
        func report(_ iki: String, _ day: Int32, _ value: Double, _ state: Reporting.ReportState) -> Reporting.DailyReport {
            let month: Int32 = day > 20 ? 11 : 12
            let date = Common.Date(year: 2026, month: month, day: day)
            return Reporting.DailyReport(reportDate: date, ikiID: iki, realisationValue: value, state: state)
        }
        let text = ReportText.week(monday: monday, targets: Self.targets, reports: [
            report("I1", 30, 6, .diverifikasi), report("I1", 1, 5, .diajukan), report("I2", 30, 2.5, .diverifikasi), report("I1", 2, 9, .ditarik),
        ])
        let rows = text.split(separator: "\n").map(String.init)
        let ktp = rows.first { $0.hasPrefix("1.1") } ?? ""
        #expect(ktp.contains("6") && ktp.contains("5*") && ktp.hasSuffix("11"))
        #expect(rows.first { $0.hasPrefix("1.2") }?.hasSuffix("2.5") == true, "a level has no weekly total")
        #expect(text.contains("Sen 30") && text.contains("Min 06"))
    }

    @Test("compliance: a grid of who missed which working day, the day's counts, the per-atasan rollup")
    func compliance() {
        var days: [Reporting.ComplianceDay] = []
        for day in 1...5 {
            let working = day != 3
            let expected: UInt32 = working ? 2 : 0
            let filed: UInt32 = day == 2 ? 1 : expected
            let missing: [String] = day == 2 ? [Self.nip] : []
            days.append(Reporting.ComplianceDay(date: Common.Date(year: 2026, month: 12, day: Int32(day)), workingDay: working, expectedCount: expected,
                                                filedCount: filed, missingNIPs: missing))
        }
        let response = Reporting.GetComplianceResponse(
            unitID: "U1", dateRange: Common.DateRange(startDate: days[0].date, endDate: days[4].date), days: days,
            employees: [Reporting.EmployeeCompliance(employee: Common.EmployeeRef(nip: Self.nip), workingDays: 4, daysFiled: 3, compliancePercent: 75,
                                                     missingDates: [Common.Date(year: 2026, month: 12, day: 2)])],
            unitCompliancePercent: 87.5, atasanRollups: [Reporting.ComplianceRollup(key: "196805101990031003", employeeCount: 2, expectedDays: 8, filedDays: 7,
                                                                                       compliancePercent: 87.5, nonCompliantCount: 1)])
        let text = ReportText.compliance(response, names: [Self.nip: "Yusuf Leo", "196805101990031003": "Atasan"])
        let row = text.split(separator: "\n").first { $0.hasPrefix("Yusuf Leo") } ?? ""
        #expect(row.contains("75") && row.contains("x"))
        #expect(text.contains("87.5 %") && text.contains("Atasan"))
    }

    @Test("report command lines: values, text lengths, links and periods are checked before anything is sent")
    func arguments() throws {
        let base = ["--iki", "1.1", "--description", "Pelayanan KTP-el"]
        _ = try Kinerjactl.Report.Submit.parseChecked(base + ["--value", "12.5", "--minutes", "120"])
        #expect(Kinerjactl.Report.Submit.invalid(base + ["--value=-1"])?.code.exitStatus == 64)
        #expect(Kinerjactl.Report.Submit.invalid(base + ["--value", "1e3"]) != nil)
        #expect(Kinerjactl.Report.Submit.invalid(base + ["--value", "1", "--minutes", "1441"]) != nil)
        #expect(Kinerjactl.Report.Submit.invalid(["--iki", "1.1", "--value", "1", "--description", "  "]) != nil)
        #expect(Kinerjactl.Report.Submit.invalid(base + ["--value", "1", "--link", "http://x.org/a.pdf=" + String(repeating: "a", count: 64)]) != nil)
        let link = try Kinerjactl.Report.Submit.link("https://drive.kupangkota.go.id/a.pdf=" + String(repeating: "ab", count: 32))
        #expect(link.sha256 == Array(repeating: 0xAB, count: 32) && link.uri == "https://drive.kupangkota.go.id/a.pdf")
        #expect(Kinerjactl.Report.Progress.invalid(["--triwulan", "ii", "--month", "4"]) != nil)
        #expect(Kinerjactl.Report.Progress.invalid(["--month", "13"]) != nil)
        #expect(try Kinerjactl.Report.Progress.parseChecked(["--triwulan", "ii", "--year", "2026"]).period.period()
                == Common.Period(year: 2026, kind: .quarterly, triwulan: .ii))
        #expect(Kinerjactl.Report.Verify.invalid((0...500).map { "01JX\($0)" }) != nil)
        #expect(Kinerjactl.Report.Reject.invalid(["01JX", "--reason", " "]) != nil)
        #expect(Kinerjactl.Report.List.invalid(["--from", "2026-12-01"]) != nil)
        #expect(Kinerjactl.Report.Download.invalid(["abc"]) != nil)
        _ = try Kinerjactl.Report.Download.parseChecked(["urn:kinerja:evidence:sha256:" + String(repeating: "0f", count: 32)])
    }

    @Test("a week's CSV: weekdays or dates, IKI ids or numbers; every bad row is listed and nothing is sent")
    func weekFile() {
        let monday = Common.Date(year: 2026, month: 11, day: 30)
        let good = "date,iki,value,description,minutes\nsen,1.1,6,Pelayanan KTP-el,240\n2026-12-01;x\n"
        let (_, syntax) = ReportWeekFile.parse(good, monday: monday, targets: Self.targets)
        #expect(!syntax.isEmpty)
        let (file, problems) = ReportWeekFile.parse("date,iki,value,description,minutes\nsen,1.1,6,Pelayanan KTP-el,240\n2026-12-01,I3,1,Laporan mingguan,\n",
                                                    monday: monday, targets: Self.targets)
        #expect(problems.isEmpty)
        #expect(file.rows.map(\.number) == [2, 3])
        #expect(file.rows[0].draft.reportDate == monday && file.rows[0].draft.ikiID == "I1" && file.rows[0].draft.durationMinutes == 240)
        #expect(file.rows[1].draft.rhkID == "R2")
        let (_, bad) = ReportWeekFile.parse("date,iki,value,description\nfoo,9.9,-1,\n", monday: monday, targets: Self.targets)
        #expect(bad.count == 4, "\(bad)")
        #expect(ReportWeekFile.parse("iki,value\n", monday: monday, targets: Self.targets).problems.count == 2)
    }
}
