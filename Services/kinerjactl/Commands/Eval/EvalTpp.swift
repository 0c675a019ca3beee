import ArgumentParser
import Foundation
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval tpp`.
    struct Tpp: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The TPP input of a unit for a month: each employee's predikat-based factor, as CSV.",
            discussion: """
            Pengelola kinerja in scope and the HR portal. Every employee of the unit (--subunits: and its sub-units) \
            is a row, in NIP order; one without a finalised monthly evaluation has an empty factor and the reason \
            (NO_PERIOD, NOT_FINALISED, EXCLUDED, UNRATED). The factor comes from the TPP rule in force for the month \
            (eval tpp-rule). Without -o the CSV goes to standard output; the file is written mode 0600.
            """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var unit: UnitOptions
        @Flag(help: "Include every sub-unit.") var subunits = false
        @Option(help: ArgumentHelp("The month, YYYY-MM.", valueName: "YYYY-MM")) var month: String
        @Option(name: [.short, .customLong("out")], help: ArgumentHelp("The CSV file to write (default: standard output).", valueName: "file.csv"))
        var out: String?
        @Flag(help: "Replace --out if it exists.") var force = false

        func validate() throws {
            if unit.reference == nil { throw CLIError.invalidArguments("give --unit") }
            _ = try Self.month(month)
            if let out, out.isEmpty { throw CLIError.invalidArguments("--out needs a file name") }
            if force, out == nil { throw CLIError.invalidArguments("--force needs --out FILE") }
        }

        /// `YYYY-MM` as year and month.
        static func month(_ text: String) throws -> (year: Int32, month: Int32) {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int32(parts[0]), let month = Int32(parts[1]),
                  (2000...2100).contains(year), (1...12).contains(month) else {
                throw CLIError.invalidArguments("--month must be YYYY-MM (2000–2100, 01–12), not \(text.debugDescription)")
            }
            return (year, month)
        }

        func run() async throws {
            let (year, number) = try Self.month(month)
            let output = try ExportOutput.open(out, resume: false, force: force)
            let label = month
            let (written, missing) = try await CommandEnvironment.withEvaluation(connection) { caller in
                guard let unitID = try await unit.unitID(caller.identity) else { throw CLIError.invalidArguments("give --unit") }
                let request = Evaluation.ExportTppRequest(unit: Common.UnitScope(unitID: unitID, includeSubunits: subunits), year: year, month: number)
                try output.write(TppCSV.header)
                return try await caller.call { client, options in
                    try await client.exportTpp(request, options: options) { responses in
                        var counts = (written: 0, missing: 0)
                        for try await row in responses {
                            try output.write(TppCSV.record(row, month: label))
                            counts.written += 1
                            if !row.hasFactor { counts.missing += 1 }
                        }
                        return counts
                    }
                }
            }
            try output.close()
            if let out {
                print("Wrote \(written) employee\(written == 1 ? "" : "s") of \(month) to \(out); \(missing) without a factor (see missing_reason).")
            }
        }
    }

    /// `kinerjactl eval tpp-rule`.
    struct TppRule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tpp-rule",
            abstract: "The TPP rule (Kupang's Perwali): the share of TPP's performance component per predikat, versioned.",
            subcommands: [Show.self, Store.self], defaultSubcommand: Show.self)

        /// `kinerjactl eval tpp-rule show`.
        struct Show: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "The rule in force for a month (default: the latest version) and every version.")
            @OptionGroup var connection: ConnectionOptions
            @Option(help: ArgumentHelp("The month, YYYY-MM.", valueName: "YYYY-MM")) var month: String?

            func validate() throws { if let month { _ = try Tpp.month(month) } }

            func run() async throws {
                let chosen = try month.map { try Tpp.month($0) }
                let response = try await CommandEnvironment.withEvaluation(connection) { caller in
                    try await caller.call {
                        try await $0.getTppRule(Evaluation.GetTppRuleRequest(year: chosen?.year ?? 0, month: chosen?.month ?? 0), options: $1)
                    }
                }
                if CommandEnvironment.printJSON(response, connection) { return }
                print(TppRuleText.render(response))
            }
        }

        /// `kinerjactl eval tpp-rule set`.
        struct Store: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "set",
                abstract: "Store a new version of the TPP rule from a JSON file (a kinerja.evaluation.v1.TppRule in proto3 JSON).",
                discussion: """
                Pengelola kinerja with a scope over the city. Example file: {"effectiveYear": 2026, "effectiveMonth": 1, \
                "legalBasis": "Perwali Kupang Nomor 5 Tahun 2026", "factors": [{"predikat": "PREDIKAT_SANGAT_BAIK", \
                "percent": 100}, …]} with all five predikat.
                """)
            @OptionGroup var connection: ConnectionOptions
            @Option(help: ArgumentHelp("The rule, proto3 JSON.", valueName: "file.json")) var file: String
            @Option(help: "Why, for the audit log (1–1000 characters).") var reason: String
            @Option(help: "The latest version you read (refused when another was stored since).") var expectedVersion: UInt32?

            func validate() throws { _ = try ArgumentChecks.reason(reason) }

            func run() async throws {
                guard let data = FileManager.default.contents(atPath: file) else { throw CLIError(.badInputFile, "cannot read \(file)") }
                let rule: Evaluation.TppRule
                do { rule = try Evaluation.TppRule(jsonString: String(decoding: data, as: UTF8.self)) } catch {
                    throw CLIError(.badInputFile, "\(file) is not a TppRule in proto3 JSON: \(error)")
                }
                let request = Evaluation.SetTppRuleRequest(rule: rule, reason: reason, expectedVersion: expectedVersion ?? 0)
                let response = try await CommandEnvironment.withEvaluation(connection) { caller in
                    try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("eval-tpp-rule-set")) { try await $0.setTppRule(request, options: $1) }
                }
                if CommandEnvironment.printJSON(response, connection) { return }
                print(TppRuleText.render(Evaluation.GetTppRuleResponse(rule: response.rule)))
            }
        }
    }
}

/// `eval tpp-rule`: a rule version as lines.
enum TppRuleText {
    static func render(_ response: Evaluation.GetTppRuleResponse) -> String {
        guard let rule = response.rule else { return "No TPP rule." }
        var lines = [String(format: "TPP rule v%u, from %04d-%02d: %@", rule.version, rule.effectiveYear, rule.effectiveMonth, rule.legalBasis)]
        for factor in rule.factors {
            lines.append("  " + EvaluationText.predikat(factor.predikat).padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: "%6.2f%%", factor.percent))
        }
        if response.versions.count > 1 {
            lines.append("Versions: " + response.versions.map { String(format: "v%u from %04d-%02d", $0.version, $0.effectiveYear, $0.effectiveMonth) }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
