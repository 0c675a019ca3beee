import ArgumentParser
import Foundation
import KinerjaASN
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval population`.
    struct Population: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A period's population: adjust it (CLTN, tugas belajar, died, retired, transferred) or list the adjustments.",
            subcommands: [Adjust.self, List.self])
    }
}

extension Kinerjactl.Eval.Population {
    /// `kinerjactl eval population adjust`.
    struct Adjust: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a population adjustment (pengelola kinerja); the curve's denominator and quotas follow.",
            discussion: """
            --reason cltn or tugas-belajar takes the leave days (--from, --to); meninggal, pensiun, pindah-keluar and \
            pindah-masuk take --effective. --note gives the basis, e.g. the decree number (1–500 characters). The \
            service says whether the employee stays in the curve's denominator and why.
            """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EvalPeriodSelection
        @Option(help: "Employee NIP.") var nip: String
        @Option(help: "cltn, tugas-belajar, meninggal, pensiun, pindah-keluar or pindah-masuk.")
        var reason: EnumArgument<Evaluation.PopulationAdjustmentReason>
        @Option(help: "First leave day (cltn, tugas-belajar).") var from: DateArgument?
        @Option(help: "Last leave day (cltn, tugas-belajar).") var to: DateArgument?
        @Option(help: "Effective WITA day (meninggal, pensiun, pindah-keluar, pindah-masuk).") var effective: DateArgument?
        @Option(help: "The basis, e.g. the decree number and what it says; 1–500 characters.") var note: String

        /// Whether the reason is a leave (days) rather than an event (a day).
        var isLeave: Bool { reason.value == .cltn || reason.value == .tugasBelajar }

        func validate() throws {
            _ = try ArgumentChecks.nip(nip, option: "--nip")
            _ = try EvalValues.text(note, option: "--note", range: EvalValues.adjustmentNote)
            if isLeave {
                guard let from, let to else { throw CLIError.invalidArguments("--reason \(reason.argumentName) needs --from and --to (the leave days)") }
                guard effective == nil else { throw CLIError.invalidArguments("--reason \(reason.argumentName) takes --from/--to, not --effective") }
                guard (from.value.daysSinceEpoch ?? 0) <= (to.value.daysSinceEpoch ?? 0) else {
                    throw CLIError.invalidArguments("--from must not be after --to")
                }
            } else {
                guard effective != nil else { throw CLIError.invalidArguments("--reason \(reason.argumentName) needs --effective (the day)") }
                guard from == nil, to == nil else { throw CLIError.invalidArguments("--reason \(reason.argumentName) takes --effective, not --from/--to") }
            }
        }

        /// The adjustment the options describe.
        func adjustment() throws -> Evaluation.PopulationAdjustment {
            let note = try EvalValues.text(note, option: "--note", range: EvalValues.adjustmentNote) ?? ""
            if isLeave {
                return Evaluation.PopulationAdjustment(nip: nip, reason: reason.value,
                                                       leave: Common.DateRange(startDate: from?.value, endDate: to?.value), note: note)
            }
            return Evaluation.PopulationAdjustment(nip: nip, reason: reason.value, effectiveDate: effective?.value, note: note)
        }

        func run() async throws {
            let adjustment = try adjustment()
            let response = try await CommandEnvironment.withEvaluation(connection) { caller in
                let period = try await selection.resolve(caller)
                let request = Evaluation.AdjustPopulationRequest(periodID: period.periodID, adjustment: adjustment, expectedRevision: period.revision)
                return try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("eval-population-adjust")) {
                    try await $0.adjustPopulation(request, options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            let recorded = response.adjustment ?? adjustment
            print("Recorded: \(recorded.nip) \(Display.name(recorded.reason)) — " + (recorded.excluded ? "not counted in the curve" : "counted in the curve")
                + (recorded.explanation.isEmpty ? "." : ": \(TerminalText.sanitized(recorded.explanation))."))
            let period = response.period ?? Evaluation.EvaluationPeriod()
            print("The curve's denominator is now \(period.curveDenominator) of \(period.population) evaluations.")
        }
    }

    /// `kinerjactl eval population list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a period's population adjustments, oldest first, with their effect on the curve.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EvalPeriodSelection

        func run() async throws {
            let period = try await CommandEnvironment.withEvaluation(connection) { caller in try await selection.resolve(caller) }
            if CommandEnvironment.printJSON(Evaluation.GetPeriodResponse(period: period), connection) { return }
            print("\(period.population) evaluations; \(period.curveDenominator) in the curve.")
            if period.populationAdjustments.isEmpty { print("No adjustments."); return }
            print(EvaluationText.adjustments(period.populationAdjustments).render())
        }
    }
}

extension EnumArgument {
    /// The value as the command line spells it, e.g. `tugas-belajar`.
    var argumentName: String {
        value.protoName.map { String($0.dropFirst(Display.enumPrefix(E.self).count)).lowercased().replacingOccurrences(of: "_", with: "-") }
            ?? String(value.rawValue)
    }
}
