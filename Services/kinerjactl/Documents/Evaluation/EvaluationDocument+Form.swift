import KinerjaDocuments
import KinerjaProto

extension EvaluationDocument {
    /// The form's numbered sections: 1 the pegawai yang dinilai, 2 the pejabat penilai kinerja,
    /// 3 the atasan pejabat penilai kinerja, 4 the evaluation (organisation rating, both ratings
    /// with their reasons, the predikat), 5 the notes.
    static func form(_ printout: EvaluationPrintout) -> KinerjaDocuments.Table {
        var rows: [TableRow] = []
        rows += person(number: 1, title: "PEGAWAI YANG DINILAI", printout.pegawai, missing: "—")
        rows += person(number: 2, title: "PEJABAT PENILAI KINERJA", printout.penilai, missing: "— (tidak tercatat)")
        rows += person(number: 3, title: "ATASAN PEJABAT PENILAI KINERJA", printout.atasanPenilai, missing: "— (tidak diketahui)")
        rows += section(number: 4, title: "EVALUASI KINERJA", evaluationLines(printout))
        rows += section(number: 5, title: "CATATAN/REKOMENDASI", [(nil, notes(printout))])
        return KinerjaDocuments.Table(
            columns: [TableColumn(.points(22), alignment: .center), TableColumn(.points(150)), TableColumn(.weight(1))],
            rows: rows, bodyStyle: cellStyle, headerStyle: headerStyle, spaceAfter: 10)
    }

    /// A numbered section: its number spanning its rows, its title, then label–value rows (a row
    /// without a label spans both columns).
    static func section(number: Int, title: String, _ lines: [(label: String?, value: RichText)]) -> [TableRow] {
        var rows = [TableRow([TableCell(RichText("\(number)"), rowSpan: lines.count + 1, style: cellStyle.bolded.centered),
                              TableCell(.bold(title), columnSpan: 2)], fill: .headerBlue, keepWithNext: true)]
        for (index, line) in lines.enumerated() {
            let last = index == lines.count - 1
            if let label = line.label {
                rows.append(TableRow([TableCell(RichText(label)), TableCell(line.value)], keepWithNext: !last))
            } else {
                rows.append(TableRow([TableCell(line.value, columnSpan: 2)], keepWithNext: !last))
            }
        }
        return rows
    }

    /// NAMA, NIP, PANGKAT/GOL RUANG, JABATAN, UNIT KERJA of one person.
    static func person(number: Int, title: String, _ person: PrintedPerson?, missing: String) -> [TableRow] {
        guard let person else { return section(number: number, title: title, [(nil, RichText(missing))]) }
        return section(number: number, title: title, [
            ("NAMA", RichText(person.name)),
            ("NIP", RichText(person.nipCell)),
            ("PANGKAT/GOL RUANG", RichText(person.pangkatCell)),
            ("JABATAN", RichText(nonEmpty(person.jabatan))),
            ("UNIT KERJA", RichText(nonEmpty(person.unit))),
        ])
    }

    /// Organisation rating, Hasil Kerja and Perilaku Kerja with their reasons, the predikat.
    static func evaluationLines(_ printout: EvaluationPrintout) -> [(label: String?, value: RichText)] {
        let evaluation = printout.evaluation
        let organisation = printout.period?.organisationRating
        var organisationText = RichText(organisation.map { Display.name($0.rating) } ?? "—")
        if let reason = organisation?.reason, !reason.isEmpty { organisationText = organisationText + .italic("\n\(reason)") }
        var predikat = RichText.bold(EvaluationText.predikat(evaluation.predikat).uppercased())
        if evaluation.kuadran > 0 { predikat = predikat + RichText(" (kuadran \(evaluation.kuadran))") }
        return [
            ("CAPAIAN KINERJA ORGANISASI", organisationText),
            ("RATING HASIL KERJA", decision(evaluation.hasilKerja, proposed: evaluation.proposal?.rating ?? .unspecified)),
            ("RATING PERILAKU KERJA", decision(evaluation.perilakuKerja, proposed: evaluation.perilakuProposal?.rating ?? .unspecified)),
            ("PREDIKAT KINERJA PEGAWAI", predikat),
        ]
    }

    /// A rating in bold, what the system proposed, and the reason given.
    static func decision(_ decision: Evaluation.RatingDecision?, proposed: Common.Rating) -> RichText {
        guard let decision else { return "—" }
        var text = RichText.bold(EvaluationText.rating(decision.rating))
        if decision.overridesProposal {
            text = text + RichText(" (berbeda dari usulan sistem: \(proposed == .unspecified ? "tidak ada usulan" : EvaluationText.rating(proposed)))")
        }
        if !decision.reason.isEmpty { text = text + RichText("\nAlasan: ") + .italic(decision.reason) }
        return text
    }

    /// The notes: a unit leader's Hasil Kerja from the organisation rating, how many overrides
    /// were recorded, the pegawai's acknowledgement.
    static func notes(_ printout: EvaluationPrintout) -> RichText {
        let evaluation = printout.evaluation
        var lines: [String] = []
        if evaluation.unitLeader {
            lines.append("Pegawai memimpin unit yang dinilai: rating hasil kerja mengikuti capaian kinerja organisasi.")
        }
        if !printout.overrides.isEmpty {
            lines.append("\(printout.overrides.count) perubahan atas usulan sistem atau keputusan sebelumnya tercatat dengan alasannya (lampiran D).")
        }
        if let acknowledgement = evaluation.acknowledgement {
            var line = "Pegawai telah menyatakan menerima hasil evaluasi"
            if let at = acknowledgement.acknowledged?.at { line += " pada \(IndonesianDate.instant(at))" }
            lines.append(line + ".")
            if !acknowledgement.note.isEmpty { lines.append("Tanggapan pegawai: \(acknowledgement.note)") }
        } else {
            lines.append("Pegawai belum menyatakan menerima hasil evaluasi.")
        }
        lines.append("Dasar penilaian (capaian per IKI, bukti dukung, umpan balik berkelanjutan dan perilaku kerja) terlampir.")
        return RichText(lines.joined(separator: "\n"))
    }
}
