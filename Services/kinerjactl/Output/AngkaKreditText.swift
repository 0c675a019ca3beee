import Foundation
import KinerjaProto

/// `eval angka-kredit`: each jabatan fungsional's angka kredit per finalised period and the year's total.
enum AngkaKreditText {
    /// A figure as a PAK shows it: three decimals, unrounded underneath.
    static func figure(_ value: Double) -> String { String(format: "%.3f", (value * 1000).rounded() / 1000) }

    /// NIP, NAMA, JENJANG, PERIODE, PREDIKAT, %, KOEFISIEN, BULAN, ANGKA KREDIT; a JUMLAH row per
    /// employee; replaced conversions and skipped evaluations below, each with why.
    static func render(_ response: Evaluation.ListAngkaKreditResponse, year: Int32) -> String {
        guard !response.employees.isEmpty else { return "No jabatan fungsional with a finalised evaluation in \(year)." }
        var table = Table([Table.Column("NIP"), Table.Column("NAMA", maxWidth: 30), Table.Column("JENJANG"), Table.Column("PERIODE"),
                           Table.Column("PREDIKAT"), Table.Column("%", alignRight: true), Table.Column("KOEFISIEN", alignRight: true),
                           Table.Column("BULAN", alignRight: true), Table.Column("ANGKA KREDIT", alignRight: true)])
        var notes: [String] = []
        for entry in response.employees {
            let nip = entry.employee?.nip ?? ""
            let name = entry.employee?.displayName ?? ""
            for conversion in entry.counted {
                table.append([nip, name, jenjang(conversion.jenjang), span(conversion.span), EvaluationText.predikat(conversion.predikat),
                              String(format: "%g", conversion.predikatPercent), String(format: "%g", conversion.annualKoefisien),
                              "\(conversion.months)", figure(conversion.angkaKredit)])
            }
            table.append([nip, name, jenjang(entry.jenjang), "JUMLAH \(year)", "", "", "", "", figure(entry.total)])
            for conversion in entry.replaced {
                notes.append("\(nip): \(span(conversion.span)) (\(figure(conversion.angkaKredit))) is replaced by a longer finalised span covering the same months")
            }
            for skip in entry.skipped {
                notes.append("\(nip): not converted, \(skip.reason): \(skip.message)")
            }
        }
        return ([table.render()] + (notes.isEmpty ? [] : [""] + notes)).joined(separator: "\n")
    }

    static func jenjang(_ value: Evaluation.JenjangFungsional) -> String {
        value == .unspecified ? "-" : Display.name(value)
    }

    static func span(_ value: Evaluation.EvaluationSpan?) -> String {
        value.map { EvalSpans.label($0) } ?? "-"
    }
}
