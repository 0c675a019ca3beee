import KinerjaDocuments

extension SkpDocument {
    /// PEGAWAI YANG DINILAI beside PEJABAT PENILAI KINERJA: nama, NIP (NON ASN for an official
    /// outside the civil service), pangkat/gol. ruang, jabatan (`Plt. …` for an acting
    /// official, with their definitive jabatan and the decree), unit kerja.
    static func identity(_ printout: SkpPrintout) -> KinerjaDocuments.Table {
        let pegawai = printout.pegawai
        let penilai = printout.penilai
        let jabatan = printout.penilaiJabatan
        var penilaiJabatan = RichText(nonEmpty(jabatan.title))
        if !jabatan.note.isEmpty { penilaiJabatan = penilaiJabatan + "\n" + .italic(jabatan.note) }
        let lines: [(String, RichText, RichText)] = [
            ("NAMA", RichText(pegawai.name), RichText(penilai?.name ?? "— (belum ada pejabat penilai)")),
            ("NIP", RichText(pegawai.nipCell), RichText(penilai?.nipCell ?? "—")),
            ("PANGKAT/GOL. RUANG", RichText(pegawai.pangkatCell), RichText(penilai?.pangkatCell ?? "—")),
            ("JABATAN", RichText(nonEmpty(pegawai.jabatan)), penilai == nil ? "—" : penilaiJabatan),
            ("UNIT KERJA", RichText(nonEmpty(pegawai.unit)), RichText(nonEmpty(penilai?.unit ?? ""))),
        ]
        let rows = lines.enumerated().map { index, line in
            TableRow([TableCell(RichText(String(index + 1))), TableCell(RichText(line.0)), TableCell(line.1),
                      TableCell(RichText(String(index + 1))), TableCell(RichText(line.0)), TableCell(line.2)])
        }
        return KinerjaDocuments.Table(
            columns: [TableColumn(.points(22), alignment: .center), TableColumn(.points(100)), TableColumn(.weight(1)),
                      TableColumn(.points(22), alignment: .center), TableColumn(.points(100)), TableColumn(.weight(1))],
            header: [TableRow([TableCell("NO"), TableCell("PEGAWAI YANG DINILAI", columnSpan: 2),
                               TableCell("NO"), TableCell("PEJABAT PENILAI KINERJA", columnSpan: 2)])],
            rows: rows, bodyStyle: cellStyle, headerStyle: headerStyle, keepTogether: true, spaceAfter: 8)
    }

    /// `text`, or "—" for nothing.
    static func nonEmpty(_ text: String) -> String {
        text.isEmpty ? "—" : text
    }
}
