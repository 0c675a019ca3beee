import KinerjaDocuments
import KinerjaProto

/// Each rater's mean predikat score against the unit's and the city's means: the bars above the
/// unit's line are the lenient raters.
enum LeniencyChart {
    /// The chart of `response` for the scope labelled `scope`; nil when nobody has rated yet.
    static func chart(_ response: Evaluation.GetRaterLeniencyResponse, scope: String) -> Chart? {
        guard !response.raters.isEmpty else { return nil }
        let categories = response.raters.map { rater -> String in
            let name = rater.rater.map { $0.displayName.isEmpty ? $0.nip : shortName($0.displayName) } ?? "—"
            return "\(name) (\(rater.ratedCount))" + (rater.flagged ? " ⚑" : "")
        }
        var limits = [LimitLine(label: "Rata-rata unit \(EvaluationDocument.score(response.unitMeanScore))", position: .across(response.unitMeanScore),
                                color: Color(hex: 0xB2182B))]
        if response.cityMeanScore > 0 {
            limits.append(LimitLine(label: "Rata-rata kota \(EvaluationDocument.score(response.cityMeanScore))", position: .across(response.cityMeanScore),
                                    color: Color(hex: 0x555555)))
        }
        return .bar(BarChart(
            title: "Leniensi penilai — \(scope)",
            categories: categories,
            series: [ChartSeries(name: "Rata-rata skor predikat dari penilai (dalam kurung: pegawai yang dinilai; ⚑ ditandai)", values: response.raters.map { $0.meanScore }, color: Color(hex: 0x0072B2))],
            limits: limits,
            valueAxis: ValueAxis(title: "Skor (5 Sangat Baik … 1 Sangat Kurang)", range: 0...5),
            showsValues: true))
    }

    /// `KPG.DUKCAPIL — … dengan sub-unit, Triwulan I 2026`: the chart's scope in Indonesian.
    static func scope(_ unit: String, subunits: Bool, span: Evaluation.EvaluationSpan) -> String {
        unit + (subunits ? " dengan sub-unit" : "") + ", " + EvaluationDocument.periodTitle(span)
    }

    /// The name without academic titles after the comma, at most three words: `Yohanes Fanggidaé`.
    static func shortName(_ name: String) -> String {
        let bare = name.split(separator: ",").first.map(String.init) ?? name
        let words = bare.split(separator: " ").filter { !$0.hasSuffix(".") }
        return words.prefix(3).joined(separator: " ")
    }
}
