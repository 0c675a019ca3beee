import Foundation
import KinerjaASN
import KinerjaProto

/// How daily reports, progress, a week and compliance read in a terminal.
enum ReportText {
    // MARK: IKI numbers

    /// `1.2` → "1.2" when it is RHK.IKI numbers; nil otherwise.
    static func number(_ text: String) -> String? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        return "\(Int(parts[0]) ?? 0).\(Int(parts[1]) ?? 0)"
    }

    /// The targets numbered RHK.IKI in SKP order, as `skp show` prints them.
    static func numbered(_ targets: Planning.EmployeeTargets) -> [(number: String, target: Planning.IkiTarget)] {
        var rhks: [String] = []
        var counts: [String: Int] = [:]
        return targets.targets.map { target in
            if !rhks.contains(target.rhkID) { rhks.append(target.rhkID) }
            counts[target.rhkID, default: 0] += 1
            return ("\(rhks.firstIndex(of: target.rhkID).map { $0 + 1 } ?? 0).\(counts[target.rhkID] ?? 0)", target)
        }
    }

    // MARK: Values

    /// A realisation or target value: whole numbers without decimals, others with up to two.
    static func value(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == value.rounded(), abs(value) < 1e15 { return Display.grouped(Int(value)) }
        return String(format: "%.2f", value).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
    }

    /// A percentage with one decimal, "—" when absent.
    static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return String(format: "%.1f %%", value)
    }

    /// A target as people read it: `1 200 dokumen`, `80–100 persen`, or the descriptive text.
    static func target(_ target: Planning.Target?) -> String {
        guard let target else { return "—" }
        if !target.qualitativeText.isEmpty { return target.qualitativeText }
        let amount = target.upperValue.map { "\(value(target.value))–\(value($0.value))" } ?? value(target.value)
        return target.unit.isEmpty ? amount : "\(amount) \(target.unit)"
    }

    /// A bar of `width` cells for a capaian: filled up to 100 %, `+` past it, empty without one.
    static func bar(_ percent: Double?, width: Int = 10) -> String {
        guard let percent, percent.isFinite else { return "[" + String(repeating: " ", count: width) + "]" }
        let filled = min(width, max(0, Int((percent / 100 * Double(width)).rounded(.down))))
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]" + (percent > 100 ? "+" : "")
    }

    /// A report state in words: Diajukan, Diverifikasi, Ditolak, Ditarik, Dicabut.
    static func state(_ state: Reporting.ReportState) -> String { Display.name(state) }

    // MARK: Reports

    /// One report per row: day, id, IKI, value, state, verifier and the review due date.
    static func list(_ reports: [Reporting.DailyReport], names: [String: String] = [:], showAuthor: Bool = false) -> Table {
        var columns: [Table.Column] = [.init("DATE", maxWidth: 10), .init("REPORT ID", maxWidth: 26)]
        if showAuthor { columns.append(.init("EMPLOYEE", maxWidth: 28)) }
        columns += [.init("IKI", maxWidth: 36), .init("VALUE", maxWidth: 16, alignRight: true), .init("STATE", maxWidth: 12),
                    .init("REVIEW", maxWidth: 22)]
        var table = Table(columns)
        for report in reports {
            var cells = [WITATime.format(report.reportDate), report.reportID]
            if showAuthor { cells.append(names[report.nip] ?? report.employee?.displayName ?? report.nip) }
            let due = report.state == .diajukan
                ? (report.reviewOverdue ? "OVERDUE since " : "due ") + WITATime.format(report.reviewDueDate)
                : report.reviewNote
            cells += [report.indicator, value(report.realisationValue) + (report.unit.isEmpty ? "" : " \(report.unit)"),
                      state(report.state) + (report.provisional ? "*" : ""), due]
            table.append(cells)
        }
        return table
    }

    /// One report in full.
    static func detail(_ report: Reporting.DailyReport, names: [String: String] = [:]) -> String {
        var fields = FieldList()
        fields.append("Report", report.reportID)
        fields.append("Employee", "\(names[report.nip] ?? report.employee?.displayName ?? "") (\(report.nip))")
        fields.append("Date", WITATime.format(report.reportDate))
        fields.append("State", state(report.state) + (report.provisional ? " (provisional: no approved SKP yet)" : ""))
        fields.append("IKI", "\(report.indicator) (\(report.ikiID))")
        fields.append("SKP", "\(report.skpID) version \(report.skpVersion)")
        fields.append("Realisation", value(report.realisationValue) + (report.unit.isEmpty ? "" : " \(report.unit)"))
        if report.durationMinutes > 0 { fields.append("Duration", "\(report.durationMinutes) minutes") }
        fields.append("Description", report.description)
        for (index, link) in report.evidence.enumerated() {
            fields.append(index == 0 ? "Evidence" : "", "\(link.title.isEmpty ? link.uri : link.title) \(link.mediaType) \(link.sizeBytes > 0 ? "\(link.sizeBytes) bytes" : "") sha256:\(Display.hex(link.sha256).prefix(16))…")
        }
        fields.append("Verifier", "\(names[report.verifierNIP] ?? "") (\(report.verifierNIP))")
        fields.append("Submitted", WITATime.format(report.submitted?.at))
        if let updated = report.updated { fields.append("Changed", WITATime.format(updated.at)) }
        if let reviewed = report.reviewed { fields.append("Reviewed", WITATime.format(reviewed.at)) }
        if let revoked = report.revoked { fields.append("Revoked", WITATime.format(revoked.at)) }
        if !report.reviewNote.isEmpty { fields.append("Note", report.reviewNote) }
        if report.state == .diajukan {
            fields.append("Review due", WITATime.format(report.reviewDueDate) + (report.reviewOverdue ? " (OVERDUE)" : ""))
        }
        fields.append("Revision", "\(report.revision)")
        return fields.render()
    }

    // MARK: Progress

    /// Target, realisation (verified and with pending) and capaian per IKI, with a bar each.
    static func progress(_ progress: Reporting.EmployeeProgress, name: String = "") -> String {
        var lines: [String] = []
        let who = name.isEmpty ? progress.employee?.displayName ?? "" : name
        lines.append("Progress of \(who) (\(progress.employee?.nip ?? "")), \(period(progress.period)), up to \(WITATime.format(progress.asOfDate))")
        switch progress.targetsAvailability {
        case .approved: lines.append("Targets: approved SKP \(progress.skpID) version \(progress.skpVersion)")
        case .provisional: lines.append("Targets: PROVISIONAL (no approved SKP yet), version \(progress.skpVersion)")
        default: lines.append("No SKP covers this period: nothing to measure.")
        }
        var table = Table([.init("IKI", maxWidth: 36), .init("TARGET", maxWidth: 22, alignRight: true), .init("VERIFIED", maxWidth: 14, alignRight: true),
                           .init("+PENDING", maxWidth: 14, alignRight: true), .init("CAPAIAN", maxWidth: 9, alignRight: true), .init("", maxWidth: 13),
                           .init("REPORTS", maxWidth: 12, alignRight: true)])
        for iki in progress.ikis {
            if let qualitative = iki.qualitative {
                table.append([iki.indicator, target(iki.target), "rated", "", qualitative.rating == .unspecified ? "—" : Display.name(qualitative.rating), "", ""])
                continue
            }
            table.append([iki.indicator, target(iki.target), value(iki.realisationVerified), value(iki.realisationWithPending),
                          percent(iki.capaianPercent?.value), bar(iki.capaianPercent?.value),
                          "\(iki.verifiedCount)/\(iki.reportCount)" + (iki.pendingCount > 0 ? " (\(iki.pendingCount)…)" : "")])
        }
        lines.append("")
        lines.append(table.render())
        lines.append("")
        lines.append("Average capaian \(percent(progress.averageCapaianPercent?.value)) (Utama \(percent(progress.averageCapaianUtamaPercent?.value))); "
            + "filed on \(progress.daysFiled) of \(progress.workingDays) working days; \(progress.pendingVerificationCount) awaiting verification.")
        lines.append("VERIFIED counts verified reports only; +PENDING adds those awaiting verification (provisional).")
        return lines.joined(separator: "\n")
    }

    /// An atasan's team in brief.
    static func team(_ response: Reporting.GetTeamProgressResponse) -> String {
        var table = Table([.init("EMPLOYEE", maxWidth: 30), .init("NIP", maxWidth: 18), .init("CAPAIAN", maxWidth: 9, alignRight: true), .init("", maxWidth: 13),
                           .init("ON TRACK", maxWidth: 9, alignRight: true), .init("FILED", maxWidth: 9, alignRight: true),
                           .init("PENDING", maxWidth: 8, alignRight: true), .init("LAST REPORT", maxWidth: 10)])
        for member in response.members {
            table.append([member.employee?.displayName ?? "", member.employee?.nip ?? "", percent(member.averageCapaianPercent?.value),
                          bar(member.averageCapaianPercent?.value), "\(member.ikiOnTrackCount)/\(member.ikiCount)",
                          "\(member.daysFiled)/\(member.workingDays)", "\(member.pendingVerificationCount)", WITATime.format(member.lastReportDate)])
        }
        return "Team progress, \(period(response.period)), up to \(WITATime.format(response.asOfDate))\n\n" + table.render()
    }

    /// `year 2026`, `triwulan II 2026`, `month 3 2026`.
    static func period(_ period: Common.Period?) -> String {
        guard let period else { return "—" }
        switch period.kind {
        case .monthly: return String(format: "%04d-%02d", period.year, period.month)
        case .quarterly: return "triwulan \(["I", "II", "III", "IV"][max(0, min(3, Int(period.triwulan.rawValue) - 1))]) \(period.year)"
        default: return "year \(period.year)"
        }
    }

    // MARK: A week

    /// The week starting `monday`: one row per IKI, the day's total realisation per column
    /// (`*` when some of it awaits verification), and the state counts below.
    static func week(monday: Common.Date, targets: Planning.EmployeeTargets, reports: [Reporting.DailyReport]) -> String {
        let days = (0..<7).compactMap { monday.adding(days: $0) }
        let names = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"]
        var columns: [Table.Column] = [.init("NO", maxWidth: 5), .init("IKI", maxWidth: 34)]
        for (index, day) in days.enumerated() { columns.append(.init("\(names[index]) \(String(format: "%02d", day.day))", maxWidth: 10, alignRight: true)) }
        columns.append(.init("TOTAL", maxWidth: 12, alignRight: true))
        var table = Table(columns)
        let counted = reports.filter { $0.state != .ditarik }
        for (number, target) in numbered(targets) {
            var cells = [number, target.indicator]
            var total = 0.0
            for day in days {
                let mine = counted.filter { $0.ikiID == target.ikiID && $0.reportDate == day }
                guard !mine.isEmpty else { cells.append(""); continue }
                let sum = mine.filter { $0.state == .diajukan || $0.state == .diverifikasi }.reduce(0) { $0 + $1.realisationValue }
                total += sum
                let marker = mine.contains { $0.state == .diajukan } ? "*" : mine.contains { $0.state == .ditolak || $0.state == .dicabut } ? "!" : ""
                cells.append(value(sum) + marker)
            }
            // Amounts add up over the week; levels (persen, hari) do not, so they have no total.
            cells.append(target.aggregation == .sum || target.aggregation == .unspecified ? value(total) : "")
            table.append(cells)
        }
        let states = Dictionary(grouping: counted, by: \.state).map { "\($0.value.count) \(state($0.key))" }.sorted()
        return "Week of \(WITATime.format(monday)) – \(WITATime.format(days.last))\n\n" + table.render()
            + "\n\n" + (states.isEmpty ? "No reports this week." : states.joined(separator: ", ")) + ".  * awaiting verification, ! rejected or revoked"
    }

    /// The Monday of the week of `date`.
    static func monday(of date: Common.Date) -> Common.Date {
        guard let days = date.daysSinceEpoch else { return date }
        // 1970-01-01 was a Thursday: Monday is 3 days before it.
        let weekday = ((days + 3) % 7 + 7) % 7
        return date.adding(days: -weekday) ?? date
    }

    // MARK: Compliance

    /// A unit's calendar: one column per day, one row per employee who missed a day, and the
    /// day's counts; `·` filed, `x` missing, `c` excused (absence or closure), blank not a working day.
    static func compliance(_ response: Reporting.GetComplianceResponse, names: [String: String]) -> String {
        var lines: [String] = []
        let days = response.days
        lines.append("Compliance of unit \(response.unitID), \(WITATime.format(response.dateRange?.startDate)) – \(WITATime.format(response.dateRange?.endDate)): "
            + percent(response.unitCompliancePercent))
        lines.append("")
        var columns: [Table.Column] = [.init("EMPLOYEE", maxWidth: 26), .init("%", maxWidth: 6, alignRight: true)]
        for day in days { columns.append(.init(String(format: "%02d", day.date?.day ?? 0), maxWidth: 2)) }
        var table = Table(columns)
        let missing = days.map { Set($0.missingNIPs) }
        for employee in response.employees where employee.compliancePercent < 100 {
            let nip = employee.employee?.nip ?? ""
            let missed = Set(employee.missingDates.compactMap(\.daysSinceEpoch))
            var cells = [names[nip] ?? employee.employee?.displayName ?? nip, String(format: "%.0f", employee.compliancePercent)]
            for (index, day) in days.enumerated() {
                guard day.workingDay else { cells.append(""); continue }
                let number = day.date?.daysSinceEpoch ?? 0
                cells.append(missed.contains(number) || missing[index].contains(nip) ? "x" : "·")
            }
            table.append(cells)
        }
        var expected = ["expected", ""]
        var filed = ["filed", ""]
        var excused = ["excused", ""]
        for day in days {
            expected.append(day.workingDay ? "\(day.expectedCount)" : "")
            filed.append(day.workingDay ? "\(day.filedCount)" : "")
            excused.append(day.workingDay && day.excusedCount > 0 ? "\(day.excusedCount)" : "")
        }
        table.append(expected)
        table.append(filed)
        table.append(excused)
        lines.append(table.render())
        lines.append("x missed, · filed; blank: not a working day (weekend, libur nasional, cuti bersama). Days above 99 are cut in the grid.")
        if !response.atasanRollups.isEmpty {
            lines.append("")
            var atasan = Table([.init("ATASAN", maxWidth: 30), .init("EMPLOYEES", maxWidth: 9, alignRight: true), .init("FILED", maxWidth: 13, alignRight: true),
                                .init("%", maxWidth: 7, alignRight: true), .init("BELOW 100 %", maxWidth: 11, alignRight: true)])
            for rollup in response.atasanRollups.sorted(by: { $0.compliancePercent < $1.compliancePercent }) {
                atasan.append([names[rollup.key] ?? rollup.key, "\(rollup.employeeCount)", "\(rollup.filedDays)/\(rollup.expectedDays)",
                               String(format: "%.1f", rollup.compliancePercent), "\(rollup.nonCompliantCount)"])
            }
            lines.append(atasan.render())
        }
        return lines.joined(separator: "\n")
    }
}
