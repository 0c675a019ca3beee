import KinerjaDocuments
import KinerjaProto

extension EvaluationDocument {
    /// Size of the lampiran's tables, which have more columns than the form.
    static let lampiranSize = 7.0
    /// Evidence links printed per IKI; the rest are counted.
    static let evidencePerIki = 4

    /// The lampiran: A. Hasil Kerja, B. Perilaku Kerja, C. other continuous feedback, D. changes
    /// of the ratings, and the predikat again.
    static func lampiran(_ printout: EvaluationPrintout) -> [Block] {
        let evaluation = printout.evaluation
        var blocks: [Block] = [
            .heading(Heading("LAMPIRAN DOKUMEN EVALUASI KINERJA PEGAWAI", style: TextStyle(size: 11, bold: true, alignment: .center), spaceAfter: 1)),
            .heading(Heading(RichText("\(printout.pegawai.name) — PERIODE \(periodLabel(evaluation.span))"),
                             style: TextStyle(size: 9, bold: true, alignment: .center), spaceAfter: 8)),
            .heading(Heading("A. HASIL KERJA", style: TextStyle(size: 9.5, bold: true), spaceAfter: 3)),
            .table(hasilKerja(printout)),
            .paragraph(Paragraph(RichText("Rating hasil kerja: ") + decision(evaluation.hasilKerja, proposed: evaluation.proposal?.rating ?? .unspecified),
                                 style: TextStyle(size: 8), spaceAfter: 2)),
        ]
        if let proposal = evaluation.proposal {
            blocks.append(.paragraph(Paragraph(.italic(proposalLine(proposal)), style: TextStyle(size: 7.5, color: .grey), spaceAfter: 10)))
        }
        blocks += perilaku(printout)
        blocks += otherFeedback(printout)
        blocks += overrides(printout)
        blocks.append(.paragraph(Paragraph(RichText("PREDIKAT KINERJA PEGAWAI: ") + .bold(EvaluationText.predikat(evaluation.predikat).uppercased()),
                                           style: TextStyle(size: 9.5, bold: true), spaceAfter: 6)))
        return blocks
    }

    /// NO, RENCANA HASIL KERJA, INDIKATOR KINERJA INDIVIDU, TARGET, REALISASI, BUKTI DUKUNG,
    /// UMPAN BALIK BERKELANJUTAN: one row per IKI of the proposal, the RHK spanning its IKIs,
    /// Utama before Tambahan.
    static func hasilKerja(_ printout: EvaluationPrintout) -> KinerjaDocuments.Table {
        let style = TextStyle(size: lampiranSize)
        let columns = [TableColumn(.points(18), alignment: .center), TableColumn(.weight(1.2)), TableColumn(.weight(1.2)),
                       TableColumn(.points(58)), TableColumn(.points(66)), TableColumn(.weight(1.1)), TableColumn(.weight(1.3))]
        let header = TableRow(texts: ["NO", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET",
                                      "REALISASI BERDASARKAN BUKTI DUKUNG", "BUKTI DUKUNG", "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG"])
        let inputs = printout.evaluation.proposal?.inputs ?? []
        var rows: [TableRow] = []
        if inputs.isEmpty {
            rows.append(TableRow([TableCell("Tidak ada IKI yang dinilai (tidak ada SKP atau usulan untuk periode ini).", columnSpan: 7)]))
        }
        let progress = Dictionary((printout.progress?.ikis ?? []).map { ($0.ikiID, $0) }, uniquingKeysWith: { first, _ in first })
        let rhkTexts = Dictionary((printout.progress?.ikis ?? []).map { ($0.rhkID, $0.rhkText) }, uniquingKeysWith: { first, _ in first })
        var number = 0
        for (kind, title) in [(Common.RhkKind.utama, "A. UTAMA"), (.tambahan, "B. TAMBAHAN")] {
            let groups = rhkGroups(inputs.filter { $0.rhkKind == kind })
            guard !groups.isEmpty else { continue }
            rows.append(TableRow([TableCell(.bold(title), columnSpan: 7, style: style.bolded)], fill: .lightGrey, keepWithNext: true))
            for group in groups {
                number += 1
                for (index, iki) in group.ikis.enumerated() {
                    var cells: [TableCell] = []
                    if index == 0 {
                        cells.append(TableCell(RichText("\(number)"), rowSpan: group.ikis.count))
                        cells.append(TableCell(RichText(nonEmpty(rhkTexts[group.rhkID] ?? "")), rowSpan: group.ikis.count))
                    }
                    cells.append(TableCell(indicator(iki, progress[iki.ikiID])))
                    cells.append(TableCell(RichText(target(iki))))
                    cells.append(TableCell(realisation(iki)))
                    cells.append(TableCell(evidence(iki, progress[iki.ikiID], printout.evidence[iki.ikiID] ?? [])))
                    cells.append(TableCell(feedback(printout.feedback.filter { $0.subjectID == iki.ikiID || (index == 0 && $0.subjectID == group.rhkID) })))
                    rows.append(TableRow(cells))
                }
            }
        }
        return KinerjaDocuments.Table(columns: columns, header: [header], rows: rows, bodyStyle: style,
                                      headerStyle: TextStyle(size: lampiranSize, bold: true, alignment: .center), spaceAfter: 4)
    }

