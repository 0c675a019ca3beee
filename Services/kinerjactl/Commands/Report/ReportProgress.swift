import ArgumentParser
import Foundation
import KinerjaProto

extension Kinerjactl.Report {
    /// `kinerjactl report progress`.
    struct Progress: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress",
            abstract: "Progress per IKI for a period: target, realisation (verified, and with pending reports), capaian and a bar.",
            discussion: "Default: your own, for the current year; --triwulan or --month for a shorter period. Capaian counts verified reports only. "
                + "--unit U [--subunits] instead gives a unit's mean capaian per month (pengelola kinerja), and --plot FILE (.svg or .png) draws it."
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Employee NIP (default: yours).") var nip: String?
        @OptionGroup var period: PeriodOptions
        @OptionGroup var unitProgress: UnitProgressOptions

        func validate() throws {
            if let nip { _ = try ArgumentChecks.nip(nip, option: "--nip") }
            if nip != nil, unitProgress.unit != nil { throw CLIError.invalidArguments("give --nip or --unit, not both") }
        }

        func run() async throws {
            if let unit = unitProgress.unit {
                return try await UnitProgressRun.run(unitProgress, unit: unit, period: period, connection: connection)
            }
            let period = try period.period()
            let response = try await CommandEnvironment.withReporting(connection) { caller in
                let nip = try nip ?? caller.signedInNIP()
                return try await caller.call { try await $0.getProgress(Reporting.GetProgressRequest(nip: nip, period: period), options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(ReportText.progress(response.progress ?? Reporting.EmployeeProgress()))
        }
    }

    /// `kinerjactl report team`.
    struct Team: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "team",
            abstract: "Your team's progress in brief: capaian, IKIs on track, days filed, reports awaiting you.",
            discussion: "Default: your direct bawahan for the current year; --indirect for every level below you; --atasan for another atasan's team."
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The atasan whose team to show (default: you).") var atasan: String?
        @Flag(help: "Every level below, not only direct bawahan.") var indirect = false
        @OptionGroup var period: PeriodOptions

        func validate() throws {
            if let atasan { _ = try ArgumentChecks.person(atasan, option: "--atasan") }
        }

        func run() async throws {
            let period = try period.period()
            let response = try await CommandEnvironment.withReporting(connection) { caller in
                try await caller.call {
                    try await $0.getTeamProgress(Reporting.GetTeamProgressRequest(atasanNIP: atasan ?? "", period: period, includeIndirect: indirect), options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            if response.members.isEmpty { print("No bawahan."); return }
            print(ReportText.team(response))
        }
    }

    /// `kinerjactl report compliance`.
    struct Compliance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compliance",
            abstract: "A unit's calendar of who has not filed, per WITA working day, with the rate per employee and per atasan.",
            discussion: """
            Default range: the current month up to today. Holidays, cuti bersama and unit closures are not \
            working days; absences (cuti, sakit, dinas luar, tugas belajar) excuse a day. At most 92 days.
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The unit (id or code).") var unit: UnitReference
        @Flag(help: "Its sub-units too.") var subunits = false
        @Option(help: "First day (YYYY-MM-DD).") var from: DateArgument?
        @Option(help: "Last day (YYYY-MM-DD).") var to: DateArgument?
        @Flag(help: "Only employees below 100 %.") var nonCompliant = false

        func validate() throws {
            if (from == nil) != (to == nil) { throw CLIError.invalidArguments("give --from and --to together") }
        }

        func run() async throws {
            let today = ReportLookup.today
            let start = from?.value ?? Common.Date(year: today.year, month: today.month, day: 1)
            let end = to?.value ?? today
            let (response, names) = try await CommandEnvironment.withReporting(connection) { caller in
                let unitID = try await ReportLookup.unitID(unit, caller)
                let request = Reporting.GetComplianceRequest(unit: Common.UnitScope(unitID: unitID, includeSubunits: subunits),
                                                             dateRange: Common.DateRange(startDate: start, endDate: end),
                                                             includeEmployees: true, nonCompliantOnly: nonCompliant)
                let response = try await caller.call { try await $0.getCompliance(request, options: $1) }
                let names = connection.json ? [:] : await ReportLookup.names(
                    Set(response.employees.compactMap { $0.employee?.nip } + response.atasanRollups.map(\.key)), caller)
                return (response, names)
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(ReportText.compliance(response, names: names))
        }
    }

    /// `kinerjactl report download`.
    struct Download: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "download",
            abstract: "Download an evidence file by its SHA-256 (as a report shows it), checked against the hash.",
            discussion: "The file is written to --output (default: its original name in the current directory) only once every byte arrived and matched."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The file's SHA-256 (64 hex digits) or its urn:kinerja:evidence:sha256:… link.") var file: String
        @Option(help: "Where to write it.") var output: String?

        func validate() throws {
            guard Self.hash(file) != nil else { throw CLIError.invalidArguments("give the file's SHA-256 as 64 hex digits") }
        }

        static func hash(_ text: String) -> [UInt8]? {
            let hex = text.hasPrefix("urn:kinerja:evidence:sha256:") ? String(text.dropFirst("urn:kinerja:evidence:sha256:".count)) : text
            guard hex.count == 64 else { return nil }
            return Kinerjactl.Report.Submit.bytes(hex: hex)
        }

        func run() async throws {
            let sha = Self.hash(file) ?? []
            let (link, bytes) = try await CommandEnvironment.withReporting(connection) { caller in
                try await caller.call { client, options in
                    try await client.downloadEvidence(Reporting.DownloadEvidenceRequest(sha256: sha), options: options) { responses in
                        var link: Common.EvidenceLink?
                        var bytes: [UInt8] = []
                        for try await response in responses {
                            switch response.item {
                            case .evidence(let given): link = given
                            case .chunk(let chunk): bytes += chunk
                            case nil: break
                            }
                        }
                        return (link, bytes)
                    }
                }
            }
            let name = output ?? ((link?.title ?? "").isEmpty ? Display.hex(sha) : URL(fileURLWithPath: link?.title ?? "").lastPathComponent)
            guard FileManager.default.createFile(atPath: name, contents: Data(bytes)) else { throw CLIError(.failure, "cannot write \(name)") }
            print("\(name): \(bytes.count) bytes, \(link?.mediaType ?? ""), SHA-256 verified by the service")
        }
    }
}
