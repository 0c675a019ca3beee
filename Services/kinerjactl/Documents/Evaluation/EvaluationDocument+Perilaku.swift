import KinerjaDocuments
import KinerjaProto

extension EvaluationDocument {
    /// B. Perilaku Kerja: the seven BerAKHLAK values with the ekspektasi khusus, the feedback
    /// behind them (360° means shown only as feedback reported them: aggregated, without raters),
    /// the classification of each value; then the rating with its reason.
    static func perilaku(_ printout: EvaluationPrintout) -> [Block] {
        let evaluation = printout.evaluation
        let style = TextStyle(size: lampiranSize)
        let assessments = Dictionary((evaluation.perilakuProposal?.values ?? []).map { ($0.value, $0) }, uniquingKeysWith: { first, _ in first })
        let notes = Dictionary(evaluation.perilakuNotes.map { ($0.value, $0.note) }, uniquingKeysWith: { first, _ in first })
        let rows = FeedbackText.values.enumerated().map { index, value -> TableRow in
            let assessment = assessments[value.value]
            var observed = RichText("")
            if let mean = assessment?.meanScore?.value {
                observed = RichText("Rata-rata 360°: \(score(mean)) dari \(assessment?.responseCount ?? 0) penilaian")
            }
            if let note = notes[value.value], !note.isEmpty {
                observed = observed + (observed.isEmpty ? RichText("") : RichText("\n")) + .bold("Catatan pejabat penilai: ") + RichText(note)
            }
            let related = printout.feedback.filter { $0.value == value.value && !isAboutAnIki($0, printout) }
            if !related.isEmpty { observed = observed + (observed.isEmpty ? RichText("") : RichText("\n")) + feedback(related) }
            var judgement = RichText(assessment.map { EvaluationText.rating($0.rating) } ?? "—")
            if let expectation = assessment?.expectationJudgement, expectation != .unspecified {
                judgement = judgement + RichText("\nEkspektasi khusus: \(EvaluationText.rating(expectation))")
            }
            return TableRow([TableCell(RichText("\(index + 1)")), TableCell(.bold(value.name)),
                             TableCell(RichText(nonEmpty(assessment?.ekspektasiKhusus ?? ""))),
                             TableCell(observed.isEmpty ? "—" : observed), TableCell(judgement)])
        }
        let table = KinerjaDocuments.Table(
            columns: [TableColumn(.points(18), alignment: .center), TableColumn(.points(72)), TableColumn(.weight(1.2)),
                      TableColumn(.weight(1.5)), TableColumn(.weight(1))],
            header: [TableRow(texts: ["NO", "PERILAKU KERJA", "EKSPEKTASI KHUSUS PIMPINAN", "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
                                      "PENILAIAN"])],
            rows: rows, bodyStyle: style, headerStyle: TextStyle(size: lampiranSize, bold: true, alignment: .center), spaceAfter: 4)
        var blocks: [Block] = [
            .heading(Heading("B. PERILAKU KERJA", style: TextStyle(size: 9.5, bold: true), spaceAfter: 3)),
            .table(table),
            .paragraph(Paragraph(RichText("Rating perilaku kerja: ") + decision(evaluation.perilakuKerja, proposed: evaluation.perilakuProposal?.rating ?? .unspecified),
                                 style: TextStyle(size: 8), spaceAfter: 2)),
        ]
        if let proposal = evaluation.perilakuProposal {
            blocks.append(.paragraph(Paragraph(.italic(perilakuProposalLine(proposal)), style: TextStyle(size: 7.5, color: .grey), spaceAfter: 10)))
        }
        return blocks
    }

    /// The system's Perilaku proposal in words, from the values' classifications.
    static func perilakuProposalLine(_ proposal: Evaluation.PerilakuProposal) -> String {
        guard proposal.rating != .unspecified else {
            return "Usulan sistem: tidak ada (tidak ada ringkasan 360° maupun penilaian atas ekspektasi khusus; perilaku dinilai pejabat penilai)."
        }
        let above = proposal.values.filter { $0.rating == .diAtasEkspektasi }.count
        let below = proposal.values.filter { $0.rating == .diBawahEkspektasi }.count
        return "Usulan sistem: \(EvaluationText.rating(proposal.rating)) — \(above) dari 7 nilai di atas ekspektasi, \(below) di bawah ekspektasi; "
            + "aturan usulan versi \(proposal.ruleVersion)."
    }

    /// True when `item` is shown in the Hasil Kerja table (about one of the evaluated IKIs or RHKs).
    static func isAboutAnIki(_ item: PrintedFeedback, _ printout: EvaluationPrintout) -> Bool {
        guard !item.subjectID.isEmpty else { return false }
        return (printout.evaluation.proposal?.inputs ?? []).contains { $0.ikiID == item.subjectID || $0.rhkID == item.subjectID }
    }

    /// C. Umpan balik berkelanjutan lainnya: feedback about neither an evaluated IKI nor a value.
    static func otherFeedback(_ printout: EvaluationPrintout) -> [Block] {
        let items = printout.feedback.filter { !isAboutAnIki($0, printout) && $0.value == .unspecified }
        guard !items.isEmpty else { return [] }
        let rows = items.map { item in
            TableRow([TableCell(RichText(item.given.map { IndonesianDate.day(IndonesianDate.witaDay($0)) } ?? "—")),
                      TableCell(RichText(Display.name(item.kind))), TableCell(RichText(item.from)),
                      TableCell(RichText(item.message) + (item.response.isEmpty ? RichText("") : .italic("\nTanggapan: \(item.response)")))])
        }
        return [
            .heading(Heading("C. UMPAN BALIK BERKELANJUTAN LAINNYA", style: TextStyle(size: 9.5, bold: true), spaceAfter: 3)),
            .table(KinerjaDocuments.Table(
                columns: [TableColumn(.points(70)), TableColumn(.points(50)), TableColumn(.points(110)), TableColumn(.weight(1))],
                header: [TableRow(texts: ["TANGGAL", "JENIS", "DARI", "UMPAN BALIK"])], rows: rows,
                bodyStyle: TextStyle(size: lampiranSize), headerStyle: TextStyle(size: lampiranSize, bold: true, alignment: .center))),
        ]
    }

    /// D. Riwayat perubahan penilaian: every override of a proposal or an earlier decision.
    static func overrides(_ printout: EvaluationPrintout) -> [Block] {
        guard !printout.overrides.isEmpty else { return [] }
        let rows = printout.overrides.map { item in
            TableRow([TableCell(RichText(item.aspect == .hasilKerja ? "Hasil Kerja" : "Perilaku Kerja")),
                      TableCell(RichText((item.replacedDecision ? "Keputusan sebelumnya: " : "Usulan sistem: ") + EvaluationText.rating(item.fromRating))),
                      TableCell(RichText(EvaluationText.rating(item.toRating))), TableCell(RichText(item.reason)),
                      TableCell(RichText(IndonesianDate.instant(item.decided?.at)))])
        }
        return [
            .heading(Heading("D. RIWAYAT PERUBAHAN PENILAIAN", style: TextStyle(size: 9.5, bold: true), spaceAfter: 3)),
            .table(KinerjaDocuments.Table(
                columns: [TableColumn(.points(62)), TableColumn(.points(110)), TableColumn(.points(72)), TableColumn(.weight(1)), TableColumn(.points(80))],
                header: [TableRow(texts: ["ASPEK", "SEMULA", "MENJADI", "ALASAN", "WAKTU"])], rows: rows,
                bodyStyle: TextStyle(size: lampiranSize), headerStyle: TextStyle(size: lampiranSize, bold: true, alignment: .center))),
        ]
    }
}
