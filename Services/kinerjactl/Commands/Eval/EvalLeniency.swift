import ArgumentParser
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval leniency`.
    struct Leniency: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Each rater's predikat distribution against the unit's and the city's, and how little they differentiate.",
            discussion: """
            For pengelola kinerja and pimpinan. --period gives the span (and, as an id, the unit); --unit looks at \
            another unit (--subunits with its sub-units). A flag is a prompt to look, not a finding.
            """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var scope: EvalScopeSelection
        @Option(help: "Flag a rater whose mean differs from the unit's by more than this, 0.1–4 score points (default 0.5).")
        var flagThreshold: Double?
        @Option(help: "Flag a rater with at least this share in one predikat, 50–100 percent (default 90).") var modalShare: Double?
        @OptionGroup var plot: PlotOption

        func validate() throws {
            if let flagThreshold, !(0.1...4).contains(flagThreshold) { throw CLIError.invalidArguments("--flag-threshold must be 0.1–4") }
            if let modalShare, !(50...100).contains(modalShare) { throw CLIError.invalidArguments("--modal-share must be 50–100") }
        }

        func run() async throws {
            let (response, label, chartScope) = try await CommandEnvironment.withEvaluation(connection) { caller in
                let (unit, span) = try await scope.resolve(caller)
                let request = Evaluation.GetRaterLeniencyRequest(unit: unit, period: EvalSpans.period(span), flagThreshold: flagThreshold ?? 0,
                                                                 modalShareThresholdPercent: modalShare ?? 0, span: span)
                let response = try await caller.call { try await $0.getRaterLeniency(request, options: $1) }
                let label = connection.json && plot.plot == nil ? "" : await EvalLookup.unitLabel(unit.unitID, caller)
                return (response, label + (unit.includeSubunits ? " with sub-units" : "") + ", " + EvalSpans.label(span),
                        LeniencyChart.scope(label, subunits: unit.includeSubunits, span: span))
            }
            try drawPlot(response, scope: chartScope)
            if CommandEnvironment.printJSON(response, connection) { return }
            print(LeniencyText.render(response, scope: label))
        }
    }

    /// `kinerjactl eval matrix`.
    struct Matrix: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The predikat matrix: Hasil Kerja × Perilaku Kerja → predikat, with the kuadran of each cell.")

        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let response = try await CommandEnvironment.withEvaluation(connection) { caller in
                try await caller.call { try await $0.getPredikatMatrix(Evaluation.GetPredikatMatrixRequest(), options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(EvaluationText.matrix(response.cells))
        }
    }
}
