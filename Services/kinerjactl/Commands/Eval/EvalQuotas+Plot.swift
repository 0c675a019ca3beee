import KinerjaProto

extension Kinerjactl.Eval.Quotas {
    /// `--plot FILE`: the curve as a chart (quotas as limit lines over the current counts).
    func drawPlot(_ response: Evaluation.GetCurveResponse, unit label: String) throws {
        let curve = response.curve ?? Evaluation.CurveStatus()
        guard let line = try plot.write({ CurveChart.chart(curve, unit: label.isEmpty ? curve.unitID : label) }) else { return }
        PlotReport.line(line, json: connection.json)
    }
}

/// Where a command says it wrote a plot: standard output, or standard error beside `--json`
/// (which keeps standard output one JSON document).
enum PlotReport {
    static func line(_ line: String, json: Bool) {
        if json { StandardError.line(line) } else { print(line) }
    }
}
