import KinerjaDocuments
import KinerjaProto

extension SkpDocument {
    /// HASIL KERJA: per RHK the atasan's RHK it intervenes, the RHK, and one line per IKI (aspek,
    /// indicator, target); Utama first, then Tambahan. JPT adds Perspektif; JF adds the peran.
    static func hasilKerja(_ skp: Planning.Skp, layout: SkpFormLayout) -> KinerjaDocuments.Table {
        var titles: [(String, TableColumn)] = [
            ("NO", TableColumn(.points(20), alignment: .center)),
            ("RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", TableColumn(.weight(2))),
            ("RENCANA HASIL KERJA", TableColumn(.weight(2))),
        ]
        if layout == .fungsional { titles.append(("PERAN", TableColumn(.weight(1.1)))) }
        titles += [
            ("ASPEK", TableColumn(.points(46))),
            ("INDIKATOR KINERJA INDIVIDU", TableColumn(.weight(2))),
            ("TARGET", TableColumn(.weight(1.25))),
        ]
        if layout == .jpt { titles.append(("PERSPEKTIF", TableColumn(.points(56)))) }
        let count = titles.count
        let numbering = TableRow((1...count).map { TableCell(RichText("(\($0))"), style: TextStyle(size: 6.5, alignment: .center)) })
        var rows: [TableRow] = [sectionRow("HASIL KERJA", columns: count, fill: Color.headerBlue)]
        let sorted = skp.rhks.sorted { $0.position < $1.position }
        for (letter, kind, label, empty) in [("A", Common.RhkKind.utama, "UTAMA", "Belum ada hasil kerja utama."),
                                             ("B", Common.RhkKind.tambahan, "TAMBAHAN", "Tidak ada hasil kerja tambahan.")] {
            rows.append(sectionRow(RichText("\(letter). \(label)"), columns: count))
            let rhks = sorted.filter { $0.kind == kind }
            if rhks.isEmpty {
                rows.append(TableRow([TableCell(.italic(empty), columnSpan: count)]))
            }
            for (index, rhk) in rhks.enumerated() {
                rows += rhkRows(rhk, number: index + 1, skp: skp, layout: layout)
            }
        }
        return KinerjaDocuments.Table(columns: titles.map(\.1), header: [TableRow(titles.map { TableCell(RichText($0.0)) }), numbering],
                     rows: rows, bodyStyle: cellStyle, headerStyle: headerStyle, spaceAfter: 8)
    }

    /// One RHK: its shared cells span the rows of its IKIs.
    private static func rhkRows(_ rhk: Planning.Rhk, number: Int, skp: Planning.Skp, layout: SkpFormLayout) -> [TableRow] {
        let ikis = rhk.ikis.sorted { $0.position < $1.position }
        let span = max(1, ikis.count)
        var first: [TableCell] = [
            TableCell(RichText(String(number)), rowSpan: span),
            TableCell(parentText(rhk), rowSpan: span),
            TableCell(rhkText(rhk), rowSpan: span),
        ]
        if layout == .fungsional { first.append(TableCell(RichText(nonEmpty(rhk.peran)), rowSpan: span)) }
        let ikiCells = ikis.map { iki in
            [TableCell(RichText(SkpFormVocabulary.aspek(iki.aspek))), TableCell(RichText(nonEmpty(iki.indicator))),
             TableCell(RichText(SkpText.target(iki.annualTarget, approach: skp.approach)))]
        }
        first += ikiCells.first ?? [TableCell(.italic("Belum ada IKI"), columnSpan: 3)]
        if layout == .jpt { first.append(TableCell(RichText(SkpFormVocabulary.perspektif(rhk.perspektif)), rowSpan: span)) }
        return [TableRow(first)] + ikiCells.dropFirst().map { TableRow($0) }
    }

    /// The atasan's RHK, and how it is cascaded.
    private static func parentText(_ rhk: Planning.Rhk) -> RichText {
        guard !rhk.parentRhkID.isEmpty else { return "—" }
        var text = RichText(rhk.parentRhkText.isEmpty ? "RHK \(rhk.parentRhkID)" : rhk.parentRhkText)
        switch rhk.cascadeType {
        case .direct: text = text + "\n" + .italic("(cascading langsung)")
        case .nonDirect: text = text + "\n" + .italic("(cascading tidak langsung)")
        default: break
        }
        return text
    }

    /// The RHK, with the penugasan of a Tambahan.
    private static func rhkText(_ rhk: Planning.Rhk) -> RichText {
        var text = RichText(nonEmpty(rhk.text))
        if !rhk.penugasan.isEmpty { text = text + "\n" + .italic("Penugasan: \(rhk.penugasan)") }
        return text
    }
}
