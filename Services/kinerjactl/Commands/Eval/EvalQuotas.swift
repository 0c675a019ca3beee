import ArgumentParser
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval quotas`.
    struct Quotas: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A unit's distribution curve: quota per predikat against the current count, as a table and as bars.",
            discussion: """
            Quotas are known as soon as the organisation rating is decided, before any rating; while rating, the \
            bars show what is given (█) against what is allowed (░ room, · beyond the maximum, ▒ still needed). \
            E.g. kinerjactl eval quotas --unit KPG.DUKCAPIL --period 2026-Q2. A --unit inside a period opened with its \
            sub-units shows that unit's own curve when it has its own organisation rating, else the curve its \
            employees count in (e.g. --unit KPG.DUKCAPIL.DAFDUK). --width sets the bars' length.
            """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EvalPeriodSelection
        @Option(help: "Bar length in terminal columns, 10–200.") var width: Int = 40
        @OptionGroup var plot: PlotOption

        func validate() throws {
            guard (10...200).contains(width) else { throw CLIError.invalidArguments("--width must be 10–200") }
        }

        func run() async throws {
            let (response, label) = try await CommandEnvironment.withEvaluation(connection) { caller in
                let (period, subunitID) = try await EvalCoveringPeriod.resolve(selection, caller)
                let request = Evaluation.GetCurveRequest(periodID: period.periodID, unitID: subunitID)
                let response = try await caller.call { try await $0.getCurve(request, options: $1) }
                return (response, connection.json ? "" : await EvalLookup.unitLabel(response.curve?.unitID ?? period.unit?.unitID ?? "", caller))
            }
            try drawPlot(response, unit: label)
            if CommandEnvironment.printJSON(response, connection) { return }
            print(CurveText.render(response.curve ?? Evaluation.CurveStatus(), unit: label, width: width))
        }
    }
}
