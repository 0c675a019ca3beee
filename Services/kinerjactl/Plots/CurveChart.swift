import KinerjaDocuments
import KinerjaProto

/// A unit's distribution curve as a chart: per predikat (and per pair the SE counts together) the
/// employees given it now, against the quota's minimum and maximum as limit lines.
enum CurveChart {
    /// The top of the value axis: a fifth above the highest bar or quota line, so a maximum at the
    /// highest value is not drawn on the frame.
    static func headroom(_ rows: [CurveText.Row], population: Int) -> Double {
        let top = rows.flatMap { [$0.count, $0.min] + ($0.max < population ? [$0.max] : []) }.max() ?? 0
        return Double(max(4, Int((Double(top) * 1.2).rounded(.up))))
    }

    /// The chart of `curve` for the unit labelled `unit`.
    static func chart(_ curve: Evaluation.CurveStatus, unit: String) -> Chart {
        let rows = CurveText.rows(curve)
        let population = Int(curve.population)
        let unrated = CurveText.unrated(curve)
        var title = "Kurva distribusi \(unit) — \(EvaluationDocument.periodTitle(curve.span))"
        title += curve.organisationRating == .unspecified ? " (predikat organisasi belum ditetapkan)" : " (organisasi: \(Display.name(curve.organisationRating)))"
        if unrated > 0 { title += ", \(unrated) belum dinilai" }
        return .bar(BarChart(
            title: title,
            categories: rows.map(\.label),
            series: [ChartSeries(name: "Pegawai dengan predikat ini (dari \(population))", values: rows.map { Double($0.count) }, color: Color(hex: 0x0072B2))],
            limits: [
                LimitLine(label: "Kuota maksimum", position: .perCategory(rows.map { $0.max < population ? Double($0.max) : nil }), color: Color(hex: 0xB2182B)),
                LimitLine(label: "Kuota minimum", position: .perCategory(rows.map { $0.min > 0 ? Double($0.min) : nil }), color: Color(hex: 0x1B7837)),
            ],
            valueAxis: ValueAxis(title: "Pegawai", range: 0...headroom(rows, population: population)),
            showsValues: true))
    }
}
