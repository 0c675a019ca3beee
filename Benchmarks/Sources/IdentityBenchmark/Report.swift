import BenchSupport
import Foundation

/// One figure of the identity benchmark: ours, the peer of the same run, the ratio and the goal.
struct Figure: Sendable {
    enum Goal: Sendable {
        /// ours/peer ≥ value.
        case ratioAtLeast(Double)
        /// ours ≥ value (absolute, in the figure's unit).
        case atLeast(Double)
        /// ours ≤ value (absolute).
        case atMost(Double)
        case none
    }

    var key: String
    var label: String
    var unit: String
    /// Per repeat.
    var ours: [Double]
    var peerName: String?
    var peer: [Double] = []
    var goal: Goal = .none
    var extra: [(String, Double?)] = []

    var oursMedian: Double? { median(ours) }
    var peerMedian: Double? { median(peer) }
    /// The median of the per-repeat ratios when ours and the peer ran in the same repeats (each
    /// pair measured minutes apart at most, so a busy moment of the machine moves both); the ratio
    /// of the medians otherwise.
    var ratio: Double? {
        if ours.count == peer.count, !ours.isEmpty {
            return median(zip(ours, peer).compactMap { $1 > 0 ? $0 / $1 : nil })
        }
        guard let o = oursMedian, let p = peerMedian, p > 0 else { return nil }
        return o / p
    }

    var goalText: String {
        switch goal {
        case .ratioAtLeast(let v): "≥ \(v)×"
        case .atLeast(let v): "≥ \(Table.number(v))"
        case .atMost(let v): "≤ \(Table.number(v))"
        case .none: ""
        }
    }

    var met: Bool? {
        switch goal {
        case .ratioAtLeast(let v): ratio.map { $0 >= v }
        case .atLeast(let v): oursMedian.map { $0 >= v }
        case .atMost(let v): oursMedian.map { $0 <= v }
        case .none: nil
        }
    }

    /// One JSON line, in the style of the other benchmarks' result lines.
    var jsonLine: String {
        func number(_ value: Double?) -> String {
            guard let value, value.isFinite else { return "null" }
            return String(Double((value * 1000).rounded()) / 1000)
        }
        func string(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "null" }
        var parts = [
            "\"identity\":\(string(key))", "\"unit\":\(string(unit))", "\"ours\":\(number(oursMedian))",
            "\"peer\":\(string(peerName))", "\"peer_value\":\(number(peerMedian))", "\"ratio\":\(number(ratio))",
            "\"goal\":\(string(goalText.isEmpty ? nil : goalText))", "\"met\":\(met.map { $0 ? "true" : "false" } ?? "null")",
            "\"ours_runs\":[\(ours.map { number($0) }.joined(separator: ","))]",
            "\"peer_runs\":[\(peer.map { number($0) }.joined(separator: ","))]",
        ]
        for (name, value) in extra { parts.append("\"\(name)\":\(number(value))") }
        return "{" + parts.joined(separator: ",") + "}"
    }
}

enum Table {
    static func number(_ value: Double?, digits: Int = 0) -> String {
        guard let value, value.isFinite else { return "—" }
        if digits > 0 { return String(format: "%.\(digits)f", value) }
        let rounded = Int(value.rounded())
        let text = String(abs(rounded))
        var grouped = ""
        for (index, character) in text.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(" ") }
            grouped.append(character)
        }
        return (rounded < 0 ? "-" : "") + String(grouped.reversed())
    }

    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? fill + text : text + fill
    }

    static func print(_ figures: [Figure], notes: [String], options: Options) {
        var lines: [String] = []
        lines.append("")
        lines.append("Services (issues 5, 6, 12, 13): median of \(options.repeats) × \(options.duration) s where timed; ratio = median over the repeats of ours ÷ the peer of the same repeat")
        let header = pad("figure", 44) + pad("ours", 12, left: true) + "  " + pad("peer (same run)", 28)
            + pad("ratio", 8, left: true) + pad("goal", 12, left: true) + pad("met", 6, left: true)
        lines.append(header)
        lines.append(String(repeating: "-", count: header.count))
        for figure in figures {
            // Rates under 100 (calls/s of one long call) keep two decimals.
            func digits(_ value: Double?) -> Int { figure.unit == "MiB" ? 1 : (value ?? 100) < 100 ? 2 : 0 }
            let peer = figure.peerName.map { "\($0) \(number(figure.peerMedian, digits: digits(figure.peerMedian)))" } ?? ""
            let ratio = figure.ratio.map { String(format: "%.2f×", $0) } ?? ""
            let met = figure.met.map { $0 ? "yes" : "NO" } ?? ""
            lines.append(pad("\(figure.label) (\(figure.unit))", 44) + pad(number(figure.oursMedian, digits: digits(figure.oursMedian)), 12, left: true)
                         + "  " + pad(peer, 28) + pad(ratio, 8, left: true) + pad(figure.goalText, 12, left: true) + pad(met, 6, left: true))
            let extras = figure.extra.filter { $0.1 != nil }
            if !extras.isEmpty {
                lines.append("    " + extras.map { "\($0.0) \(number($0.1, digits: $0.0.hasSuffix("_mib") ? 1 : 0))" }.joined(separator: ", "))
            }
        }
        for note in notes { lines.append("note: \(note)") }
        FileHandleOutput.standardOutput(lines.joined(separator: "\n") + "\n")
    }
}
