import KinerjaProto

/// The unit's distribution curve as an SVG drawn on the server: one bar per predikat (the count
/// rated so far), and the quota's allowed range beside it. Presentation attributes only: the CSP
/// forbids style attributes.
enum CurvePlot {
    static let order: [Common.Predikat] = [.sangatBaik, .baik, .butuhPerbaikan, .kurang, .sangatKurang]

    static func svg(_ curve: Evaluation.CurveStatus) -> String {
        let population = max(1, Int(curve.population))
        let width = 360, height = 200, left = 20, bottom = 170, barWidth = 48, gap = 18
        var parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"kurva-judul\" class=\"curve\">",
                     "<title id=\"kurva-judul\">Sebaran predikat terhadap kuota</title>",
                     "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(width - 8)\" y2=\"\(bottom)\" stroke=\"#444\"/>"]
        let scale = Double(bottom - 20) / Double(population)
        for (index, predikat) in order.enumerated() {
            let x = left + 8 + index * (barWidth + gap)
            let count = Int(curve.distribution.first { $0.predikat == predikat }?.count ?? 0)
            let barHeight = Int(Double(count) * scale)
            parts.append("<rect x=\"\(x)\" y=\"\(bottom - barHeight)\" width=\"\(barWidth)\" height=\"\(barHeight)\" fill=\"#1f6f8b\"/>")
            parts.append("<text x=\"\(x + barWidth / 2)\" y=\"\(bottom - barHeight - 4)\" text-anchor=\"middle\" font-size=\"12\">\(count)</text>")
            parts.append("<text x=\"\(x + barWidth / 2)\" y=\"\(bottom + 16)\" text-anchor=\"middle\" font-size=\"10\">\(short(predikat))</text>")
            for bound in curve.quotas where bound.predikat == predikat || bound.alsoPredikat == predikat {
                // A maximum of the whole population limits nothing: not drawn.
                if bound.maxCount > 0 && Int(bound.maxCount) < population {
                    let y = bottom - Int(Double(bound.maxCount) * scale)
                    parts.append("<line x1=\"\(x - 4)\" y1=\"\(y)\" x2=\"\(x + barWidth + 4)\" y2=\"\(y)\" stroke=\"#b00020\" stroke-width=\"3\"/>")
                }
                if bound.minCount > 0 {
                    let y = bottom - Int(Double(bound.minCount) * scale)
                    parts.append("<line x1=\"\(x - 4)\" y1=\"\(y)\" x2=\"\(x + barWidth + 4)\" y2=\"\(y)\" stroke=\"#2e7d32\" stroke-width=\"3\" stroke-dasharray=\"4 3\"/>")
                }
            }
        }
        parts.append("</svg>")
        return parts.joined()
    }

    static func short(_ predikat: Common.Predikat) -> String {
        switch predikat {
        case .sangatBaik: "SB"
        case .baik: "B"
        case .butuhPerbaikan: "BP"
        case .kurang: "K"
        case .sangatKurang: "SK"
        default: "?"
        }
    }
}
