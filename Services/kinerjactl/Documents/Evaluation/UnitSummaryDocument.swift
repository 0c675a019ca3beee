import KinerjaDocuments
import KinerjaProto

/// What a unit's evaluation summary shows: the period, its curve and the overrides recorded in it.
struct UnitSummary: Sendable {
    /// The evaluation period of the unit.
    var period: Evaluation.EvaluationPeriod
    /// Its curve now (quotas, distribution, breaches).
    var curve: Evaluation.CurveStatus
    /// `KPG.DUKCAPIL — Dinas Kependudukan dan Pencatatan Sipil`.
    var unit: String
    /// Overrides of proposals and earlier decisions in the period, oldest first.
    var overrides: [Evaluation.RatingOverride]
    /// The instansi line.
    var instansi: String = "PEMERINTAH KOTA KUPANG"
}

/// A unit's evaluation summary as a PDF: the period and its state, the organisation rating, the
/// quotas against the distribution as a table and as the curve chart, the totals per predikat,
/// the finalisations and every override with its reason. Pure.
enum UnitSummaryDocument {
    static let cellStyle = TextStyle(size: 8)
    static let headerStyle = TextStyle(size: 8, bold: true, alignment: .center)
    static let sectionStyle = TextStyle(size: 9.5, bold: true)

    static func build(_ summary: UnitSummary) -> Document {
        let span = summary.period.span ?? summary.curve.span
        var blocks: [Block] = [
            .heading(Heading("RINGKASAN EVALUASI KINERJA UNIT", style: TextStyle(size: 13, bold: true, alignment: .center), spaceAfter: 1)),
            .heading(Heading(RichText("PERIODE: \(EvaluationDocument.periodLabel(span))"), style: TextStyle(size: 9.5, bold: true, alignment: .center), spaceAfter: 8)),
            .keyValues(overview(summary)),
            .heading(Heading("A. KUOTA DAN DISTRIBUSI (SE MenPANRB 3/2023)", style: sectionStyle, spaceAfter: 3)),
            .table(quotas(summary.curve)),
        ]
        let rules = Array(Set(summary.curve.quotas.map(\.ruleTextID).filter { !$0.isEmpty })).sorted()
        if !rules.isEmpty {
            blocks.append(.paragraph(Paragraph(.italic("Aturan: " + rules.joined(separator: "; ")), style: TextStyle(size: 7.5, color: .grey), spaceAfter: 6)))
        }
        if !summary.curve.note.isEmpty {
            blocks.append(.paragraph(Paragraph(.italic("Catatan layanan: \(summary.curve.note)"), style: TextStyle(size: 7.5, color: .grey), spaceAfter: 6)))
        }
        blocks.append(.chart(CurveChart.chart(summary.curve, unit: summary.unit), height: 230))
        blocks.append(.spacer(6))
        blocks.append(.heading(Heading("B. JUMLAH PER PREDIKAT", style: sectionStyle, spaceAfter: 3)))
        blocks.append(.table(totals(summary.curve)))
        blocks += finalisations(summary.period)
        blocks += overrides(summary)
        return Document(
            page: .a4Portrait,
            footer: PageFooter(text: "Ringkasan evaluasi \(summary.unit) · \(EvaluationDocument.periodLabel(span)) · \(summary.period.periodID)"),
            metadata: DocumentMetadata(title: "Ringkasan Evaluasi Kinerja \(summary.unit) \(EvaluationDocument.periodLabel(span))",
                                       author: summary.instansi, subject: "Periode evaluasi \(summary.period.periodID)",
                                       keywords: "kinerja-eval-summary/1; period_id=\(summary.period.periodID)",
                                       creator: "kinerjactl \(KinerjaVersion.current)"),
            blocks: blocks)
    }

