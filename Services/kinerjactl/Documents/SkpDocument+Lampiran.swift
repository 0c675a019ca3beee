import KinerjaDocuments
import KinerjaProto

extension SkpDocument {
    /// LAMPIRAN SASARAN KINERJA PEGAWAI: who and which SKP it belongs to, then Dukungan Sumber
    /// Daya, Skema Pertanggungjawaban and Konsekuensi as numbered items.
    static func lampiran(_ printout: SkpPrintout) -> [Block] {
        let skp = printout.skp
        let lampiran = skp.lampiran ?? Planning.SkpLampiran()
        let period = "PERIODE PENILAIAN: \(IndonesianDate.day(skp.periodStart).uppercased()) SD \(IndonesianDate.day(skp.periodEnd).uppercased())"
        var rows: [TableRow] = []
        for (title, items) in [("DUKUNGAN SUMBER DAYA", lampiran.dukunganSumberDaya),
                               ("SKEMA PERTANGGUNGJAWABAN", lampiran.skemaPertanggungjawaban),
                               ("KONSEKUENSI", lampiran.konsekuensi)] {
            rows.append(sectionRow(RichText(title), columns: 2))
            if items.isEmpty {
                rows.append(TableRow([TableCell("—"), TableCell(.italic("Belum diisi."))]))
            }
            for (index, item) in items.enumerated() {
                rows.append(TableRow([TableCell(RichText("\(index + 1)")), TableCell(RichText(item))]))
            }
        }
        let penilai = printout.penilai.map { person in
            [person.name, person.nipLine ?? "NON ASN", printout.penilaiJabatan.title].filter { !$0.isEmpty }.joined(separator: ", ")
        } ?? "—"
        let pegawai = [printout.pegawai.name, printout.pegawai.nipLine ?? "", printout.pegawai.jabatan].filter { !$0.isEmpty }
            .joined(separator: ", ")
        return [
            .heading(Heading("LAMPIRAN SASARAN KINERJA PEGAWAI", style: TextStyle(size: 12, bold: true, alignment: .center), spaceAfter: 1)),
            .heading(Heading(RichText(period), style: TextStyle(size: 9, bold: true, alignment: .center), spaceAfter: 8)),
            .keyValues(KeyValueList([
                (key: "Pegawai yang dinilai", value: RichText(pegawai)),
                (key: "Pejabat penilai kinerja", value: RichText(penilai)),
                (key: "SKP", value: .monospace(skp.skpID) + RichText(", versi \(skp.version), tahun \(skp.year)")),
            ], keyWidth: 118, style: TextStyle(size: 8.5), spaceAfter: 8)),
            .table(KinerjaDocuments.Table(columns: [TableColumn(.points(22), alignment: .center), TableColumn(.weight(1))],
                         header: [TableRow([TableCell("NO"), TableCell("URAIAN")])],
                         rows: rows, bodyStyle: cellStyle, headerStyle: headerStyle, spaceAfter: 12)),
        ]
    }
}
