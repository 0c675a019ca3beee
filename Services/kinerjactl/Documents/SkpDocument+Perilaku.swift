import KinerjaDocuments
import KinerjaProto

extension SkpDocument {
    /// PERILAKU KERJA: the seven BerAKHLAK values with their indicators and the ekspektasi khusus
    /// pimpinan (for the whole SKP, or for one RHK).
    static func perilaku(_ skp: Planning.Skp) -> KinerjaDocuments.Table {
        let rhkNumbers = rhkLabels(skp)
        let rows = SkpFormVocabulary.berakhlak.enumerated().map { index, value in
            let indicators = value.indicators.enumerated().map { "\($0 + 1). \($1)" }.joined(separator: "\n")
            return TableRow([
                TableCell(RichText(String(index + 1))),
                TableCell(.bold(value.name)),
                TableCell(RichText(indicators)),
                TableCell(expectations(for: value.value, in: skp.behaviourExpectations, rhkNumbers: rhkNumbers)),
            ])
        }
        return KinerjaDocuments.Table(
            columns: [TableColumn(.points(20), alignment: .center), TableColumn(.weight(1.1)), TableColumn(.weight(2.8)),
                      TableColumn(.weight(2.2))],
            header: [TableRow([TableCell("NO"), TableCell("PERILAKU KERJA"), TableCell("UKURAN KEBERHASILAN / INDIKATOR"),
                               TableCell("EKSPEKTASI KHUSUS PIMPINAN")])],
            rows: [sectionRow("PERILAKU KERJA", columns: 4, fill: Color.headerBlue)] + rows,
            bodyStyle: cellStyle, headerStyle: headerStyle, spaceAfter: 3)
    }

    /// The expectations for `value`: those for the whole SKP first, then per RHK in RHK order.
    static func expectations(for value: Common.BerakhlakValue, in all: [Planning.BehaviourExpectation],
                             rhkNumbers: [String: String]) -> RichText {
        let matching = all.filter { $0.value == value }
        guard !matching.isEmpty else { return "—" }
        let general = matching.filter { $0.rhkID.isEmpty }.map { RichText($0.ekspektasiKhusus) }
        let perRhk = matching.filter { !$0.rhkID.isEmpty }
            .sorted { (rhkNumbers[$0.rhkID] ?? "~") < (rhkNumbers[$1.rhkID] ?? "~") }
            .map { RichText.italic("Untuk RHK \(rhkNumbers[$0.rhkID] ?? "lain"): ") + RichText($0.ekspektasiKhusus) }
        return (general + perRhk).enumerated().reduce(RichText("")) { text, entry in
            entry.offset == 0 ? entry.element : text + "\n" + entry.element
        }
    }

    /// `A1`, `A2`, `B1` … for each RHK id, as numbered in the Hasil Kerja table.
    static func rhkLabels(_ skp: Planning.Skp) -> [String: String] {
        var labels: [String: String] = [:]
        let sorted = skp.rhks.sorted { $0.position < $1.position }
        for (letter, kind) in [("A", Common.RhkKind.utama), ("B", Common.RhkKind.tambahan)] {
            for (index, rhk) in sorted.filter({ $0.kind == kind }).enumerated() {
                labels[rhk.rhkID] = "\(letter)\(index + 1)"
            }
        }
        return labels
    }
}