    /// Unit, period, state, organisation rating, population.
    static func overview(_ summary: UnitSummary) -> KeyValueList {
        let period = summary.period
        let days = (period.span ?? summary.curve.span)?.days
        var entries: [(key: RichText, value: RichText)] = [
            (key: "Instansi", value: RichText(summary.instansi)),
            (key: "Unit kerja", value: .bold(summary.unit)),
            (key: "Periode penilaian", value: RichText("\(IndonesianDate.day(days?.startDate)) sd \(IndonesianDate.day(days?.endDate))")),
            (key: "Status periode", value: RichText(state(period))),
        ]
        var rating = RichText(summary.curve.organisationRating == .unspecified ? "belum ditetapkan" : Display.name(summary.curve.organisationRating))
        if let record = period.organisationRating {
            if !record.reason.isEmpty { rating = rating + .italic(" — \(record.reason)") }
            if !record.reference.isEmpty { rating = rating + RichText(" (\(record.reference))") }
        }
        entries.append((key: "Predikat kinerja organisasi", value: rating))
        entries.append((key: "Pegawai dievaluasi", value: RichText("\(summary.curve.population) pegawai (penyebut kurva), \(summary.curve.ratedCount) telah dinilai"
            + (summary.curve.excludedCount > 0 ? ", \(summary.curve.excludedCount) dikecualikan" : ""))))
        entries.append((key: "Kurva", value: RichText(summary.curve.compliant ? "terpenuhi" : summary.curve.breaches.isEmpty ? "belum lengkap" : "\(summary.curve.breaches.count) pelanggaran")))
        return KeyValueList(entries, keyWidth: 130, style: TextStyle(size: 8.5), spaceAfter: 8)
    }

    /// `Difinalisasi (finalisasi ke-2) pada …`, `Penilaian`, `Persiapan`.
    static func state(_ period: Evaluation.EvaluationPeriod) -> String {
        switch period.state {
        case .finalised:
            let number = period.finalisations.last(where: { !$0.superseded })?.number ?? 0
            return "Difinalisasi" + (number > 0 ? " (finalisasi ke-\(number))" : "") + " pada \(IndonesianDate.instant(period.finalised?.at))"
        case .penilaian: return "Penilaian" + (period.reopenCount > 0 ? " (dibuka kembali \(period.reopenCount)×)" : "")
        case .persiapan: return "Persiapan"
        default: return "—"
        }
    }

    /// PREDIKAT, MIN, MAKS, SAAT INI, KETERANGAN per predikat and per pair.
    static func quotas(_ curve: Evaluation.CurveStatus) -> KinerjaDocuments.Table {
        let population = Int(curve.population)
        let rows = CurveText.rows(curve).map { row in
            TableRow([TableCell(.bold(row.label)),
                      TableCell(RichText(row.min > 0 ? "\(row.min)" + (row.minPercent.map { " (≥ \(CurveText.percent($0)))" } ?? "") : "—")),
                      TableCell(RichText(row.max < population ? "\(row.max)" + (row.maxPercent.map { " (≤ \(CurveText.percent($0)))" } ?? "") : "—")),
                      TableCell(RichText("\(row.count)")),
                      TableCell(status(row.status), fill: row.status.isBreach ? Color(hex: 0xF4CCCC) : nil)])
        }
        return KinerjaDocuments.Table(
            columns: [TableColumn(.weight(1.4)), TableColumn(.points(70), alignment: .right), TableColumn(.points(70), alignment: .right),
                      TableColumn(.points(50), alignment: .right), TableColumn(.weight(1.3))],
            header: [TableRow(texts: ["PREDIKAT", "MIN", "MAKS", "SAAT INI", "KETERANGAN"])],
            rows: rows.isEmpty ? [TableRow([TableCell("Kuota belum ada: predikat kinerja organisasi belum ditetapkan.", columnSpan: 5)])] : rows,
            bodyStyle: cellStyle, headerStyle: headerStyle, keepTogether: true, spaceAfter: 4)
    }

    /// A row's standing in Indonesian.
    static func status(_ status: CurveText.Status) -> RichText {
        switch status {
        case .ok: "sesuai kuota"
        case .full: "penuh (pada batas maksimum)"
        case .needed(let k): RichText("masih diperlukan \(k) pegawai")
        case .unreachable(let k): .bold("tidak dapat dipenuhi: kurang \(k) pegawai")
        case .over(let k): .bold("PELANGGARAN: \(k) di atas maksimum")
        case .short(let k): .bold("PELANGGARAN: kurang \(k) dari minimum")
        }
    }

