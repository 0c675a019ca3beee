import Foundation
import KinerjaProto

/// A unit's distribution curve in a terminal (`eval quotas`): a table of each predikat's quota
/// against its current count, and a horizontal bar per row showing what is given against what is
/// allowed.
enum CurveText {
    /// One row: a predikat (or a pair the SE counts together) with its quota and current count.
    struct Row: Equatable, Sendable {
        /// "Baik", or "Butuh Perbaikan + Kurang" for a pair.
        var label: String
        /// Lowest allowed head count; 0 when there is no lower bound.
        var min: Int
        /// Highest allowed head count; the population when there is no upper bound.
        var max: Int
        /// Employees with the predikat (or either of the pair) now.
        var count: Int
        /// The bounds' percents as the SE states them (nil when none).
        var minPercent: Double?
        var maxPercent: Double?
        /// The rules behind the row, as the service words them.
        var rules: [String]
        /// Why the head counts differ from plain rounding (the small-unit rule), if they do.
        var adjustments: [String]
        var status: Status
    }

    /// How a row stands against its quota.
    enum Status: Equatable, Sendable {
        /// Within the quota, room left.
        case ok
        /// At its maximum: no more may be given.
        case full
        /// Below its minimum with enough employees unrated to reach it.
        case needed(Int)
        /// Below its minimum with too few employees unrated to reach it.
        case unreachable(Int)
        /// Above its maximum: a breach.
        case over(Int)
        /// Below its minimum with everyone rated: a breach.
        case short(Int)

        /// The status in words.
        var text: String {
            switch self {
            case .ok: "ok"
            case .full: "full (at the maximum)"
            case .needed(let k): "\(k) more needed"
            case .unreachable(let k): "cannot be met: \(k) more needed"
            case .over(let k): "BREACH: \(k) over the maximum"
            case .short(let k): "BREACH: \(k) short of the minimum"
            }
        }

        /// Whether the row breaks its bound.
        var isBreach: Bool {
            switch self {
            case .over, .short: true
            default: false
            }
        }
    }

    /// The five predikat in the matrix's order.
    static let predikats: [Common.Predikat] = [.sangatBaik, .baik, .butuhPerbaikan, .kurang, .sangatKurang]

    /// Employees per predikat in `curve`'s distribution (UNSPECIFIED: unrated).
    static func counts(_ curve: Evaluation.CurveStatus) -> [Common.Predikat: Int] {
        var counts: [Common.Predikat: Int] = [:]
        for entry in curve.distribution { counts[entry.predikat, default: 0] += Int(entry.count) }
        return counts
    }

    /// Employees of the curve not rated yet.
    static func unrated(_ curve: Evaluation.CurveStatus) -> Int {
        let counts = counts(curve)
        if let given = counts[.unspecified] { return given }
        return max(0, Int(curve.population) - Int(curve.ratedCount))
    }

    /// One row per predikat (each with the bounds about it alone), then one per pair bound.
    static func rows(_ curve: Evaluation.CurveStatus) -> [Row] {
        let population = Int(curve.population)
        let counts = counts(curve)
        let unrated = unrated(curve)
        var rows: [Row] = []
        for predikat in predikats {
            let bounds = curve.quotas.filter { $0.predikat == predikat && $0.alsoPredikat == .unspecified }
            rows.append(row(label: EvaluationText.predikat(predikat), bounds: bounds, count: counts[predikat] ?? 0,
                            population: population, unrated: unrated))
        }
        for bound in curve.quotas where bound.alsoPredikat != .unspecified {
            let pair = [bound.predikat, bound.alsoPredikat].sorted { order($0) < order($1) }
            rows.append(row(label: pair.map(EvaluationText.predikat).joined(separator: " + "), bounds: [bound],
                            count: pair.reduce(0) { $0 + (counts[$1] ?? 0) }, population: population, unrated: unrated))
        }
        return rows
    }

    private static func order(_ predikat: Common.Predikat) -> Int {
        predikats.firstIndex(of: predikat) ?? predikats.count
    }

