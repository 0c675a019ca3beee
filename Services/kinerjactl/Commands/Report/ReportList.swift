import ArgumentParser
import Foundation
import KinerjaProto

extension Kinerjactl.Report {
    /// `kinerjactl report list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List daily reports: yours, an employee's, or a unit's, with filters; oldest first.",
            discussion: "Without --nip or --unit: your own. A state marked * is provisional (no approved SKP yet)."
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Reports of this NIP.") var nip: String?
        @Option(help: "Reports of this unit (id or code).") var unit: UnitReference?
        @Flag(help: "With --unit: its sub-units too.") var subunits = false
        @Option(help: "First day (YYYY-MM-DD).") var from: DateArgument?
        @Option(help: "Last day (YYYY-MM-DD).") var to: DateArgument?
        @Option(help: "Only this state (repeatable): diajukan, diverifikasi, ditolak, ditarik, dicabut.") var state: [EnumArgument<Reporting.ReportState>] = []
        @Option(help: "Only this IKI id.") var iki: String?
        @Flag(help: "Newest first.") var newest = false
        @Option(help: "Most reports to show, 1–1000.") var limit: UInt32 = 100

        func validate() throws {
            if let nip { _ = try ArgumentChecks.nip(nip, option: "--nip") }
            guard (1...1000).contains(limit) else { throw CLIError.invalidArguments("--limit must be 1–1000") }
            if (from == nil) != (to == nil) { throw CLIError.invalidArguments("give --from and --to together") }
        }

        func run() async throws {
            let (response, names) = try await CommandEnvironment.withReporting(connection) { caller in
                var request = Reporting.ListDailyReportsRequest(nip: nip ?? "", states: state.map(\.value), ikiID: iki ?? "", newestFirst: newest,
                                                                page: Common.PageRequest(pageSize: limit))
                if let unit { request.unit = Common.UnitScope(unitID: try await ReportLookup.unitID(unit, caller), includeSubunits: subunits) }
                if let from, let to { request.dateRange = Common.DateRange(startDate: from.value, endDate: to.value) }
                let chosen = request
                let response = try await caller.call { try await $0.listDailyReports(chosen, options: $1) }
                let names = connection.json || unit == nil ? [:] : await ReportLookup.names(Set(response.reports.map(\.nip)), caller)
                return (response, names)
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            if response.reports.isEmpty { print("No reports."); return }
            print(ReportText.list(response.reports, names: names, showAuthor: unit != nil).render())
            if !response.page.map(\.nextCursor).isNilOrEmpty { print("(more: raise --limit or narrow the range)") }
        }
    }

    /// `kinerjactl report show`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one report in full, with its evidence and review.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Report id.") var reportID: String

        func run() async throws {
            let (response, names) = try await CommandEnvironment.withReporting(connection) { caller in
                let response = try await caller.call { try await $0.getDailyReport(Reporting.GetDailyReportRequest(reportID: reportID), options: $1) }
                let report = response.report ?? Reporting.DailyReport()
                let names = connection.json ? [:] : await ReportLookup.names([report.nip, report.verifierNIP], caller)
                return (response, names)
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(ReportText.detail(response.report ?? Reporting.DailyReport(), names: names))
        }
    }

    /// `kinerjactl report withdraw`.
    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "Withdraw one of your reports before it is verified (Ditarik).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Report id.") var reportID: String
        @Option(help: "Why, at most 500 characters.") var reason: String?

        func validate() throws { _ = try SkpValues.optionalText(reason, option: "--reason", limit: 500) }

        func run() async throws {
            let reason = try SkpValues.optionalText(reason, option: "--reason", limit: 500)
            let response = try await CommandEnvironment.withReporting(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("report-withdraw")) {
                    try await $0.withdrawDailyReport(Reporting.WithdrawDailyReportRequest(reportID: reportID, reason: reason), options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Withdrawn: report \(reportID) is \(ReportText.state(response.report?.state ?? .ditarik)).")
        }
    }
}

extension Optional where Wrapped == String {
    /// True for nil and "".
    var isNilOrEmpty: Bool { self?.isEmpty ?? true }
}