    /// The system's Hasil Kerja proposal in words: the rating and the weighted shares it rests on
    /// (the service's own explanation is in English, so the document says it from the figures).
    static func proposalLine(_ proposal: Evaluation.HasilKerjaProposal) -> String {
        guard proposal.rating != .unspecified else { return "Usulan sistem: tidak ada (tidak ada IKI yang dapat diklasifikasikan)." }
        if proposal.fromOrganisationRating {
            return "Usulan sistem: \(EvaluationText.rating(proposal.rating)), mengikuti capaian kinerja organisasi (pegawai memimpin unit)."
        }
        return "Usulan sistem: \(EvaluationText.rating(proposal.rating)) — IKI utama di atas ekspektasi \(percent(proposal.utamaAbovePercent)), "
            + "di bawah ekspektasi \(percent(proposal.utamaBelowPercent)); seluruh IKI (berbobot) di atas \(percent(proposal.allAbovePercent)), "
            + "di bawah \(percent(proposal.allBelowPercent)); aturan usulan versi \(proposal.ruleVersion)."
    }

    /// The assessments grouped by RHK, in the order the RHKs first appear.
    static func rhkGroups(_ inputs: [Evaluation.IkiAssessment]) -> [(rhkID: String, ikis: [Evaluation.IkiAssessment])] {
        var groups: [(rhkID: String, ikis: [Evaluation.IkiAssessment])] = []
        for input in inputs {
            if let index = groups.firstIndex(where: { $0.rhkID == input.rhkID }) {
                groups[index].ikis.append(input)
            } else {
                groups.append((input.rhkID, [input]))
            }
        }
        return groups
    }

    /// The indicator with its aspek.
    static func indicator(_ iki: Evaluation.IkiAssessment, _ progress: Reporting.IkiProgress?) -> RichText {
        var text = RichText(nonEmpty(iki.indicator))
        if let aspek = progress?.aspek, aspek != .unspecified { text = text + .italic("\nAspek: \(Display.name(aspek))") }
        return text
    }

    /// `1 200 dokumen`, `80–100 persen`, or "—" for a descriptive target.
    static func target(_ iki: Evaluation.IkiAssessment) -> String {
        guard let lower = iki.targetValue?.value else { return "— (kualitatif)" }
        let unit = iki.unit.isEmpty ? "" : " \(iki.unit)"
        if let upper = iki.targetUpperValue?.value { return "\(number(lower))–\(number(upper))\(unit)" }
        return number(lower) + unit
    }

    /// The verified realisation, the capaian and the IKI's classification with its reason.
    static func realisation(_ iki: Evaluation.IkiAssessment) -> RichText {
        var text = RichText(iki.realisationValue.map { number(($0.value * 100).rounded() / 100) + (iki.unit.isEmpty ? "" : " \(iki.unit)") } ?? "—")
        if let capaian = iki.capaianPercent?.value { text = text + RichText("\nCapaian \(percent(capaian))") }
        if iki.rating != .unspecified { text = text + .bold("\n\(EvaluationText.rating(iki.rating))") }
        switch iki.basis {
        case .ratedDescription: text = text + .italic("\n(dinilai pejabat penilai atas target deskriptif)")
        case .noEvidence: text = text + .italic("\n(tidak ada bukti dukung terverifikasi)")
        default: break
        }
        return text
    }

    /// The verified reports behind the realisation and their evidence links.
    static func evidence(_ iki: Evaluation.IkiAssessment, _ progress: Reporting.IkiProgress?, _ links: [Common.EvidenceLink]) -> RichText {
        var text = RichText("")
        if let progress {
            text = RichText("\(progress.verifiedCount) laporan terverifikasi")
            if progress.pendingCount > 0 { text = text + RichText(", \(progress.pendingCount) menunggu verifikasi") }
            if progress.rejectedCount > 0 { text = text + RichText(", \(progress.rejectedCount) ditolak/dicabut") }
        } else {
            text = RichText(iki.evidencePresent ? "Ada laporan terverifikasi dengan bukti dukung" : "Tidak ada bukti dukung terverifikasi")
        }
        for link in links.prefix(evidencePerIki) {
            text = text + RichText("\n• ") + evidenceLine(link)
        }
        if links.count > evidencePerIki { text = text + .italic("\n… dan \(links.count - evidencePerIki) bukti dukung lainnya") }
        return text
    }

    /// One evidence link: its title and a short form of its SHA-256 (never all 64 digits: the
    /// only full hash on the page is the stamp's, which `verify-document` checks), else its URI.
    static func evidenceLine(_ link: Common.EvidenceLink) -> RichText {
        let title = RichText(link.title.isEmpty ? "Bukti dukung" : link.title)
        if link.sha256.count == 32 { return title + RichText(" (SHA-256 ") + .monospace(String(Display.hex(link.sha256).prefix(12)) + "…") + RichText(")") }
        if link.uri.hasPrefix("urn:") { return title }
        return title + RichText(": ") + .monospace(link.uri)
    }

    /// Feedback items in a cell: date, kind, who, text, the pegawai's response.
    static func feedback(_ items: [PrintedFeedback]) -> RichText {
        guard !items.isEmpty else { return "—" }
        var text = RichText("")
        for (index, item) in items.enumerated() {
            let day = item.given.map { IndonesianDate.day(IndonesianDate.witaDay($0)) } ?? "—"
            text = text + (index == 0 ? RichText("") : RichText("\n")) + .bold("\(day), \(Display.name(item.kind)) (\(item.from)): ") + RichText(item.message)
            if !item.response.isEmpty { text = text + .italic(" — tanggapan: \(item.response)") }
        }
        return text
    }
}
