import KinerjaDocuments
import KinerjaProto

/// The city's predikat distribution by unit: one bar per unit, stacked by predikat as percent of
/// the unit's employees (unrated in grey), so units of any size compare.
enum DistributionChart {
    /// The chart of `rows` over `span`; exit 1 when no unit has anyone to show.
    static func chart(_ rows: [DistributionText.Row], span: Evaluation.EvaluationSpan) throws -> Chart {
        let shown = rows.filter { $0.total > 0 }
        guard !shown.isEmpty else { throw CLIError(.failure, "no unit has evaluations in \(EvalSpans.label(span)): there is nothing to plot") }
        let series = DistributionText.columns.map { predikat in
            ChartSeries(name: predikat == .unspecified ? "Belum dinilai" : EvaluationText.predikat(predikat),
                        values: shown.map { $0.percent(predikat) }, color: PredikatColors.color(predikat))
        }
        return .bar(BarChart(
            title: "Distribusi predikat kinerja per unit — \(EvaluationDocument.periodTitle(span))",
            categories: shown.map { "\($0.label) (\($0.total))" },
            series: series, arrangement: .stacked,
            valueAxis: ValueAxis(title: "Persen pegawai unit", range: 0...100, unitSuffix: "%")))
    }
}
