import ArgumentParser
import KinerjaProto

/// `report progress --unit U [--subunits] [--plot FILE]`: a unit's capaian month by month
/// instead of one employee's progress per IKI.
struct UnitProgressOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A unit's capaian per month instead of one employee's progress (id or code, e.g. KPG.DUKCAPIL).", valueName: "unit"))
    var unit: UnitReference?
    @Flag(help: "With --unit: its sub-units too.") var subunits = false
    @OptionGroup var plot: PlotOption

    func validate() throws {
        if unit == nil, subunits || plot.plot != nil { throw CLIError.invalidArguments("--subunits and --plot go with --unit") }
    }
}

/// One month of a unit's progress: the mean of the employees' verified capaian.
struct UnitMonthProgress: Sendable, Equatable {
    /// 1–12.
    var month: Int
    /// Employees streamed.
    var employees: Int
    /// Employees with a computable capaian.
    var withCapaian: Int
    /// Mean over the employees of their mean capaian (all IKIs), percent; nil when none is computable.
    var averageCapaian: Double?
    /// The same over the Utama IKIs.
    var averageUtama: Double?

    /// The month's figures from the employees' progress rows.
    init(month: Int, rows: [Reporting.EmployeeProgress]) {
        self.month = month
        employees = rows.count
        let all = rows.compactMap { $0.averageCapaianPercent?.value }
        let utama = rows.compactMap { $0.averageCapaianUtamaPercent?.value }
        withCapaian = all.count
        averageCapaian = all.isEmpty ? nil : all.reduce(0, +) / Double(all.count)
        averageUtama = utama.isEmpty ? nil : utama.reduce(0, +) / Double(utama.count)
    }
}

/// `report progress --unit`: one StreamUnitProgress per month of the year (or of the triwulan, or
/// the month, that the period options name), up to the current month.
enum UnitProgressRun {
    static func run(_ options: UnitProgressOptions, unit reference: UnitReference, period: PeriodOptions,
                    connection: ConnectionOptions) async throws {
        let year = try period.year.map { try SkpValues.year($0) } ?? SkpValues.currentYear()
        let months = try Self.months(year: year, period: period)
        let (label, rows) = try await CommandEnvironment.withReporting(connection) { caller in
            let unitID = try await ReportLookup.unitID(reference, caller)
            let unit = try? await caller.identity.call { try await $0.getUnit(.init(unitID: unitID), options: $1) }.unit
            var rows: [UnitMonthProgress] = []
            for month in months {
                let request = Reporting.StreamUnitProgressRequest(unit: Common.UnitScope(unitID: unitID, includeSubunits: options.subunits),
                                                                  period: Common.Period(year: year, kind: .monthly, month: Int32(month)))
                let progress = try await caller.call { client, callOptions in
                    try await client.streamUnitProgress(request, options: callOptions) { responses in
                        var collected: [Reporting.EmployeeProgress] = []
                        for try await response in responses { if let progress = response.progress { collected.append(progress) } }
                        return collected
                    }
                }
                rows.append(UnitMonthProgress(month: month, rows: progress))
            }
            let name = unit.map { $0.code.isEmpty ? $0.name : "\($0.code) — \($0.name)" } ?? unitID
            return (name + (options.subunits ? " dengan sub-unit" : ""), rows)
        }
        let today = ReportLookup.today
        let current = today.year == year ? Int(today.month) : nil
        if let line = try options.plot.write({ UnitProgressChart.chart(rows, unit: label, year: year, current: current) }) {
            PlotReport.line(line, json: connection.json)
        }
        if connection.json {
            print(UnitProgressText.json(rows, year: year))
            return
        }
        print("Capaian \(label), \(year) (rata-rata capaian terverifikasi pegawai per bulan)")
        print(UnitProgressText.table(rows, current: current).render())
    }

    /// The months the options name, up to the current month of the current year.
    static func months(year: Int32, period: PeriodOptions) throws -> [Int] {
        var months = Array(1...12)
        if let month = period.month {
            guard (1...12).contains(month) else { throw CLIError.invalidArguments("--month must be 1–12") }
            months = [month]
        } else if let triwulan = period.triwulan {
            let first = (Int(triwulan.value.rawValue) - 1) * 3 + 1
            months = Array(first...(first + 2))
        }
        let today = ReportLookup.today
        if year == today.year { months = months.filter { $0 <= Int(today.month) } }
        guard !months.isEmpty else { throw CLIError.invalidArguments("the months asked for are all after today") }
        return months
    }
}
