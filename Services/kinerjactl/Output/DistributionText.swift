import Foundation
import KinerjaProto

/// `eval distribution`: the predikat counts per unit as a table (and the rows its chart draws).
enum DistributionText {
    /// One unit's counts.
    struct Row: Sendable, Equatable {
        var label: String
        /// Employees per predikat; UNSPECIFIED: not rated.
        var counts: [Common.Predikat: Int]

        init(label: String, totals: [Evaluation.PredikatCount]) {
            self.label = label
            var counts: [Common.Predikat: Int] = [:]
            for entry in totals { counts[entry.predikat, default: 0] += Int(entry.count) }
            self.counts = counts
        }

        /// Everyone in the population.
        var total: Int { counts.values.reduce(0, +) }

        /// The share of `predikat`, percent of everyone (0 for an empty unit).
        func percent(_ predikat: Common.Predikat) -> Double {
            total == 0 ? 0 : Double(counts[predikat] ?? 0) / Double(total) * 100
        }
    }

    /// The five predikat, then unrated.
    static let columns: [Common.Predikat] = CurveText.predikats + [.unspecified]

    /// UNIT, one column per predikat, BELUM DINILAI, JUMLAH; and a KOTA row.
    static func table(_ rows: [Row]) -> Table {
        var table = Table([Table.Column("UNIT", maxWidth: 36)]
            + columns.map { Table.Column($0 == .unspecified ? "BELUM DINILAI" : EvaluationText.predikat($0).uppercased(), alignRight: true)}
            + [Table.Column("JUMLAH", alignRight: true)])
        for row in rows {
            table.append([row.label] + columns.map { "\(row.counts[$0] ?? 0)" } + ["\(row.total)"])
        }
        let sums = columns.map { predikat in rows.reduce(0) { $0 + ($1.counts[predikat] ?? 0) } }
        table.append(["JUMLAH KOTA"] + sums.map { "\($0)" } + ["\(sums.reduce(0, +))"])
        return table
    }

    /// `[{"unit": …, "counts": {"PREDIKAT_BAIK": 3, …}, "total": …}]`.
    static func json(_ rows: [Row]) -> String {
        let objects: [[String: Any]] = rows.map { row in
            ["unit": row.label, "total": row.total,
             "counts": Dictionary(uniqueKeysWithValues: columns.map { ($0.protoName ?? "\($0.rawValue)", row.counts[$0] ?? 0) })]
        }
        let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
