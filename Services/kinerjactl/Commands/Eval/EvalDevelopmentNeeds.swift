import ArgumentParser
import Foundation
import KinerjaASN
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval development-needs`.
    struct DevelopmentNeedsCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "development-needs",
            abstract: "Employees of a unit at Butuh Perbaikan or below in the year's finalised evaluations (development needs).",
            discussion: """
            Pengelola kinerja, pimpinan and auditors in scope, the HR portal. Reads every span of the year that has begun \
            (the year, semesters, triwulan, months) with ListEvaluations, FINALISED evaluations at Butuh Perbaikan, \
            Kurang/Misconduct or Sangat Kurang; one row per employee with each span found. The 20 JP check of \
            competence development (PP 17/2020) is not made here.
            """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var unit: UnitOptions
        @Flag(help: "Include every sub-unit.") var subunits = false
        @Option(help: "The year (default: this year).") var year: Int32?

        func validate() throws {
            if unit.reference == nil { throw CLIError.invalidArguments("give --unit") }
            if let year, !(2000...2100).contains(year) { throw CLIError.invalidArguments("--year must be 2000–2100") }
        }

        func run() async throws {
            let today = Wita.today(now: Date())
            let chosen = year ?? today.year
            let spans = DevelopmentNeeds.spans(year: chosen, through: chosen < today.year ? 12 : today.month)
            let evaluations = try await CommandEnvironment.withEvaluation(connection) { caller in
                guard let unitID = try await unit.unitID(caller.identity) else { throw CLIError.invalidArguments("give --unit") }
                var found: [Evaluation.EmployeeEvaluation] = []
                for span in spans {
                    var cursor = ""
                    repeat {
                        let request = Evaluation.ListEvaluationsRequest(
                            unit: Common.UnitScope(unitID: unitID, includeSubunits: subunits), period: EvalSpans.period(span),
                            predikats: DevelopmentNeeds.predikats, states: [.finalised], page: Common.PageRequest(pageSize: 500, cursor: cursor), span: span)
                        let response = try await caller.call { try await $0.listEvaluations(request, options: $1) }
                        found += response.evaluations
                        cursor = response.page?.nextCursor ?? ""
                    } while !cursor.isEmpty
                }
                return found
            }
            let needs = DevelopmentNeeds.collect(evaluations)
            if connection.json {
                print(Evaluation.ListEvaluationsResponse(evaluations: evaluations).jsonString())
                return
            }
            print("Kebutuhan pengembangan \(chosen): \(needs.count) pegawai dengan predikat Butuh Perbaikan atau di bawahnya (evaluasi final)")
            if !needs.isEmpty { print(DevelopmentNeeds.table(needs).render()) }
        }
    }
}
