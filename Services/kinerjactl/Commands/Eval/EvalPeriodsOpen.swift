import ArgumentParser
import KinerjaProto

extension Kinerjactl.Eval.Periods {
    /// `kinerjactl eval periods open`.
    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open an evaluation period for a unit (pengelola kinerja): a month, a triwulan, a semester or the year.",
            discussion: """
            Creates one evaluation per AKTIF employee with an SKP in force (state Persiapan). The period must have \
            begun. E.g. --kind quarterly --year 2026 --quarter 2, --kind monthly --month 3, --kind semester \
            --semester 1, --kind annual. The organisation rating comes next (org-rating set, by the pimpinan above the unit).
            """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var unit: UnitOptions
        @Flag(help: "Include every sub-unit in the population.") var subunits = false
        @OptionGroup var span: SpanOptions
        @Option(help: "Last WITA day for the atasan to enter ratings (YYYY-MM-DD; informative).") var deadline: DateArgument?

        func validate() throws {
            guard unit.reference != nil else { throw CLIError.invalidArguments("name the unit with --unit or --unit-code") }
        }

        func run() async throws {
            let span = try span.span()
            let (response, label) = try await CommandEnvironment.withEvaluation(connection) { caller in
                guard let unitID = try await unit.unitID(caller.identity) else { throw CLIError.invalidArguments("name the unit") }
                let request = Evaluation.OpenPeriodRequest(unit: Common.UnitScope(unitID: unitID, includeSubunits: subunits),
                                                           ratingDeadline: deadline?.value, span: span)
                let response = try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("eval-period-open")) {
                    try await $0.openPeriod(request, options: $1)
                }
                return (response, connection.json ? "" : await EvalLookup.unitLabel(unitID, caller))
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            let period = response.period ?? Evaluation.EvaluationPeriod()
            print("Opened \(EvalSpans.label(span)) for \(label): \(period.population) evaluations.\n")
            print(EvaluationText.period(period, unit: label))
        }
    }

    /// `kinerjactl eval periods reopen`.
    struct Reopen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reopen a finalised period for corrections (the pimpinan above the unit), with a reason.",
            discussion: """
            The period goes back to Penilaian; its finalisation and snapshots are kept, marked superseded; reporting \
            (and planning, for an annual period) are told to lift their locks.
            """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Period id.") var periodID: String
        @Option(help: "Why, e.g. a correction ordered after a keberatan; 20–2000 characters.") var reason: String

        func validate() throws {
            guard UnitReference.isULID(periodID) else { throw CLIError.invalidArguments("\(periodID.debugDescription) is not a period id") }
            _ = try EvalValues.text(reason, option: "--reason", range: EvalValues.periodReason)
        }

        func run() async throws {
            let reason = try EvalValues.text(reason, option: "--reason", range: EvalValues.periodReason) ?? ""
            let (response, label) = try await CommandEnvironment.withEvaluation(connection) { caller in
                let response = try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("eval-period-reopen")) {
                    try await $0.reopenPeriod(Evaluation.ReopenPeriodRequest(periodID: periodID.uppercased(), reason: reason), options: $1)
                }
                return (response, connection.json ? "" : await EvalLookup.unitLabel(response.period?.unit?.unitID ?? "", caller))
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Reopened; the earlier finalisation is kept, superseded.\n")
            print(EvaluationText.period(response.period ?? Evaluation.EvaluationPeriod(), unit: label))
        }
    }
}
