public import KinerjaASN
public import KinerjaProto

/// One employee as compliance sees them.
public struct ComplianceEmployee: Sendable, Hashable {
    /// Who.
    public var employee: Common.EmployeeRef
    /// Their pejabat penilai (the per-atasan rollup key); empty when none.
    public var atasanNIP: String
    /// Their unit's id first (the per-unit rollup key), then its ancestors' ids: the path the
    /// calendar's unit closures are matched against.
    public var unitPath: [String]
    /// The days filing is expected of them at all: AKTIF, with an SKP covering the day
    /// (`reporting.proto` ComplianceDay.expected_count). Empty = never.
    public var expectedDays: [WitaDayRange]

    /// An employee; `unitPath` defaults to their unit alone.
    public init(employee: Common.EmployeeRef, atasanNIP: String = "", unitPath: [String]? = nil, expectedDays: [WitaDayRange]) {
        self.employee = employee
        self.atasanNIP = atasanNIP
        self.unitPath = unitPath ?? (employee.unitID.isEmpty ? [] : [employee.unitID])
        self.expectedDays = expectedDays
    }
}

/// The WITA days on which each employee filed at least one report (not DITARIK).
public struct FiledDays: Sendable, Hashable {
    private var days: [String: Set<Int>] = [:]

    /// No filings.
    public init() {}

    /// The days of `reports` that count as filed: any state except DITARIK.
    public init(reports: [Reporting.DailyReport]) {
        for report in reports where report.state != .ditarik {
            if let date = report.reportDate { add(nip: report.nip, date: date) }
        }
    }

    /// Records that `nip` filed on `date`.
    public mutating func add(nip: String, date: Common.Date) {
        guard let day = date.daysSinceEpoch else { return }
        days[nip, default: []].insert(day)
    }

    /// True when `nip` filed on `date`.
    public func filed(_ nip: String, on date: Common.Date) -> Bool {
        guard let day = date.daysSinceEpoch else { return false }
        return filed(nip, day: day)
    }

    func filed(_ nip: String, day: Int) -> Bool { days[nip]?.contains(day) ?? false }
}

/// Filing compliance over a range: per WITA day, per employee (and per month), per unit and per atasan.
public struct ComplianceResult: Sendable, Hashable {
    /// The days checked.
    public var range: WitaDayRange
    /// One entry per day, ascending.
    public var days: [Reporting.ComplianceDay]
    /// One entry per employee, lowest compliance first (then by NIP).
    public var employees: [Reporting.EmployeeCompliance]
    /// One rollup per unit, by unit id.
    public var unitRollups: [Reporting.ComplianceRollup]
    /// One rollup per atasan, by NIP.
    public var atasanRollups: [Reporting.ComplianceRollup]
    /// Filed ÷ expected employee-days × 100 over everyone; 100 when nothing was expected.
    public var compliancePercent: Double

    /// The GetCompliance answer for `unitID` with the request's options.
    public func response(unitID: String, includeEmployees: Bool, nonCompliantOnly: Bool) -> Reporting.GetComplianceResponse {
        let rows = !includeEmployees ? [] : nonCompliantOnly ? employees.filter { $0.compliancePercent < 100 } : employees
        return Reporting.GetComplianceResponse(unitID: unitID, dateRange: range.dateRange, days: days, employees: rows,
                                               unitCompliancePercent: compliancePercent, unitRollups: unitRollups, atasanRollups: atasanRollups)
    }
}

/// Filing compliance: who has not filed, per WITA working day, as pure functions over
/// (employees, the days they filed, absences, calendar).
///
/// The rules (DOMAIN.md, `reporting.proto` ComplianceDay, EmployeeCompliance):
/// - filing is expected of an employee on a day when it is a working day for their unit
///   (``WorkingDayCalendar``: not a weekend, national holiday, cuti bersama, libur daerah or a
///   closure of their unit or an ancestor), one of their expected days (AKTIF, with an SKP
///   covering it), and they are not absent (cuti, sakit, dinas luar, tugas belajar);
/// - a unit closure or an absence *excuses* the day (counted as excused, not expected);
/// - a day is filed when at least one report (not DITARIK) is dated on it; reports on days
///   that were not expected count in realisation but not here;
/// - compliance = filed ÷ expected × 100, and 100 when nothing was expected.
public enum Compliance {
    /// The range of a GetCompliance request.
    ///
    /// - Throws: ``ReportingError`` `COMPLIANCE_RANGE_INVALID` (INVALID_ARGUMENT) when missing,
    ///   reversed, longer than 92 days or ending after `today`.
    public static func checkRange(_ range: Common.DateRange?, today: Common.Date) throws(ReportingError) -> WitaDayRange {
        guard let range, let days = WitaDayRange(range) else {
            throw ReportingError(.complianceRangeInvalid, "date_range needs real start and end days, end not before start", field: "date_range")
        }
        guard days.dayCount <= ReportingLimits.complianceRangeDays else {
            throw ReportingError(.complianceRangeInvalid, "date_range covers at most \(ReportingLimits.complianceRangeDays) days, got \(days.dayCount)",
                                 field: "date_range")
        }
        guard days.end <= today else {
            throw ReportingError(.complianceRangeInvalid, "date_range must not end after today (\(today.isoString), WITA)", field: "date_range.end_date")
        }
        return days
    }

