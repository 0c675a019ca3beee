import KinerjaDocuments
import KinerjaProto

extension SkpDocument {
    /// HASIL KERJA: per RHK (Utama first, then Tambahan) the RHK and one line per IKI (aspek,
    /// indicator, target). JA and JF add the atasan's RHK it intervenes in front, JF the peran
    /// in it; JPT, whose results come from the organisation's plan, adds the Perspektif instead.
    static func hasilKerja(_ skp: Planning.Skp, layout: SkpFormLayout) -> KinerjaDocuments.Table {
        var titles: [(String, TableColumn)] = [("NO", TableColumn(.points(22), alignment: .center))]
        if layout != .jpt { titles.append(("RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", TableColumn(.weight(2)))) }
        titles.append(("RENCANA HASIL KERJA", TableColumn(.weight(layout == .jpt ? 2.6 : 2))))
        if layout == .fungsional { titles.append(("PERAN DALAM HASIL KERJA", TableColumn(.weight(1.2)))) }
        titles += [
            ("ASPEK", TableColumn(.points(48))),
            ("INDIKATOR KINERJA INDIVIDU", TableColumn(.weight(2))),
            ("TARGET", TableColumn(.points(74))),
        ]
        if layout == .jpt { titles.append(("PERSPEKTIF", TableColumn(.points(62)))) }
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
        var first: [TableCell] = [TableCell(RichText(String(number)), rowSpan: span)]
        if layout != .jpt { first.append(TableCell(parentText(rhk), rowSpan: span)) }
        first.append(TableCell(rhkText(rhk, layout: layout), rowSpan: span))
        if layout == .fungsional { first.append(TableCell(RichText(nonEmpty(rhk.peran)), rowSpan: span)) }
        let ikiCells = ikis.map { iki in
            [TableCell(RichText(SkpFormVocabulary.aspek(iki.aspek))), TableCell(RichText(nonEmpty(iki.indicator))),
             TableCell(RichText(SkpText.target(iki.annualTarget, approach: skp.approach, number: IndonesianNumber.format)))]
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

    /// The RHK, with the penugasan of a Tambahan; on the JPT form, which has no column for it,
    /// the result it supports when it is linked to one.
    private static func rhkText(_ rhk: Planning.Rhk, layout: SkpFormLayout) -> RichText {
        var text = RichText(nonEmpty(rhk.text))
        if layout == .jpt, !rhk.parentRhkID.isEmpty, !rhk.parentRhkText.isEmpty {
            text = text + "\n" + .italic("Mendukung: \(rhk.parentRhkText)")
        }
        if !rhk.penugasan.isEmpty { text = text + "\n" + .italic("Penugasan: \(rhk.penugasan)") }
        return text
    }
}
