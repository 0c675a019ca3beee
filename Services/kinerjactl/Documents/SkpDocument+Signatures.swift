import KinerjaDocuments
import KinerjaProto

extension SkpDocument {
    /// The signatures: the pegawai yang dinilai on the left, the pejabat penilai kinerja on the
    /// right under the place and date of approval (dotted until approved). An acting official
    /// signs as what they act for (`Plt. Kepala Bidang …`), the Wali Kota as Wali Kota; an
    /// official outside the civil service signs without a NIP line. One row per line, so both
    /// sides stay level whatever wraps.
    static func signatures(_ printout: SkpPrintout) -> KinerjaDocuments.Table {
        let skp = printout.skp
        // The day of approval: the stamp's, else the decision's of a version approved without one.
        let approvedAt = skp.approval?.at ?? ((skp.state == .disetujui || skp.state == .diganti) ? skp.decided?.at : nil)
        let date = approvedAt.map { IndonesianDate.day(IndonesianDate.witaDay($0)) } ?? "……………………… \(skp.year)"
        let penilai = printout.penilai
        var role = "Pejabat Penilai Kinerja,"
        switch printout.penilaiKind {
        case .plt, .plh, .external:
            let title = printout.penilaiJabatan.title
            if penilai != nil, !title.isEmpty { role += "\n" + title + "," }
        default:
            break
        }
        let penilaiNIP = penilai.map { $0.nipLine ?? "" } ?? "NIP. ………………………"
        let lines: [(RichText, RichText)] = [
            ("", RichText("\(printout.place), \(date)")),
            ("Pegawai yang Dinilai,", RichText(role)),
            ("\n\n\n", "\n\n\n"),
            (.bold(printout.pegawai.name), .bold(penilai?.name ?? "(………………………………………)")),
            (RichText(printout.pegawai.nipLine ?? ""), RichText(penilaiNIP)),
        ]
        let style = TextStyle(size: 8.5, alignment: .center)
        return KinerjaDocuments.Table(columns: [TableColumn(.weight(1)), TableColumn(.weight(1))],
                     rows: lines.map { TableRow([TableCell($0.0, style: style), TableCell($0.1, style: style)]) },
                     bodyStyle: style, headerFill: nil, border: .none, cellPadding: 1, keepTogether: true, spaceAfter: 10)
    }
}
