import ArgumentParser
import Foundation
import KinerjaASN
import KinerjaProto

extension Kinerjactl.Report {
    /// `kinerjactl report week`.
    struct Week: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "week",
            abstract: "Show your week of reports as a table (one row per IKI, a column per day), or fill it in one go from a CSV file.",
            discussion: """
            --csv FILE submits every row in one bulk call (at most 7 × your unit's reports per day): \
            columns date (YYYY-MM-DD or sen … min), iki (id or RHK.IKI), value, description, minutes. \
            The file is checked first; nothing is sent when a row is wrong (exit 65). Rows the service \
            refuses are listed (exit 3); the others are stored. Running the same file again does not \
            store it twice (the call's idempotency key is derived from the file).

            Example:
              date,iki,value,description,minutes
              sen,1.1,6,Pelayanan KTP-el di loket,240
              sel,1.1,5,Pencetakan KTP-el,180
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "A day of the week to show (default: today).") var date: DateArgument?
        @Option(help: "A CSV file of reports to submit first.") var csv: String?
        @Flag(help: "Check the file with the service, store nothing.") var dryRun = false

        func run() async throws {
            let monday = ReportText.monday(of: date?.value ?? ReportLookup.today)
            let sunday = monday.adding(days: 6) ?? monday
            var text = ""
            if let csv {
                guard let data = FileManager.default.contents(atPath: csv) else { throw CLIError(.badInputFile, "\(csv): cannot read the file") }
                text = String(decoding: data, as: UTF8.self)
            }
            let (targets, submitted, reports) = try await CommandEnvironment.withReporting(connection) { caller in
                let nip = try caller.signedInNIP()
                let targets = try await ReportLookup.targets(nip: nip, period: Common.Period(year: monday.year, kind: .annual), caller)
                var submitted: Reporting.BulkSubmitDailyReportsResponse?
                if csv != nil {
                    let (file, problems) = ReportWeekFile.parse(text, monday: monday, targets: targets)
                    if !problems.isEmpty {
                        for problem in problems.dropLast() { StandardError.line(problem) }
                        throw CLIError(.badInputFile, "\(problems.last ?? "") (\(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was sent)")
                    }
                    let key = "report-week-" + importFingerprint(Array(text.utf8) + Array("\(monday.isoString)|\(dryRun)".utf8))
                    let rows = file.rows
                    let options = Reporting.BulkSubmitOptions(dryRun: dryRun, sourceName: String(URL(fileURLWithPath: csv ?? "").lastPathComponent.prefix(200)))
                    submitted = try await caller.call(idempotencyKey: key) { client, callOptions in
                        try await client.bulkSubmitDailyReports(options: callOptions) { writer in
                            try await writer.write(Reporting.BulkSubmitDailyReportsRequest(item: .options(options)))
                            for row in rows {
                                try await writer.write(Reporting.BulkSubmitDailyReportsRequest(item: .row(Reporting.DailyReportRow(
                                    rowNumber: UInt32(row.number), report: row.draft))))
                            }
                        }
                    }
                }
                let listed = try await caller.call {
                    try await $0.listDailyReports(Reporting.ListDailyReportsRequest(
                        nip: nip, dateRange: Common.DateRange(startDate: monday, endDate: sunday), page: Common.PageRequest(pageSize: 1000)), options: $1)
                }
                return (targets, submitted, listed.reports)
            }
            if let submitted, connection.json {
                print(submitted.jsonString())
            } else if let submitted {
                print("\(submitted.acceptedRows) of \(submitted.totalRows) rows accepted" + (submitted.nothingWritten ? " (nothing written" + (dryRun ? ": dry run)" : ")") : "."))
                let rejected = submitted.results.filter { $0.statusCode != 0 }
                if !rejected.isEmpty {
                    var table = Table([.init("ROW", maxWidth: 5, alignRight: true), .init("FIELD", maxWidth: 32), .init("WHY", maxWidth: 80)])
                    for result in rejected {
                        for reason in result.reasons { table.append(["\(result.rowNumber)", reason.field, reason.description]) }
                    }
                    print(table.render())
                }
                print("")
            }
            if !connection.json { print(ReportText.week(monday: monday, targets: targets, reports: reports)) }
            if let submitted, submitted.rejectedRows > 0 {
                throw CLIError(.importPartiallyRejected, "\(submitted.rejectedRows) of \(submitted.totalRows) rows rejected")
            }
        }
    }
}