    /// Filed ÷ expected × 100; 100 when nothing was expected.
    public static func percent(filed: Int, expected: Int) -> Double {
        expected > 0 ? Double(filed) / Double(expected) * 100 : 100
    }

    /// Compliance of `employees` over `range`.
    public static func compute(range: WitaDayRange, employees: [ComplianceEmployee], filed: FiledDays, absences: AbsenceIndex,
                               calendar: WorkingDayCalendar) -> ComplianceResult {
        let dayNumbers = Array(range.lowerDay...range.upperDay)
        let agencyWorking = dayNumbers.map(calendar.isAgencyWorkingDay(day:))
        var days = dayNumbers.indices.map { index in
            Reporting.ComplianceDay(date: WitaDayRange.date(dayNumbers[index]), workingDay: agencyWorking[index])
        }
        var missingPerDay = Array(repeating: [String](), count: dayNumbers.count)
        let months = range.months

        var rows: [Reporting.EmployeeCompliance] = []
        var unitTotals: [String: Totals] = [:]
        var atasanTotals: [String: Totals] = [:]
        var everyone = Totals()
        for person in employees {
            let nip = person.employee.nip
            var expected = 0, filedCount = 0, excused = 0
            var missing: [Common.Date] = []
            var monthly = months.map { Reporting.MonthlyCompliance(year: $0.start.year, month: $0.start.month) }
            for (index, day) in dayNumbers.enumerated() where agencyWorking[index] {
                guard person.expectedDays.contains(where: { $0.contains(day: day) }) else { continue }
                if !calendar.isWorkingDay(day: day, unitPath: person.unitPath) || absences.isAbsent(nip, day: day) {
                    excused += 1
                    days[index].excusedCount += 1
                    continue
                }
                let month = months.firstIndex { $0.contains(day: day) } ?? 0
                expected += 1
                days[index].expectedCount += 1
                monthly[month].workingDays += 1
                if filed.filed(nip, day: day) {
                    filedCount += 1
                    days[index].filedCount += 1
                    monthly[month].daysFiled += 1
                } else {
                    missingPerDay[index].append(nip)
                    if missing.count < ReportingLimits.missingDatesPerEmployee { missing.append(WitaDayRange.date(day)) }
                }
            }
            for index in monthly.indices {
                monthly[index].compliancePercent = percent(filed: Int(monthly[index].daysFiled), expected: Int(monthly[index].workingDays))
            }
            rows.append(Reporting.EmployeeCompliance(
                employee: person.employee, workingDays: UInt32(expected), daysFiled: UInt32(filedCount),
                compliancePercent: percent(filed: filedCount, expected: expected), missingDates: missing, months: monthly,
                excusedDays: UInt32(excused), atasanNIP: person.atasanNIP))
            let member = Totals(employees: expected > 0 ? 1 : 0, expected: expected, filed: filedCount, nonCompliant: filedCount < expected ? 1 : 0)
            if let unit = person.unitPath.first { unitTotals[unit, default: Totals()].add(member) }
            if !person.atasanNIP.isEmpty { atasanTotals[person.atasanNIP, default: Totals()].add(member) }
            everyone.add(member)
        }
        for index in days.indices {
            let missing = missingPerDay[index].sorted()
            days[index].missingNIPs = Array(missing.prefix(ReportingLimits.missingNipsPerDay))
            days[index].missingTruncated = missing.count > ReportingLimits.missingNipsPerDay
        }
        rows.sort { ($0.compliancePercent, $0.employee?.nip ?? "") < ($1.compliancePercent, $1.employee?.nip ?? "") }
        return ComplianceResult(range: range, days: days, employees: rows,
                                unitRollups: unitTotals.sorted { $0.key < $1.key }.map { $0.value.rollup(key: $0.key) },
                                atasanRollups: atasanTotals.sorted { $0.key < $1.key }.map { $0.value.rollup(key: $0.key) },
                                compliancePercent: percent(filed: everyone.filed, expected: everyone.expected))
    }

    /// Sums of a group.
    private struct Totals {
        var employees = 0, expected = 0, filed = 0, nonCompliant = 0

        mutating func add(_ other: Totals) {
            employees += other.employees
            expected += other.expected
            filed += other.filed
            nonCompliant += other.nonCompliant
        }

        func rollup(key: String) -> Reporting.ComplianceRollup {
            Reporting.ComplianceRollup(key: key, employeeCount: UInt32(employees), expectedDays: UInt32(expected), filedDays: UInt32(filed),
                                       compliancePercent: Compliance.percent(filed: filed, expected: expected), nonCompliantCount: UInt32(nonCompliant))
        }
    }
}