    private static func row(label: String, bounds: [Common.CurveBound], count: Int, population: Int, unrated: Int) -> Row {
        let min = bounds.map { Int($0.minCount) }.max() ?? 0
        let max = bounds.map { Int($0.maxCount) }.min() ?? population
        let minPercent = bounds.map(\.minPercent).filter { $0 > 0 }.max()
        let maxPercent = bounds.filter { Int($0.maxCount) < population || $0.maxPercent < 100 }.map(\.maxPercent).min()
        return Row(label: label, min: min, max: max, count: count, minPercent: minPercent, maxPercent: maxPercent,
                   rules: bounds.map(\.ruleText).filter { !$0.isEmpty }, adjustments: bounds.map(\.adjustment).filter { !$0.isEmpty },
                   status: status(count: count, min: min, max: max, population: population, unrated: unrated))
    }

    /// Where a count stands against its bounds: an upper bound breaks as soon as it is passed, a
    /// lower one only once everyone is rated (before that it is still needed, or cannot be met).
    static func status(count: Int, min: Int, max: Int, population: Int, unrated: Int) -> Status {
        if count > max { return .over(count - max) }
        if count < min {
            let missing = min - count
            if unrated == 0 { return .short(missing) }
            return missing > unrated ? .unreachable(missing) : .needed(missing)
        }
        if count == max, max < population { return .full }
        return .ok
    }

    // MARK: The table

    /// PREDIKAT, MIN, MAX, NOW, STATUS, RULE.
    static func table(_ rows: [Row], population: Int) -> Table {
        var table = Table([.init("PREDIKAT", maxWidth: 36), .init("MIN", maxWidth: 10, alignRight: true), .init("MAX", maxWidth: 10, alignRight: true),
                           .init("NOW", maxWidth: 12, alignRight: true), .init("STATUS", maxWidth: 36), .init("RULE", maxWidth: 60)])
        for row in rows {
            table.append([row.label, minText(row), maxText(row, population: population),
                          "\(row.count)" + (population > 0 ? " (\(percent(Double(row.count) * 100 / Double(population))))" : ""),
                          row.status.text, row.rules.joined(separator: "; ")])
        }
        return table
    }

    /// `1`, `12 (60%)`, or `—` without a lower bound.
    static func minText(_ row: Row) -> String {
        guard row.min > 0 else { return "—" }
        return "\(row.min)" + (row.minPercent.map { " (\(percent($0)))" } ?? "")
    }

    /// `14 (70%)`, `0 (none)`, or `—` without an upper bound.
    static func maxText(_ row: Row, population: Int) -> String {
        guard row.max < population else { return "—" }
        if row.max == 0 { return "0 (none)" }
        return "\(row.max)" + (row.maxPercent.map { " (\(percent($0)))" } ?? "")
    }

