import ArgumentParser
import Foundation
import KinerjaProto

extension Kinerjactl.Report {
    /// `kinerjactl report submit`.
    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "submit",
            abstract: "Submit a daily report against an IKI of your SKP, with evidence files uploaded first.",
            discussion: """
            --evidence FILE (repeatable) uploads each file (JPEG, PNG, WebP, HEIC or PDF, recognised from its \
            content) with a progress bar on stderr, then links it. --link URL=SHA256 links a file held elsewhere \
            (https only, with its SHA-256 in hex). The report is Diajukan until your atasan verifies it.
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The IKI: its id, or RHK.IKI as `skp show` numbers it (e.g. 1.2).") var iki: String
        @Option(help: "The WITA day of the work (default: today); at most the policy's backdate window ago.") var date: DateArgument?
        @Option(help: "The realisation, in the IKI's unit (0 for a progress note).") var value: String
        @Option(help: "What was done, 1–2000 characters.") var description: String
        @Option(help: "Minutes spent, 0–1440.") var minutes: UInt32 = 0
        @Option(help: "A file to upload as evidence (repeatable).") var evidence: [String] = []
        @Option(help: "A link held elsewhere, URL=SHA256 (repeatable).") var link: [String] = []
        @Flag(help: "No upload progress.") var quiet = false

        func validate() throws {
            guard let number = SkpValues.number(value), number <= 1e9 else {
                throw CLIError.invalidArguments("--value must be a number from 0 to 1e9 (digits and a decimal point), not \(value.debugDescription)")
            }
            _ = number
            _ = try SkpValues.text(description, option: "--description", limit: 2000)
            guard minutes <= 1440 else { throw CLIError.invalidArguments("--minutes must be 0–1440") }
            guard evidence.count + link.count <= 10 else { throw CLIError.invalidArguments("a report has at most 10 pieces of evidence") }
            for text in link { _ = try Self.link(text) }
        }

        /// `https://…=<64 hex>` as an evidence link.
        static func link(_ text: String) throws -> Common.EvidenceLink {
            guard let cut = text.lastIndex(of: "=") else { throw CLIError.invalidArguments("--link must be URL=SHA256, not \(text.debugDescription)") }
            let uri = String(text[..<cut])
            let hex = String(text[text.index(after: cut)...])
            guard uri.lowercased().hasPrefix("https://") else { throw CLIError.invalidArguments("--link: the URL must start with https://") }
            guard hex.count == 64, let bytes = Self.bytes(hex: hex) else { throw CLIError.invalidArguments("--link: the SHA-256 must be 64 hex digits") }
            return Common.EvidenceLink(uri: uri, sha256: bytes)
        }

        static func bytes(hex: String) -> [UInt8]? {
            var out: [UInt8] = []
            var chars = Array(hex.utf8)
            guard chars.count % 2 == 0 else { return nil }
            while !chars.isEmpty {
                guard let byte = UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                out.append(byte)
                chars.removeFirst(2)
            }
            return out
        }

        func run() async throws {
            let day = date?.value ?? ReportLookup.today
            let links = try link.map(Self.link)
            let response = try await CommandEnvironment.withReporting(connection) { caller in
                let nip = try caller.signedInNIP()
                let targets = try await ReportLookup.targets(nip: nip, period: Common.Period(year: day.year, kind: .annual), caller)
                let target = try ReportLookup.iki(iki, in: targets)
                var uploaded: [Common.EvidenceLink] = []
                for file in evidence { uploaded.append(try await ReportUpload.upload(file, caller, quiet: quiet || connection.json)) }
                let draft = Reporting.DailyReportDraft(reportDate: day, rhkID: target.rhkID, ikiID: target.ikiID,
                                                       realisationValue: SkpValues.number(value) ?? 0,
                                                       description: description.trimmingCharacters(in: .whitespacesAndNewlines),
                                                       evidence: uploaded + links, durationMinutes: minutes)
                return try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("report-submit")) {
                    try await $0.submitDailyReport(Reporting.SubmitDailyReportRequest(report: draft), options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            let report = response.report ?? Reporting.DailyReport()
            print("Submitted report \(report.reportID): \(report.indicator) \(ReportText.value(report.realisationValue)) \(report.unit) on \(WITATime.format(report.reportDate)), "
                + "\(ReportText.state(report.state))" + (report.provisional ? " (provisional: your SKP is not approved yet)" : "")
                + "; your atasan's review is due \(WITATime.format(report.reviewDueDate)).")
        }
    }
}
