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
            E.g. kinerjactl eval quotas --unit KPG.DUKCAPIL --period 2026-Q2. --width sets the bars' length.
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
                let period = try await selection.resolve(caller)
                let response = try await caller.call { try await $0.getCurve(Evaluation.GetCurveRequest(periodID: period.periodID), options: $1) }
                return (response, connection.json ? "" : await EvalLookup.unitLabel(response.curve?.unitID ?? period.unit?.unitID ?? "", caller))
            }
            try drawPlot(response, unit: label)
            if CommandEnvironment.printJSON(response, connection) { return }
            print(CurveText.render(response.curve ?? Evaluation.CurveStatus(), unit: label, width: width))
        }
    }
}
