import KinerjaDocuments
import KinerjaProto

extension EvaluationDocument {
    /// The signatures: the pegawai yang dinilai on the left, the pejabat penilai kinerja on the
    /// right, under the place and WITA day of the finalisation. One row per line, so both sides
    /// stay level whatever wraps.
    static func signatures(_ printout: EvaluationPrintout) -> KinerjaDocuments.Table {
        let finalised = printout.evaluation.finalised?.at
        let date = finalised.map { IndonesianDate.day(IndonesianDate.witaDay($0)) } ?? "………………………"
        let penilai = printout.penilai
        let lines: [(RichText, RichText)] = [
            (RichText("\(printout.place), \(date)"), RichText("\(printout.place), \(date)")),
            ("Pegawai yang Dinilai,", "Pejabat Penilai Kinerja,"),
            ("\n\n\n", "\n\n\n"),
            (.bold(printout.pegawai.name), .bold(penilai?.name ?? "(………………………………………)")),
            (RichText(printout.pegawai.nipLine ?? ""), RichText(penilai.map { $0.nipLine ?? "" } ?? "NIP. ………………………")),
        ]
        let style = TextStyle(size: 8.5, alignment: .center)
        return KinerjaDocuments.Table(columns: [TableColumn(.weight(1)), TableColumn(.weight(1))],
                                      rows: lines.map { TableRow([TableCell($0.0, style: style), TableCell($0.1, style: style)]) },
                                      bodyStyle: style, headerFill: nil, border: .none, cellPadding: 1, keepTogether: true, spaceAfter: 10)
    }

    /// The finalisation stamp: who finalised and when, which finalisation of which period, the
    /// evaluation and the SHA-256 of its snapshot, with how to check it.
    static func stamp(_ printout: EvaluationPrintout, mark: EvaluationDocumentMark) -> Stamp {
        let evaluation = printout.evaluation
        let finalised = evaluation.finalised
        let finaliser = printout.finaliser.isEmpty ? (finalised?.principal ?? "—") : printout.finaliser
        var lines: [(key: RichText, value: RichText)] = [
            (key: "Difinalisasi oleh", value: RichText(finaliser)),
            (key: "Waktu finalisasi", value: RichText(IndonesianDate.instant(finalised?.at))),
            (key: "Finalisasi", value: RichText(mark.finalisation > 0 ? "ke-\(mark.finalisation) periode \(mark.periodID)" : "periode \(mark.periodID)")),
            (key: "ID evaluasi", value: .monospace(evaluation.evaluationID)),
            (key: "SHA-256 snapshot", value: .monospace(mark.snapshotSHA256)),
        ]
        if let override = printout.period?.curveOverride, !override.breaches.isEmpty {
            lines.append((key: "Kurva distribusi", value: RichText("\(override.breaches.count) pelanggaran diterima saat finalisasi: \(override.reason)")))
        }
        return Stamp(
            title: "FINALISASI ELEKTRONIK",
            lines: KeyValueList(lines, keyWidth: 110, style: TextStyle(size: 8)),
            note: "Keaslian cetakan dapat diperiksa dengan perintah: kinerjactl eval verify-document <berkas.pdf> — hash di atas dibandingkan dengan snapshot finalisasi yang tersimpan di layanan evaluasi; finalisasi yang telah dibuka kembali tidak lagi berlaku.")
    }
}
