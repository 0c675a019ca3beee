import ArgumentParser
import Foundation
import KinerjaASN
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval export`.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a period's finalised evaluations as SIASN-style CSV rows, streamed and resumable.",
            discussion: """
            HR portal and pengelola kinerja. One row per employee in NIP order, read from the finalisation snapshots \
            (a consistent snapshot, not a moving read). The file is written as the rows arrive, mode 0600 (the \
            predikat are personal data); an interrupted stream is resumed after the last NIP written from the same \
            finalisation, and --resume continues a file an earlier run left unfinished. Without --out the CSV goes \
            to standard output. Columns: docs/EVALUATION.md, "kinerjactl eval".
            """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var scope: EvalScopeSelection
        @Option(help: ArgumentHelp("The CSV file to write (default: standard output).", valueName: "file.csv")) var out: String?
        @Flag(help: "Continue the export in --out where it stopped (same period and unit).") var resume = false
        @Flag(help: "Replace --out if it exists.") var force = false
        @Option(help: "Only evaluations finalised on or after this WITA day (YYYY-MM-DD).") var finalisedSince: DateArgument?

        func validate() throws {
            if out == nil, resume || force { throw CLIError.invalidArguments("--resume and --force need --out FILE") }
            if resume, force { throw CLIError.invalidArguments("give --resume or --force, not both") }
            if let out, out.isEmpty { throw CLIError.invalidArguments("--out needs a file name") }
        }

        func run() async throws {
            let output = try ExportOutput.open(out, resume: resume, force: force)
            var summary: EvaluationExportRun.Summary?
            let label = try await CommandEnvironment.withEvaluation(connection) { caller in
                let (unit, span) = try await scope.resolve(caller)
                let earlier = output.resumePoint.periods.subtracting([EvalSpans.argument(span)])
                if let other = earlier.sorted().first, let path = output.path {
                    throw CLIError.invalidArguments("\(path) holds rows of \(other), not \(EvalSpans.argument(span)): export to another file")
                }
                var request = Evaluation.ExportEvaluationsRequest(unit: unit, period: EvalSpans.period(span), span: span)
                if let day = finalisedSince?.value, let start = Wita.startOfDay(day) {
                    request.finalisedAfter = Common.Timestamp(seconds: Int64(start.timeIntervalSince1970) - 1, nanos: 999_999_999)
                }
                let run = EvaluationExportRun(request: request, resume: output.resumePoint, write: output.write,
                                              notice: { StandardError.line("export: " + $0) })
                summary = try await run.run { request, row in
                    try await caller.call { client, options in
                        try await client.exportEvaluations(request, options: options) { responses in
                            for try await response in responses { try row(response) }
                        }
                    }
                }
                return await EvalLookup.unitLabel(unit.unitID, caller) + (unit.includeSubunits ? " with sub-units" : "") + ", " + EvalSpans.label(span)
            }
            try output.close()
            guard let summary else { return }
            let numbers = summary.finalisationNumbers.sorted().map(String.init).joined(separator: ", ")
            let line = "Exported \(summary.written) evaluation\(summary.written == 1 ? "" : "s") of \(label)"
                + (output.path.map { " to \($0)" } ?? "")
                + (summary.total > summary.written ? " (\(summary.total) in the file)" : "")
                + (numbers.isEmpty ? "" : "; finalisation \(numbers)")
                + (summary.resumed > 0 ? "; resumed \(summary.resumed) time\(summary.resumed == 1 ? "" : "s") after an interruption" : "") + "."
            if output.path == nil { StandardError.line(line) } else { print(line) }
        }
    }
}

/// Where `eval export` writes: standard output, or a file created with mode 0600 or continued.
final class ExportOutput: Sendable {
    /// The file, nil for standard output.
    let path: String?
    /// Where the file left off (empty for a new file or standard output).
    let resumePoint: EvaluationCSV.ResumePoint
    private let handle: FileHandle

    private init(path: String?, resumePoint: EvaluationCSV.ResumePoint, handle: FileHandle) {
        self.path = path
        self.resumePoint = resumePoint
        self.handle = handle
    }

    /// Standard output, or `path` — refused when it exists unless continued (`resume`) or replaced (`force`).
    static func open(_ path: String?, resume: Bool, force: Bool) throws -> ExportOutput {
        guard let path else { return ExportOutput(path: nil, resumePoint: .empty, handle: FileHandle.standardOutput) }
        let manager = FileManager.default
        if manager.fileExists(atPath: path), resume {
            guard let data = manager.contents(atPath: path), let handle = FileHandle(forUpdatingAtPath: path) else {
                throw CLIError(.badInputFile, "cannot read \(path) to resume it")
            }
            let point: EvaluationCSV.ResumePoint
            do {
                point = try EvaluationCSV.resumePoint([UInt8](data))
            } catch {
                throw CLIError(.badInputFile, "cannot resume \(path): \(error.message); export to another file or use --force")
            }
            try handle.truncate(atOffset: UInt64(point.validLength))
            try handle.seekToEnd()
            return ExportOutput(path: path, resumePoint: point, handle: handle)
        }
        if manager.fileExists(atPath: path), !force {
            throw CLIError.invalidArguments("\(path) exists: --resume continues it, --force replaces it")
        }
        guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw CLIError(.failure, "cannot create \(path)")
        }
        return ExportOutput(path: path, resumePoint: .empty, handle: handle)
    }

    /// Writes `text` now (each record reaches the file as it arrives).
    @Sendable func write(_ text: String) throws {
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// Flushes and closes a file (standard output stays open).
    func close() throws {
        guard path != nil else { return }
        try handle.synchronize()
        try handle.close()
    }
}
