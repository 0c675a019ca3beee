import KinerjaASN
import KinerjaProto
import KinerjaReporting
import Testing

@Suite("Compliance")
struct ComplianceTests {
    static let nipC = "198807072012012005"
    static let range = WitaDayRange(Fixtures.day(3, 2), Fixtures.day(3, 15))!

    static func person(_ nip: String, unit: String, atasan: String, from: Common.Date = Fixtures.day(1, 1)) -> ComplianceEmployee {
        ComplianceEmployee(employee: Common.EmployeeRef(nip: nip, unitID: unit), atasanNIP: atasan, unitPath: [unit, "pemkot"],
                           expectedDays: [WitaDayRange(from, Fixtures.day(12, 31))].compactMap { $0 })
    }

    /// A files every working day but 5 March and is on cuti 12-13 March; B's SKP starts 9 March and B files nothing;
    /// C (Dinas Kesehatan, closed on 6 March) files every weekday, the closed day too.
    static func scenario() -> ComplianceResult {
        let employees = [
            person(Fixtures.nip, unit: "dukcapil", atasan: Fixtures.atasan),
            person(Fixtures.otherNIP, unit: "dukcapil", atasan: Fixtures.atasan, from: Fixtures.day(3, 9)),
            person(nipC, unit: "dinkes", atasan: "196912121994031007"),
        ]
        var filed = FiledDays()
        for date in range where date.weekday.map(Weekday.mondayToFriday.contains) == true {
            if date != Fixtures.day(3, 5) && date < Fixtures.day(3, 12) { filed.add(nip: Fixtures.nip, date: date) }
            filed.add(nip: nipC, date: date)
        }
        let absences = AbsenceIndex([Reporting.Absence(nip: Fixtures.nip, kind: .cuti,
                                                       dates: Common.DateRange(startDate: Fixtures.day(3, 12), endDate: Fixtures.day(3, 13)))])
        let calendar = WorkingDayCalendar(nonWorkingDays: NonWorkingDayList.indonesia2026 + [
            Reporting.NonWorkingDay(date: Fixtures.day(3, 6), kind: .unitClosure, name: "Fumigasi kantor", unitID: "dinkes"),
        ])
        return Compliance.compute(range: range, employees: employees, filed: filed, absences: absences, calendar: calendar)
    }

    @Test("per WITA working day: who was expected, who filed and who has not filed; weekends are not working days")
    func perDay() throws {
        let result = Self.scenario()
        #expect(result.days.count == 14)
        let fifth = try #require(result.days.first { $0.date == Fixtures.day(3, 5) })
        #expect(fifth.workingDay)
        #expect(fifth.expectedCount == 2, "B's SKP has not started")
        #expect(fifth.filedCount == 1)
        #expect(fifth.missingNIPs == [Fixtures.nip])
        let saturday = try #require(result.days.first { $0.date == Fixtures.day(3, 14) })
        #expect(!saturday.workingDay)
        #expect(saturday.expectedCount == 0)
    }

    @Test("an absence (cuti) and a unit closure excuse the day: not expected, counted as excused, never 'not filed'")
    func excused() throws {
        let result = Self.scenario()
        let closed = try #require(result.days.first { $0.date == Fixtures.day(3, 6) })
        #expect(closed.expectedCount == 1 && closed.excusedCount == 1, "C's unit was closed; C's report that day counts nowhere here")
        let cuti = try #require(result.days.first { $0.date == Fixtures.day(3, 12) })
        #expect(cuti.expectedCount == 2 && cuti.excusedCount == 1)
        #expect(!cuti.missingNIPs.contains(Fixtures.nip))
    }

    @Test("per employee: filed / expected working days, the missing dates, lowest compliance first")
    func perEmployee() throws {
        let rows = Self.scenario().employees
        #expect(rows.map { $0.employee?.nip } == [Fixtures.otherNIP, Fixtures.nip, Self.nipC])
        let a = rows[1]
        #expect(a.workingDays == 8 && a.daysFiled == 7 && a.excusedDays == 2)
        #expect(a.compliancePercent == 87.5)
        #expect(a.missingDates == [Fixtures.day(3, 5)])
        #expect(a.atasanNIP == Fixtures.atasan)
        #expect(rows[0].compliancePercent == 0 && rows[0].workingDays == 5)
        #expect(rows[2].compliancePercent == 100 && rows[2].workingDays == 9)
    }

