import KinerjaDocuments
import KinerjaProto

extension SkpDocument {
    /// Amendments of the ekspektasi khusus after approval: shown after the signatures and the
    /// stamp, outside the signed body (records of their own, not covered by the stamp's hash).
    static func amendments(_ printout: SkpPrintout) -> [Block] {
        let skp = printout.skp
        guard !skp.amendments.isEmpty else { return [] }
        let labels = rhkLabels(skp)
        let rows = skp.amendments.map { amendment in
            let values = SkpFormVocabulary.berakhlak.compactMap { value -> RichText? in
                let text = expectations(for: value.value, in: amendment.expectations, rhkNumbers: labels)
                return text.plainText == "—" ? nil : .bold(value.name + ": ") + text
            }
            let joined = values.enumerated().reduce(RichText("")) { $1.offset == 0 ? $1.element : $0 + "\n" + $1.element }
            return TableRow([
                TableCell(RichText(IndonesianDate.instant(amendment.amended?.at))),
                TableCell(RichText(amender(amendment.amended?.principal ?? "", printout))),
                TableCell(RichText(nonEmpty(amendment.reason))),
                TableCell(joined.isEmpty ? "—" : joined),
            ])
        }
        return [
            .heading(Heading("PERUBAHAN EKSPEKTASI KHUSUS SETELAH PERSETUJUAN", style: TextStyle(size: 9, bold: true), spaceAfter: 2)),
            .paragraph(Paragraph(.italic("Dicatat oleh pejabat penilai setelah SKP disetujui; tidak mengubah versi yang disetujui dan tidak termasuk dalam hash isi SKP pada cap persetujuan."),
                                 style: TextStyle(size: 7, color: .grey), spaceAfter: 3)),
            .table(KinerjaDocuments.Table(columns: [TableColumn(.weight(1.2)), TableColumn(.weight(1.1)), TableColumn(.weight(1.6)), TableColumn(.weight(3))],
                         header: [TableRow([TableCell("WAKTU"), TableCell("OLEH"), TableCell("ALASAN"), TableCell("EKSPEKTASI KHUSUS YANG BERLAKU")])],
                         rows: rows, bodyStyle: cellStyle, headerStyle: headerStyle, spaceAfter: 8)),
        ]
    }

    /// Who amended: the penilai by name when it was them (it always is, by the contract), else the principal.
    private static func amender(_ principal: String, _ printout: SkpPrintout) -> String {
        guard let penilai = printout.penilai, !principal.isEmpty, penilai.identifier == principal else { return nonEmpty(principal) }
        return penilai.name
    }
}
