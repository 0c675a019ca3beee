import ArgumentParser
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval periods`.
    struct Periods: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluation periods: list (the default), show, open (pengelola kinerja), reopen (the pimpinan above the unit).",
            subcommands: [List.self, Show.self, Open.self, Reopen.self],
            defaultSubcommand: List.self)
    }
}

extension Kinerjactl.Eval.Periods {
    /// `kinerjactl eval periods list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List evaluation periods, newest first: span, state, organisation rating, employees in the curve, rated.",
            discussion: "Pengelola kinerja without an agency-wide scope must name a unit.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var unit: UnitOptions
        @Flag(help: "Include the periods of every sub-unit.") var subunits = false
        @Option(help: "Only this year.") var year: Int?
        @Option(help: "Only periods in this state (repeatable): persiapan, penilaian, finalised.")
        var state: [EnumArgument<Evaluation.EvaluationPeriodState>] = []
        @Option(help: "At most this many periods (1–10000).") var limit: Int = 200

        func validate() throws {
            if subunits, unit.reference == nil { throw CLIError.invalidArguments("--subunits needs --unit") }
            if let year { _ = try SkpValues.year(year) }
            guard (1...10_000).contains(limit) else { throw CLIError.invalidArguments("--limit must be 1–10000") }
        }

        func run() async throws {
            let (response, codes) = try await CommandEnvironment.withEvaluation(connection) { caller in
                let unitID = try await unit.unitID(caller.identity)
                var all = Evaluation.ListPeriodsResponse()
                var cursor = ""
                repeat {
                    let request = Evaluation.ListPeriodsRequest(
                        unit: unitID.map { Common.UnitScope(unitID: $0, includeSubunits: subunits) }, year: Int32(year ?? 0),
                        states: state.map(\.value), page: Common.PageRequest(pageSize: UInt32(min(500, limit - all.periods.count)), cursor: cursor))
                    let page = try await caller.call { try await $0.listPeriods(request, options: $1) }
                    all.periods += page.periods
                    all.page = page.page
                    cursor = page.page?.nextCursor ?? ""
                } while !cursor.isEmpty && all.periods.count < limit
                let codes = connection.json ? [:] : await UnitLookup.codes(caller.identity)
                return (all, codes)
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            if response.periods.isEmpty { print("No evaluation periods."); return }
            print(EvaluationText.periods(response.periods, unitCodes: codes).render())
            if !(response.page?.nextCursor ?? "").isEmpty { print("… more than \(limit); raise --limit or narrow with --unit, --year, --state.") }
        }
    }

    /// `kinerjactl eval periods show`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one period: population and curve denominator, organisation rating and recommendations, adjustments, finalisations.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Period id, or a span (YYYY, YYYY-Q1…Q4, YYYY-S1|S2, YYYY-MM) with --unit.") var period: EvalPeriodReference
        @OptionGroup var unit: UnitOptions

        func validate() throws {
            if period.span != nil, unit.reference == nil {
                throw CLIError.invalidArguments("\(period) is a span: give --unit too, or the period's id")
            }
        }

        func run() async throws {
            let (period, unitLabel) = try await CommandEnvironment.withEvaluation(connection) { caller in
                let period = try await EvalPeriodSelection.resolve(self.period, unit: unit.reference, caller)
                return (period, connection.json ? "" : await EvalLookup.unitLabel(period.unit?.unitID ?? "", caller))
            }
            if CommandEnvironment.printJSON(Evaluation.GetPeriodResponse(period: period), connection) { return }
            print(EvaluationText.period(period, unit: unitLabel))
        }
    }
}
