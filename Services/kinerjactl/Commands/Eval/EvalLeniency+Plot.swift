import KinerjaProto

extension Kinerjactl.Eval.Leniency {
    /// `--plot FILE`: each rater's mean against the unit's and the city's.
    func drawPlot(_ response: Evaluation.GetRaterLeniencyResponse, scope: String) throws {
        guard plot.plot != nil else { return }
        guard let chart = LeniencyChart.chart(response, scope: scope) else {
            throw CLIError(.failure, "no rater has rated anyone in \(scope) yet: there is nothing to plot")
        }
        if let line = try plot.write({ chart }, size: .forCategories(response.raters.count, perCategory: 90)) {
            PlotReport.line(line, json: connection.json)
        }
    }
}