    /// PREDIKAT, JUMLAH, PERSEN, with the unrated.
    static func totals(_ curve: Evaluation.CurveStatus) -> KinerjaDocuments.Table {
        let counts = CurveText.counts(curve)
        let population = max(1, Int(curve.population))
        var rows = CurveText.predikats.map { predikat in
            TableRow(texts: [RichText(EvaluationText.predikat(predikat)), RichText("\(counts[predikat] ?? 0)"),
                             RichText(CurveText.percent(Double(counts[predikat] ?? 0) / Double(population) * 100))])
        }
        let unrated = CurveText.unrated(curve)
        rows.append(TableRow(texts: ["Belum dinilai", RichText("\(unrated)"), RichText(CurveText.percent(Double(unrated) / Double(population) * 100))]))
        rows.append(TableRow([TableCell(.bold("Jumlah")), TableCell(.bold("\(curve.population)")), TableCell("")], fill: .lightGrey))
        return KinerjaDocuments.Table(
            columns: [TableColumn(.weight(1)), TableColumn(.points(70), alignment: .right), TableColumn(.points(70), alignment: .right)],
            header: [TableRow(texts: ["PREDIKAT", "JUMLAH", "PERSEN"])], rows: rows, bodyStyle: cellStyle, headerStyle: headerStyle, keepTogether: true)
    }

    /// C. Finalisations: each with who and when, breaches accepted, reopening.
    static func finalisations(_ period: Evaluation.EvaluationPeriod) -> [Block] {
        guard !period.finalisations.isEmpty else { return [] }
        let rows = period.finalisations.map { record -> TableRow in
            var accepted = RichText("kurva terpenuhi")
            if let override = record.curveOverride, !override.breaches.isEmpty {
                accepted = RichText("\(override.breaches.count) pelanggaran diterima: ") + .italic(override.reason)
                for breach in override.breaches where !breach.explanationID.isEmpty { accepted = accepted + RichText("\n• \(breach.explanationID)") }
            }
            let state = record.superseded
                ? RichText("dibuka kembali \(IndonesianDate.instant(record.reopened?.at))") + (record.reopenReason.isEmpty ? RichText("") : .italic(": \(record.reopenReason)"))
                : .bold("berlaku")
            return TableRow([TableCell(RichText("ke-\(record.number)")), TableCell(RichText(IndonesianDate.instant(record.finalised?.at))),
                             TableCell(RichText("\(record.snapshotCount)")), TableCell(accepted), TableCell(state)])
        }
        return [
            .heading(Heading("C. FINALISASI", style: sectionStyle, spaceAfter: 3)),
            .table(KinerjaDocuments.Table(
                columns: [TableColumn(.points(34)), TableColumn(.points(95)), TableColumn(.points(58), alignment: .right), TableColumn(.weight(1.4)), TableColumn(.weight(1))],
                header: [TableRow(texts: ["NO", "WAKTU", "SNAPSHOT", "KURVA", "STATUS"])], rows: rows, bodyStyle: cellStyle, headerStyle: headerStyle)),
        ]
    }

    /// D. Overrides: who was rated, which rating, from what to what, why, when.
    static func overrides(_ summary: UnitSummary) -> [Block] {
        let heading = Block.heading(Heading("D. PERUBAHAN ATAS USULAN SISTEM", style: sectionStyle, spaceAfter: 3))
        guard !summary.overrides.isEmpty else {
            return [heading, .paragraph(Paragraph("Tidak ada perubahan atas usulan sistem yang tercatat.", style: TextStyle(size: 8)))]
        }
        let rows = summary.overrides.map { item in
            TableRow([TableCell(RichText(item.employee.map { $0.displayName.isEmpty ? $0.nip : $0.displayName } ?? "—")),
                      TableCell(RichText(item.aspect == .hasilKerja ? "Hasil Kerja" : "Perilaku Kerja")),
                      TableCell(RichText(EvaluationText.rating(item.fromRating) + (item.replacedDecision ? " (keputusan)" : " (usulan)"))),
                      TableCell(RichText(EvaluationText.rating(item.toRating))), TableCell(RichText(item.reason)),
                      TableCell(RichText(IndonesianDate.instant(item.decided?.at)))])
        }
        return [heading, .table(KinerjaDocuments.Table(
            columns: [TableColumn(.weight(1)), TableColumn(.points(52)), TableColumn(.points(72)), TableColumn(.points(62)), TableColumn(.weight(1.4)),
                      TableColumn(.points(70))],
            header: [TableRow(texts: ["PEGAWAI", "ASPEK", "SEMULA", "MENJADI", "ALASAN", "WAKTU"])], rows: rows,
            bodyStyle: TextStyle(size: 7.5), headerStyle: TextStyle(size: 7.5, bold: true, alignment: .center)))]
    }
}
