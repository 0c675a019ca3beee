import ArgumentParser
import Foundation
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval development-needs`.
    struct DevelopmentNeedsCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "development-needs",
            abstract: "A unit's development needs for a year: Butuh Perbaikan or below in a finalised evaluation, or under 20 JP.",
            discussion: """
            Pengelola kinerja and pimpinan in scope, the HR portal (ListDevelopmentNeeds). One row per employee with a \
            need, in NIP order: each finalised span of the year at Butuh Perbaikan, Kurang/Misconduct or Sangat Kurang, and \
            the year's JP of competence development against the 20 JP of PP 17/2020 (eval competence). --all lists \
            everyone of the unit.
            """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var unit: UnitOptions
        @Flag(help: "Include every sub-unit.") var subunits = false
        @Flag(help: "List every employee, with or without a need.") var all = false
        @Option(help: "The year (default: this year).") var year: Int?

        func validate() throws {
            if unit.reference == nil { throw CLIError.invalidArguments("give --unit") }
            if let year { _ = try SkpValues.year(year) }
        }

        func run() async throws {
            let chosen = try year.map { try SkpValues.year($0) } ?? SkpValues.currentYear()
            let rows = try await CommandEnvironment.withEvaluation(connection) { caller in
                guard let unitID = try await unit.unitID(caller.identity) else { throw CLIError.invalidArguments("give --unit") }
                let request = Evaluation.ListDevelopmentNeedsRequest(unit: Common.UnitScope(unitID: unitID, includeSubunits: subunits),
                                                                     year: chosen, includeAll: all)
                return try await caller.call { client, options in
                    try await client.listDevelopmentNeeds(request, options: options) { responses in
                        var rows: [Evaluation.ListDevelopmentNeedsResponse] = []
                        for try await row in responses { rows.append(row) }
                        return rows
                    }
                }
            }
            if connection.json {
                for row in rows { print(row.jsonString(pretty: false)) }  // JSON Lines: one employee a line
                return
            }
            print(DevelopmentNeeds.summary(rows, year: chosen))
            if !rows.isEmpty { print(DevelopmentNeeds.table(rows).render()) }
        }
    }
}
