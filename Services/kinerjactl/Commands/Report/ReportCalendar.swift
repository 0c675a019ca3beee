import ArgumentParser
import Foundation
import KinerjaASN
import KinerjaProto

extension Kinerjactl.Report {
    /// `kinerjactl report absences`.
    struct Absences: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "absences",
            abstract: "Absences that excuse filing (cuti, sakit, dinas luar, tugas belajar): list, record, remove.",
            subcommands: [AbsencesList.self, AbsencesRecord.self, AbsencesRemove.self],
            defaultSubcommand: AbsencesList.self
        )
    }

    /// `kinerjactl report absences list`.
    struct AbsencesList: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List absences of an employee or a unit in a range (default: this year).")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Employee NIP (default: yours unless --unit).") var nip: String?
        @Option(help: "A unit (id or code), with its sub-units.") var unit: UnitReference?
        @Option(help: "First day.") var from: DateArgument?
        @Option(help: "Last day.") var to: DateArgument?

        func validate() throws { if let nip { _ = try ArgumentChecks.nip(nip, option: "--nip") } }

        func run() async throws {
            let year = ReportLookup.today.year
            let range = Common.DateRange(startDate: from?.value ?? Common.Date(year: year, month: 1, day: 1),
                                         endDate: to?.value ?? Common.Date(year: year, month: 12, day: 31))
            let (response, names) = try await CommandEnvironment.withReporting(connection) { caller in
                var request = Reporting.ListAbsencesRequest(dateRange: range, page: Common.PageRequest(pageSize: 1000))
                if let unit {
                    request.unit = Common.UnitScope(unitID: try await ReportLookup.unitID(unit, caller), includeSubunits: true)
                } else {
                    request.nip = try nip ?? caller.signedInNIP()
                }
                let chosen = request
                let response = try await caller.call { try await $0.listAbsences(chosen, options: $1) }
                return (response, connection.json ? [:] : await ReportLookup.names(Set(response.absences.map(\.nip)), caller))
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            if response.absences.isEmpty { print("No absences."); return }
            var table = Table([.init("ID", maxWidth: 26), .init("EMPLOYEE", maxWidth: 28), .init("KIND", maxWidth: 13), .init("FROM", maxWidth: 10),
                               .init("TO", maxWidth: 10), .init("REFERENCE", maxWidth: 30)])
            for absence in response.absences {
                table.append([absence.absenceID, names[absence.nip] ?? absence.nip, Display.name(absence.kind),
                              WITATime.format(absence.dates?.startDate), WITATime.format(absence.dates?.endDate), absence.reference])
            }
            print(table.render())
        }
    }

    /// `kinerjactl report absences record`.
    struct AbsencesRecord: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "record", abstract: "Record an absence (pengelola kinerja in scope, or the employee's atasan).")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Employee NIP.") var nip: String
        @Option(help: "cuti, sakit, dinas-luar or tugas-belajar.") var kind: EnumArgument<Reporting.AbsenceKind>
        @Option(help: "First day.") var from: DateArgument
        @Option(help: "Last day (default: the first).") var to: DateArgument?
        @Option(help: "Reference, e.g. the surat izin cuti number (at most 200 characters).") var reference: String?
        @Option(help: "Note (at most 500 characters).") var note: String?

        func validate() throws {
            _ = try ArgumentChecks.nip(nip, option: "--nip")
            _ = try SkpValues.optionalText(reference, option: "--reference", limit: 200)
            _ = try SkpValues.optionalText(note, option: "--note", limit: 500)
        }

        func run() async throws {
            let absence = Reporting.Absence(nip: nip, kind: kind.value, dates: Common.DateRange(startDate: from.value, endDate: to?.value ?? from.value),
                                            reference: try SkpValues.optionalText(reference, option: "--reference", limit: 200),
                                            note: try SkpValues.optionalText(note, option: "--note", limit: 500))
            let response = try await CommandEnvironment.withReporting(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("absence-record")) {
                    try await $0.recordAbsence(Reporting.RecordAbsenceRequest(absence: absence), options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Recorded absence \(response.absence?.absenceID ?? ""): \(Display.name(kind.value)) \(WITATime.format(from.value))–\(WITATime.format(to?.value ?? from.value)).")
        }
    }

    /// `kinerjactl report absences remove`.
    struct AbsencesRemove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a recorded absence.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Absence id.") var absenceID: String
        @Option(help: "Why (at most 500 characters).") var reason: String?

        func run() async throws {
            let reason = try SkpValues.optionalText(reason, option: "--reason", limit: 500)
            let response = try await CommandEnvironment.withReporting(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("absence-remove")) {
                    try await $0.removeAbsence(Reporting.RemoveAbsenceRequest(absenceID: absenceID, reason: reason), options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Removed absence \(absenceID).")
        }
    }

    /// `kinerjactl report holidays`.
    struct Holidays: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "holidays",
            abstract: "Non-working days: libur nasional, cuti bersama, libur daerah and unit closures — list, set, remove, load a year's list.",
            subcommands: [HolidaysList.self, HolidaysSet.self, HolidaysRemove.self, HolidaysLoad.self],
            defaultSubcommand: HolidaysList.self
        )
    }

    /// `kinerjactl report holidays list`.
    struct HolidaysList: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a year's non-working days (weekends not listed).")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Year (default: the current one).") var year: Int?
        @Option(help: "Also the closures of this unit and its ancestors (id or code).") var unit: UnitReference?

        func run() async throws {
            let year = try year.map { try SkpValues.year($0) } ?? SkpValues.currentYear()
            let response = try await CommandEnvironment.withReporting(connection) { caller in
                let unitID = try await unit.asyncMap { try await ReportLookup.unitID($0, caller) } ?? ""
                return try await caller.call {
                    try await $0.listNonWorkingDays(Reporting.ListNonWorkingDaysRequest(dateRange: Common.DateRange(
                        startDate: Common.Date(year: year, month: 1, day: 1), endDate: Common.Date(year: year, month: 12, day: 31)), unitID: unitID), options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            var table = Table([.init("DATE", maxWidth: 10), .init("DAY", maxWidth: 3), .init("KIND", maxWidth: 15), .init("NAME", maxWidth: 50), .init("UNIT", maxWidth: 26)])
            for day in response.days {
                table.append([WITATime.format(day.date), day.date?.weekday.map { "\($0)".prefix(3).capitalized } ?? "", Display.name(day.kind), day.name, day.unitID])
            }
            print(table.render())
            print("\(response.days.count) non-working days besides weekends in \(year).")
        }
    }

    /// `kinerjactl report holidays set`.
    struct HolidaysSet: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Add or replace a non-working day (pengelola kinerja or admin).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The day (YYYY-MM-DD).") var date: DateArgument
        @Argument(help: "libur-nasional, cuti-bersama, libur-daerah or unit-closure.") var kind: EnumArgument<Reporting.NonWorkingDayKind>
        @Argument(help: "Its name, e.g. \"HUT Kota Kupang\".") var name: String
        @Option(help: "The unit it closes (id or code); required for unit-closure.") var unit: UnitReference?

        func run() async throws {
            let response = try await CommandEnvironment.withReporting(connection) { caller in
                let unitID = try await unit.asyncMap { try await ReportLookup.unitID($0, caller) } ?? ""
                let day = Reporting.NonWorkingDay(date: date.value, kind: kind.value, name: name, unitID: unitID)
                return try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("holiday-set")) {
                    try await $0.setNonWorkingDay(Reporting.SetNonWorkingDayRequest(day: day), options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Set \(WITATime.format(date.value)): \(Display.name(kind.value)), \(name).")
        }
    }

    /// `kinerjactl report holidays remove`.
    struct HolidaysRemove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a non-working day.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The day (YYYY-MM-DD).") var date: DateArgument
        @Option(help: "The unit of a closure (id or code); default: the agency-wide entry.") var unit: UnitReference?

        func run() async throws {
            let response = try await CommandEnvironment.withReporting(connection) { caller in
                let unitID = try await unit.asyncMap { try await ReportLookup.unitID($0, caller) } ?? ""
                return try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("holiday-remove")) {
                    try await $0.removeNonWorkingDay(Reporting.RemoveNonWorkingDayRequest(date: date.value, unitID: unitID), options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Removed \(WITATime.format(date.value)): \(response.day?.name ?? "").")
        }
    }

    /// `kinerjactl report holidays load`.
    struct HolidaysLoad: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "load",
            abstract: "Load a list of non-working days from a text file (one per line: YYYY-MM-DD KIND [unit=ID] name).",
            discussion: "Lines starting with # are comments. KIND is LIBUR_NASIONAL, CUTI_BERSAMA, LIBUR_DAERAH or UNIT_CLOSURE. The file is checked first (exit 65)."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The file.") var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw CLIError(.badInputFile, "\(file): cannot read the file") }
            let days: [Reporting.NonWorkingDay]
            do {
                days = try NonWorkingDayList.parse(String(decoding: data, as: UTF8.self))
            } catch {
                throw CLIError(.badInputFile, "\(file): \(error)")
            }
            let key = "holidays-" + importFingerprint(Array(data))
            try await CommandEnvironment.withReporting(connection) { caller in
                for (index, day) in days.enumerated() {
                    _ = try await caller.call(idempotencyKey: "\(key)-\(index)") {
                        try await $0.setNonWorkingDay(Reporting.SetNonWorkingDayRequest(day: day), options: $1)
                    }
                }
            }
            print("Loaded \(days.count) non-working days from \(file).")
        }
    }
}
