import Foundation
import KinerjaProto

/// `eval leniency`: each rater's predikat distribution against the unit's and the city's, and
/// how little they differentiate.
enum LeniencyText {
    /// Counts per predikat in the matrix's order.
    static func counts(_ distribution: [Evaluation.PredikatCount]) -> [String] {
        CurveText.predikats.map { predikat in
            "\(distribution.filter { $0.predikat == predikat }.reduce(0) { $0 + Int($1.count) })"
        }
    }

    /// Shares per predikat in the matrix's order, as percents.
    static func shares(_ distribution: [Evaluation.PredikatCount]) -> [String] {
        let total = distribution.filter { $0.predikat != .unspecified }.reduce(0) { $0 + Int($1.count) }
        return CurveText.predikats.map { predikat in
            let count = distribution.filter { $0.predikat == predikat }.reduce(0) { $0 + Int($1.count) }
            return total == 0 ? "—" : CurveText.percent(Double(count) * 100 / Double(total))
        }
    }

    /// A differentiation index 0…1 as a bar of `width` cells (0: everyone the same predikat).
    static func differentiationBar(_ index: Double, width: Int = 10) -> String {
        let filled = Int((min(max(index, 0), 1) * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    /// The unit against the city, then one row per rater (most lenient first, as the service sends them).
    static func render(_ response: Evaluation.GetRaterLeniencyResponse, scope: String) -> String {
        var lines = ["Rater leniency, \(scope): \(response.ratedCount) rated"]
        let heads = ["SB", "B", "BP", "K", "SK"]
        var overview = Table([.init("", maxWidth: 6)] + heads.map { .init($0, maxWidth: 6, alignRight: true) } + [.init("MEAN", maxWidth: 5, alignRight: true)])
        overview.append(["Unit"] + shares(response.unitDistribution) + [String(format: "%.2f", response.unitMeanScore)])
        overview.append(["City"] + shares(response.cityDistribution) + [String(format: "%.2f", response.cityMeanScore)])
        lines.append("")
        lines.append(overview.render())
        guard !response.raters.isEmpty else {
            lines.append("")
            lines.append("No rater has rated anyone yet.")
            return lines.joined(separator: "\n")
        }
        var table = Table([.init("RATER", maxWidth: 28), .init("NIP", maxWidth: 18), .init("RATED", maxWidth: 5, alignRight: true)]
            + heads.map { .init($0, maxWidth: 4, alignRight: true) }
            + [.init("MEAN", maxWidth: 5, alignRight: true), .init("VS UNIT", maxWidth: 7, alignRight: true), .init("VS CITY", maxWidth: 7, alignRight: true),
               .init("MODAL", maxWidth: 6, alignRight: true), .init("DIFFERENTIATION", maxWidth: 16), .init("OVERRIDES", maxWidth: 9, alignRight: true),
               .init("FLAG", maxWidth: 30)])
        for rater in response.raters {
            var flags: [String] = []
            if rater.flagged, abs(rater.leniencyIndex) > response.flagThreshold { flags.append(rater.leniencyIndex > 0 ? "lenient" : "strict") }
            if rater.lowDifferentiation { flags.append("low differentiation") }
            table.append([rater.rater?.displayName ?? "", rater.rater?.nip ?? "", "\(rater.ratedCount)"] + counts(rater.distribution)
                + [String(format: "%.2f", rater.meanScore), EvaluationText.signed(rater.leniencyIndex), EvaluationText.signed(rater.cityLeniencyIndex),
                   CurveText.percent(rater.modalSharePercent), differentiationBar(rater.differentiationIndex) + String(format: " %.2f", rater.differentiationIndex),
                   "↑\(rater.overrideUpCount) ↓\(rater.overrideDownCount)", flags.joined(separator: ", ")])
        }
        lines.append("")
        lines.append(table.render())
        lines.append("")
        lines.append("Scores: Sangat Baik 5 … Sangat Kurang 1. VS UNIT / VS CITY: the rater's mean minus the unit's / city's (+ more lenient). "
            + "MODAL: share in the rater's most frequent predikat. DIFFERENTIATION: 0 everyone the same … 1 evenly spread. "
            + "OVERRIDES: proposals changed up ↑ or down ↓. Flagged from 3 ratings when |VS UNIT| > \(String(format: "%.2f", response.flagThreshold)) "
            + "or MODAL ≥ \(CurveText.percent(response.modalShareThresholdPercent)) — a prompt to look, not a finding.")
        return lines.joined(separator: "\n")
    }
}