    @Test("rollups per unit and per atasan add the members' employee-days; the unit figure is filed / expected over everyone")
    func rollups() {
        let result = Self.scenario()
        #expect(result.unitRollups.map(\.key) == ["dinkes", "dukcapil"])
        #expect(result.unitRollups[0] == Reporting.ComplianceRollup(key: "dinkes", employeeCount: 1, expectedDays: 9, filedDays: 9,
                                                                    compliancePercent: 100, nonCompliantCount: 0))
        let dukcapil = result.unitRollups[1]
        #expect(dukcapil.employeeCount == 2 && dukcapil.expectedDays == 13 && dukcapil.filedDays == 7 && dukcapil.nonCompliantCount == 2)
        #expect(abs(dukcapil.compliancePercent - 700.0 / 13) < 1e-9)
        #expect(result.atasanRollups.map(\.key) == ["196912121994031007", Fixtures.atasan])
        #expect(result.atasanRollups[1].expectedDays == 13)
        #expect(abs(result.compliancePercent - 1600.0 / 22) < 1e-9)
        let response = result.response(unitID: "pemkot", includeEmployees: true, nonCompliantOnly: true)
        #expect(response.employees.count == 2)
        #expect(response.dateRange == Self.range.dateRange)
        #expect(result.response(unitID: "pemkot", includeEmployees: false, nonCompliantOnly: false).employees.isEmpty)
    }

    @Test("rates per employee per month: a range across months splits by calendar month; Good Friday is not a working day")
    func monthly() throws {
        let range = try #require(WitaDayRange(Fixtures.day(3, 30), Fixtures.day(4, 3)))
        var filed = FiledDays()
        filed.add(nip: Fixtures.nip, date: Fixtures.day(3, 30))
        filed.add(nip: Fixtures.nip, date: Fixtures.day(4, 1))
        let result = Compliance.compute(range: range, employees: [Self.person(Fixtures.nip, unit: "dukcapil", atasan: "")], filed: filed,
                                        absences: AbsenceIndex(), calendar: Fixtures.calendar)
        let months = try #require(result.employees.first?.months)
        #expect(months.map(\.month) == [3, 4])
        #expect(months[0].workingDays == 2 && months[0].daysFiled == 1 && months[0].compliancePercent == 50)
        #expect(months[1].workingDays == 2 && months[1].daysFiled == 1, "1-2 April; 3 April is Wafat Yesus Kristus")
        #expect(result.atasanRollups.isEmpty, "no atasan, no atasan rollup")
    }

    @Test("nothing expected is 100 %; a filed report that is DITARIK does not count as filed")
    func edges() {
        #expect(Compliance.percent(filed: 0, expected: 0) == 100)
        let withdrawn = Reporting.DailyReport(nip: Fixtures.nip, reportDate: Fixtures.day(3, 10), state: .ditarik)
        let rejected = Reporting.DailyReport(nip: Fixtures.nip, reportDate: Fixtures.day(3, 11), state: .ditolak)
        let filed = FiledDays(reports: [withdrawn, rejected])
        #expect(!filed.filed(Fixtures.nip, on: Fixtures.day(3, 10)))
        #expect(filed.filed(Fixtures.nip, on: Fixtures.day(3, 11)), "a rejected report was still filed")
    }

    @Test("at most 1000 missing NIPs per day, with the truncation flagged")
    func truncation() throws {
        let day = try #require(WitaDayRange(day: Fixtures.day(3, 10)))
        let employees = (0..<1001).map { index in
            let digits = String(index)
            return ComplianceEmployee(employee: Common.EmployeeRef(nip: "199001" + String(repeating: "0", count: 12 - digits.count) + digits), expectedDays: [day])
        }
        let result = Compliance.compute(range: day, employees: employees, filed: FiledDays(), absences: AbsenceIndex(), calendar: Fixtures.calendar)
        #expect(result.days[0].expectedCount == 1001)
        #expect(result.days[0].missingNIPs.count == 1000)
        #expect(result.days[0].missingTruncated)
    }

    @Test("a GetCompliance range is at most 92 days and not after today (WITA)")
    func range() {
        let today = Fixtures.day(3, 10)
        func range(_ start: Common.Date, _ end: Common.Date) -> Common.DateRange { Common.DateRange(startDate: start, endDate: end) }
        #expect(Fixtures.error { try Compliance.checkRange(range(Fixtures.day(1, 1), Fixtures.day(3, 10)), today: today) } == nil)
        #expect(Fixtures.error { try Compliance.checkRange(range(Fixtures.day(12, 8, 2025), Fixtures.day(3, 10)), today: today) }?.code == .complianceRangeInvalid)
        #expect(Fixtures.error { try Compliance.checkRange(range(Fixtures.day(3, 1), Fixtures.day(3, 11)), today: today) }?.field == "date_range.end_date")
        #expect(Fixtures.error { try Compliance.checkRange(range(Fixtures.day(3, 9), Fixtures.day(3, 1)), today: today) }?.code == .complianceRangeInvalid)
        #expect(Fixtures.error { try Compliance.checkRange(nil, today: today) }?.code == .complianceRangeInvalid)
    }

    @Test("RecordAbsence's rules: 18-digit NIP, a kind, a real range of at most 1827 days, short reference and note")
    func absenceRules() {
        let good = Reporting.Absence(nip: Fixtures.nip, kind: .tugasBelajar,
                                     dates: Common.DateRange(startDate: Fixtures.day(8, 1), endDate: Fixtures.day(7, 31, 2030)), reference: "SK 800/45/BKPSDM/2026")
        #expect(AbsenceIndex.violations(good).isEmpty, "four years of tugas belajar")
        let bad = Reporting.Absence(nip: "1985", dates: Common.DateRange(startDate: Fixtures.day(3, 5), endDate: Fixtures.day(3, 4)), note: String(repeating: "x", count: 501))
        #expect(AbsenceIndex.violations(bad).map(\.field) == ["absence.nip", "absence.kind", "absence.dates.end_date", "absence.note"])
        let long = Reporting.Absence(nip: Fixtures.nip, kind: .cuti, dates: Common.DateRange(startDate: Fixtures.day(1, 1), endDate: Fixtures.day(1, 3, 2031)))
        #expect(AbsenceIndex.violations(long).first?.reason == "ABSENCE_RANGE_INVALID")
    }
}
