import KinerjaDocuments
import KinerjaProto

/// A finalised evaluation laid out as the regulation's Dokumen Evaluasi Kinerja Pegawai
/// (PermenPANRB 6/2022, lampiran): the period, the pegawai, the pejabat penilai and their atasan,
/// the organisation's rating, both ratings and the predikat, the notes, the signatures and the
/// finalisation stamp with the snapshot's SHA-256; then the lampiran with what the ratings rest
/// on: each RHK and IKI with target, realisation, the verified reports and evidence links, the
/// continuous feedback, the ekspektasi khusus and the BerAKHLAK ratings. Pure: the same printout
/// gives the same document.
enum EvaluationDocument {
    /// Size of body text in tables.
    static let bodySize = 8.0
    /// Style of table body cells.
    static let cellStyle = TextStyle(size: bodySize)
    /// Style of table header cells.
    static let headerStyle = TextStyle(size: bodySize, bold: true, alignment: .center)

    /// The document for `printout`; nil when the evaluation is not finalised (only a finalised
    /// evaluation has a snapshot to stamp).
    static func build(_ printout: EvaluationPrintout) -> Document? {
        guard let mark = mark(printout) else { return nil }
        let evaluation = printout.evaluation
        var blocks = title(printout)
        blocks.append(.table(form(printout)))
        blocks.append(.table(signatures(printout)))
        blocks.append(.stamp(stamp(printout, mark: mark)))
        blocks.append(.pageBreak)
        blocks += lampiran(printout)
        let name = printout.pegawai.name
        return Document(
            page: .a4Portrait,
            footer: PageFooter(text: "Dokumen Evaluasi Kinerja \(name) · \(periodLabel(evaluation.span)) · \(evaluation.evaluationID)"),
            metadata: DocumentMetadata(
                title: "Dokumen Evaluasi Kinerja Pegawai \(periodLabel(evaluation.span)) — \(name)",
                author: printout.instansi,
                subject: "Evaluasi \(evaluation.evaluationID), finalisasi \(mark.finalisation); SHA-256 snapshot \(mark.snapshotSHA256)",
                keywords: mark.keywords,
                creator: "kinerjactl \(KinerjaVersion.current)"),
            blocks: blocks)
    }

    /// What the document says about itself in its Keywords; nil when the evaluation is not finalised.
    static func mark(_ printout: EvaluationPrintout) -> EvaluationDocumentMark? {
        guard let hash = printout.snapshotSHA256 else { return nil }
        return EvaluationDocumentMark(evaluationID: printout.evaluation.evaluationID, periodID: printout.evaluation.periodID,
                                      finalisation: printout.finalisationNumber, snapshotSHA256: hash)
    }

    /// `TRIWULAN II 2026`, `BULAN MARET 2026`, `SEMESTER I 2026`, `AKHIR 2026`.
    static func periodLabel(_ span: Evaluation.EvaluationSpan?) -> String {
        guard let span else { return "—" }
        switch span.kind {
        case .monthly:
            let month = IndonesianDate.months.indices.contains(Int(span.number) - 1) ? IndonesianDate.months[Int(span.number) - 1] : "\(span.number)"
            return "BULAN \(month.uppercased()) \(span.year)"
        case .quarterly: return "TRIWULAN \(EvalSpans.roman(span.number)) \(span.year)"
        case .semester: return "SEMESTER \(span.number == 1 ? "I" : "II") \(span.year)"
        case .annual: return "AKHIR \(span.year)"
        default: return "\(span.year)"
        }
    }

    /// `Triwulan II 2026`, `Bulan Maret 2026`, `Semester I 2026`, `Tahun 2026`: the period in a sentence or a chart title.
    static func periodTitle(_ span: Evaluation.EvaluationSpan?) -> String {
        guard let span else { return "—" }
        switch span.kind {
        case .monthly:
            let month = IndonesianDate.months.indices.contains(Int(span.number) - 1) ? IndonesianDate.months[Int(span.number) - 1] : "\(span.number)"
            return "Bulan \(month) \(span.year)"
        case .quarterly: return "Triwulan \(EvalSpans.roman(span.number)) \(span.year)"
        case .semester: return "Semester \(span.number == 1 ? "I" : "II") \(span.year)"
        default: return "Tahun \(span.year)"
        }
    }

    /// `1.200`, `97,9`: a number as the form writes it.
    static func number(_ value: Double) -> String { IndonesianNumber.format(value) }

    /// `114 %`, `97,9 %`: a percentage with at most one decimal.
    static func percent(_ value: Double) -> String { IndonesianNumber.format((value * 10).rounded() / 10) + " %" }

    /// `4,60`: a mean score with two decimals.
    static func score(_ value: Double) -> String {
        String(format: "%.2f", value).replacingOccurrences(of: ".", with: ",")
    }

    /// The title lines and the instansi / period line.
    private static func title(_ printout: EvaluationPrintout) -> [Block] {
        let span = printout.evaluation.span
        let days = span?.days
        let period = "PERIODE PENILAIAN: \(IndonesianDate.day(days?.startDate).uppercased()) SD \(IndonesianDate.day(days?.endDate).uppercased())"
        return [
            .heading(Heading("DOKUMEN EVALUASI KINERJA PEGAWAI", style: TextStyle(size: 13, bold: true, alignment: .center), spaceAfter: 1)),
            .heading(Heading(RichText("PERIODE: \(periodLabel(span))"), style: TextStyle(size: 9.5, bold: true, alignment: .center), spaceAfter: 8)),
            .table(KinerjaDocuments.Table(columns: [TableColumn(.weight(1)), TableColumn(.weight(1.3), alignment: .right)],
                                          rows: [TableRow([TableCell(.bold(printout.instansi)), TableCell(.bold(period))])],
                                          bodyStyle: cellStyle, headerFill: nil, border: .none, cellPadding: 1, spaceAfter: 3)),
        ]
    }

    /// `text`, or "—" for nothing.
    static func nonEmpty(_ text: String) -> String {
        text.isEmpty ? "—" : text
    }
}