    /// `70%`, `12.5%`.
    static func percent(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded))%" : String(format: "%.1f%%", rounded)
    }

    // MARK: The bars

    /// The glyphs of a bar.
    enum Glyph {
        /// An employee given the predikat, within the maximum.
        static let given: Character = "█"
        /// An employee given the predikat beyond the maximum (a breach).
        static let over: Character = "▓"
        /// A place still needed to reach the minimum.
        static let needed: Character = "▒"
        /// Room left up to the maximum.
        static let room: Character = "░"
        /// Beyond the maximum: not allowed.
        static let closed: Character = "·"
    }

    /// How many cells `employees` take on a bar for `population`: each employee the same whole
    /// number of cells when the population fits `width`, else proportionally (never 0 for one or more).
    static func cells(_ employees: Int, population: Int, width: Int) -> Int {
        guard population > 0, employees > 0 else { return 0 }
        if population <= width { return employees * (width / population) }
        return Swift.max(1, Int((Double(employees) * Double(width) / Double(population)).rounded()))
    }

    /// The bar's length for `population`.
    static func barWidth(population: Int, width: Int) -> Int {
        population <= width ? population * (width / Swift.max(1, population)) : width
    }

    /// One bar: given (█, ▓ past the maximum), still needed for the minimum (▒), room up to the
    /// maximum (░), and beyond the maximum (·).
    static func bar(count: Int, min: Int, max: Int, population: Int, width: Int = 40) -> String {
        let total = barWidth(population: population, width: width)
        let given = cells(count, population: population, width: width)
        let low = cells(min, population: population, width: width)
        let high = cells(Swift.min(max, population), population: population, width: width)
        var bar = ""
        for position in 0..<total {
            if position < given {
                bar.append(position < high ? Glyph.given : Glyph.over)
            } else if position < low, position < high {
                bar.append(Glyph.needed)
            } else if position < high {
                bar.append(Glyph.room)
            } else {
                bar.append(Glyph.closed)
            }
        }
        return bar
    }

    /// A bar per row with its label and `count of quota`.
    static func bars(_ rows: [Row], population: Int, width: Int = 40) -> String {
        guard population > 0 else { return "No employees in the curve: nothing to draw." }
        let labelWidth = rows.map { TerminalText.width($0.label) }.max() ?? 0
        var lines = rows.map { row in
            TerminalText.padded(row.label, toWidth: labelWidth) + "  " + bar(count: row.count, min: row.min, max: row.max, population: population, width: width)
                + "  " + quota(row, population: population)
        }
        let perCell = population <= width ? "one employee = \(width / population) cell\(width / population == 1 ? "" : "s")"
                                           : "one cell ≈ \(String(format: "%.1f", Double(population) / Double(width))) employees"
        lines.append("")
        lines.append("\(Glyph.given) given  \(Glyph.over) over the maximum  \(Glyph.needed) still needed for the minimum  "
            + "\(Glyph.room) room up to the maximum  \(Glyph.closed) not allowed  (\(perCell))")
        return lines.joined(separator: "\n")
    }

    /// `13 of at most 14`, `0 of at least 1`, `2 (any)`, `1 of 1–3`.
    static func quota(_ row: Row, population: Int) -> String {
        switch (row.min > 0, row.max < population) {
        case (true, true): "\(row.count) of \(row.min)–\(row.max)"
        case (true, false): "\(row.count) of at least \(row.min)"
        case (false, true): row.max == 0 ? "\(row.count) of none allowed" : "\(row.count) of at most \(row.max)"
        case (false, false): "\(row.count) (any)"
        }
    }

    // MARK: The whole view

    /// Heading, table, bars, breaches and notes of a curve.
    static func render(_ curve: Evaluation.CurveStatus, unit: String, width: Int = 40) -> String {
        var lines: [String] = []
        let population = Int(curve.population)
        let span = EvalSpans.label(curve.span ?? curve.period.flatMap(EvalSpans.span))
        lines.append("Distribution curve of \(unit), \(span) (SE MenPANRB 3/2023)")
        guard curve.organisationRating != .unspecified else {
            lines.append("Organisation rating not decided yet: no quotas. The pimpinan above the unit sets it with "
                + "`kinerjactl eval org-rating set --period \(curve.periodID) --rating … --reason …`.")
            lines.append("\(population) employees in the curve" + (curve.excludedCount > 0 ? " (\(curve.excludedCount) excluded by population adjustments)." : "."))
            return lines.joined(separator: "\n")
        }
        let unrated = unrated(curve)
        lines.append("Organisation rating \(Display.name(curve.organisationRating)); \(population) employees in the curve"
            + (curve.excludedCount > 0 ? " (\(curve.excludedCount) excluded by population adjustments)" : "")
            + "; \(curve.ratedCount) rated, \(unrated) unrated; " + (curve.compliant ? "compliant." : "not compliant yet."))
        let rows = rows(curve)
        lines.append("")
        lines.append(table(rows, population: population).render())
        lines.append("")
        lines.append(bars(rows, population: population, width: width))
        if !curve.breaches.isEmpty {
            lines.append("")
            lines.append(CurveBreachText.explanation(curve.breaches))
        }
        let adjustments = rows.flatMap { row in row.adjustments.map { "\(row.label): \($0)" } }
        if !curve.note.isEmpty || !adjustments.isEmpty {
            lines.append("")
            if !curve.note.isEmpty { lines.append("Note: " + TerminalText.sanitized(curve.note)) }
            for adjustment in adjustments { lines.append("Small-unit rule — " + TerminalText.sanitized(adjustment)) }
        }
        return lines.joined(separator: "\n")
    }
}
