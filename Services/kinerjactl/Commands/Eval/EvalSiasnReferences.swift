import ArgumentParser
import Foundation
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval siasn-references`.
    struct SiasnReferences: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "siasn-references",
            abstract: "SIASN's reference codes the SIASN export uses (periodik, perilakuDanKinerja, kuadranNilai, koefisien, golonganPns, pns), versioned.",
            subcommands: [Show.self, Store.self], defaultSubcommand: Show.self)

        /// `kinerjactl eval siasn-references show`.
        struct Show: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "A version of the table (default: the latest): its source and how many codes per reference.")
            @OptionGroup var connection: ConnectionOptions
            @Option(help: "The version (default: the latest).") var version: UInt32?

            func run() async throws {
                let request = Evaluation.GetSiasnReferencesRequest(version: version ?? 0)
                let response = try await CommandEnvironment.withEvaluation(connection) { caller in
                    try await caller.call { try await $0.getSiasnReferences(request, options: $1) }
                }
                if CommandEnvironment.printJSON(response, connection) { return }
                print(SiasnReferencesText.render(response.table, versions: response.versionCount))
            }
        }

        /// `kinerjactl eval siasn-references set`.
        struct Store: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "set",
                abstract: "Store a new version of the table from a JSON file (a kinerja.evaluation.v1.SiasnReferenceTable in proto3 JSON).",
                discussion: """
                Pengelola kinerja with a scope over the city. Example file: {"source": "SIASN referensi, 1 Desember 2026", \
                "codes": [{"reference": "periodik", "key": "QUARTERLY", "code": "…"}, …]}; the keys each reference \
                takes are in evaluation.proto (SiasnReferenceCode). deploy/config/siasn-references.sample.json has the shape \
                (its codes are placeholders, not SIASN's).
                """)
            @OptionGroup var connection: ConnectionOptions
            @Option(help: ArgumentHelp("The table, proto3 JSON.", valueName: "file.json")) var file: String
            @Option(help: "Why, for the audit log (1–1000 characters).") var reason: String
            @Option(help: "The latest version you read (refused when another was stored since).") var expectedVersion: UInt32?

            func validate() throws { _ = try ArgumentChecks.reason(reason) }

            func run() async throws {
                guard let data = FileManager.default.contents(atPath: file) else { throw CLIError(.badInputFile, "cannot read \(file)") }
                let table: Evaluation.SiasnReferenceTable
                do { table = try Evaluation.SiasnReferenceTable(jsonString: String(decoding: data, as: UTF8.self)) } catch {
                    throw CLIError(.badInputFile, "\(file) is not a SiasnReferenceTable in proto3 JSON: \(error)")
                }
                let request = Evaluation.SetSiasnReferencesRequest(table: table, reason: reason, expectedVersion: expectedVersion ?? 0)
                let response = try await CommandEnvironment.withEvaluation(connection) { caller in
                    try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("eval-siasn-references-set")) {
                        try await $0.setSiasnReferences(request, options: $1)
                    }
                }
                if CommandEnvironment.printJSON(response, connection) { return }
                print(SiasnReferencesText.render(response.table, versions: response.table?.version ?? 0))
            }
        }
    }
}

/// `eval siasn-references`: a table version as lines.
enum SiasnReferencesText {
    static func render(_ table: Evaluation.SiasnReferenceTable?, versions: UInt32) -> String {
        guard let table else { return "No SIASN reference table." }
        var lines = ["SIASN reference table v\(table.version) of \(versions): \(table.source)"]
        if let set = table.set { lines.append("Loaded by \(set.principal)") }
        var counts: [String: Int] = [:]
        for code in table.codes { counts[code.reference, default: 0] += 1 }
        for reference in counts.keys.sorted() {
            lines.append("  " + reference.padding(toLength: 20, withPad: " ", startingAt: 0) + "\(counts[reference] ?? 0) code\(counts[reference] == 1 ? "" : "s")")
        }
        return lines.joined(separator: "\n")
    }
}
