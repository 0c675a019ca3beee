import ArgumentParser
import Foundation
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval siasn`.
    struct Siasn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "SIASN's kinerjaperiodik (and, for the year, skp22) records of a period's finalised evaluations, as JSON lines.",
            discussion: """
            Pengelola kinerja in scope and the HR portal. One line per record, in NIP order: {"kinerjaperiodik": {…}} \
            or {"skp22": {…}} with SIASN's field names (docs/SIASN.md), and "source": the evaluation, the finalisation, \
            the record it replaces (replacesRecordId) when the period was reopened and finalised again, and the codes \
            the reference table lacked (missing). Codes come from the table loaded with eval siasn-references set. \
            Without -o the lines go to standard output; the file is written mode 0600.
            """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var scope: EvalScopeSelection
        @Option(name: [.short, .customLong("out")], help: ArgumentHelp("The JSON Lines file to write (default: standard output).", valueName: "file.jsonl"))
        var out: String?
        @Flag(help: "Replace --out if it exists.") var force = false

        func validate() throws {
            if let out, out.isEmpty { throw CLIError.invalidArguments("--out needs a file name") }
            if force, out == nil { throw CLIError.invalidArguments("--force needs --out FILE") }
        }

        func run() async throws {
            let output = try ExportOutput.open(out, resume: false, force: force)
            let (counts, label) = try await CommandEnvironment.withEvaluation(connection) { caller in
                let (unit, span) = try await scope.resolve(caller)
                let request = Evaluation.ExportSiasnRequest(unit: unit, span: span)
                let counts = try await caller.call { client, options in
                    try await client.exportSiasn(request, options: options) { responses in
                        var counts = SiasnCounts()
                        for try await response in responses {
                            try output.write(SiasnJSONLines.line(response))
                            counts.count(response)
                        }
                        return counts
                    }
                }
                return (counts, EvalSpans.label(span))
            }
            try output.close()
            let line = "Wrote \(counts.records) SIASN record\(counts.records == 1 ? "" : "s") of \(label)"
                + (output.path.map { " to \($0)" } ?? "")
                + "; \(counts.replacing) replacing an earlier record; \(counts.incomplete) with codes missing (see source.missing)."
            if output.path == nil { StandardError.line(line) } else { print(line) }
        }
    }
}

/// What `eval siasn` wrote.
struct SiasnCounts: Sendable, Equatable {
    var records = 0
    var replacing = 0
    var incomplete = 0

    mutating func count(_ response: Evaluation.ExportSiasnResponse) {
        records += 1
        if !(response.source?.replacesRecordID.isEmpty ?? true) { replacing += 1 }
        if !(response.source?.missing.isEmpty ?? true) { incomplete += 1 }
    }
}
