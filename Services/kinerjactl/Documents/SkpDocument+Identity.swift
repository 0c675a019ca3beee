import KinerjaDocuments

extension SkpDocument {
    /// PEGAWAI YANG DINILAI beside PEJABAT PENILAI KINERJA: nama, NIP (or NON ASN), pangkat/gol.
    /// ruang, jabatan, unit kerja.
    static func identity(_ printout: SkpPrintout) -> KinerjaDocuments.Table {
        let pegawai = printout.pegawai
        let penilai = printout.penilai
        var penilaiJabatan = penilai?.jabatan ?? "—"
        switch printout.penilaiKind {
        case .plt: penilaiJabatan += "\n(Plt." + (printout.penilaiDecree.isEmpty ? "" : ", \(printout.penilaiDecree)") + ")"
        case .plh: penilaiJabatan += "\n(Plh." + (printout.penilaiDecree.isEmpty ? "" : ", \(printout.penilaiDecree)") + ")"
        default: break
        }
        let lines: [(String, String, String)] = [
            ("NAMA", pegawai.name, penilai?.name ?? "— (belum ada pejabat penilai)"),
            ("NIP", pegawai.nipCell, penilai?.nipCell ?? "—"),
            ("PANGKAT/GOL. RUANG", pegawai.pangkatCell, penilai?.pangkatCell ?? "—"),
            ("JABATAN", nonEmpty(pegawai.jabatan), nonEmpty(penilaiJabatan)),
            ("UNIT KERJA", nonEmpty(pegawai.unit), nonEmpty(penilai?.unit ?? "")),
        ]
        let rows = lines.enumerated().map { index, line in
            TableRow([TableCell(RichText(String(index + 1))), TableCell(RichText(line.0)), TableCell(RichText(line.1)),
                      TableCell(RichText(String(index + 1))), TableCell(RichText(line.0)), TableCell(RichText(line.2))])
        }
        return KinerjaDocuments.Table(
            columns: [TableColumn(.points(16), alignment: .center), TableColumn(.points(66)), TableColumn(.weight(1)),
                      TableColumn(.points(16), alignment: .center), TableColumn(.points(66)), TableColumn(.weight(1))],
            header: [TableRow([TableCell("NO"), TableCell("PEGAWAI YANG DINILAI", columnSpan: 2),
                               TableCell("NO"), TableCell("PEJABAT PENILAI KINERJA", columnSpan: 2)])],
            rows: rows, bodyStyle: cellStyle, headerStyle: headerStyle, keepTogether: true, spaceAfter: 8)
    }

    /// `text`, or "—" for nothing.
    static func nonEmpty(_ text: String) -> String {
        text.isEmpty ? "—" : text
    }
}
