import KinerjaDocuments
import KinerjaProto

extension SkpDocument {
    /// The signatures: the pegawai yang dinilai on the left, the pejabat penilai kinerja on the
    /// right under the place and date of approval (blank until approved); NON ASN instead of a NIP
    /// for an official outside the civil service.
    static func signatures(_ printout: SkpPrintout) -> KinerjaDocuments.Table {
        let date = printout.skp.approval?.at.map { IndonesianDate.day(IndonesianDate.witaDay($0)) } ?? "…………………… \(printout.skp.year)"
        var role = "Pejabat Penilai Kinerja"
        switch printout.penilaiKind {
        case .plt: role = "Plt. " + role
        case .plh: role = "Plh. " + role
        default: break
        }
        let penilai = printout.penilai
        let left = RichText("\nPegawai yang Dinilai\n\n\n\n") + .bold(printout.pegawai.name) + RichText("\n" + printout.pegawai.nipLine)
        let right = RichText("\(printout.place), \(date)\n\(role)\n\n\n\n") + .bold(penilai?.name ?? "(……………………………………)")
            + RichText("\n" + (penilai?.nipLine ?? "NIP. ……………………"))
        let style = TextStyle(size: 8.5, alignment: .center)
        return KinerjaDocuments.Table(columns: [TableColumn(.weight(1)), TableColumn(.weight(1))],
                     rows: [TableRow([TableCell(left, style: style), TableCell(right, style: style)])],
                     bodyStyle: style, headerFill: nil, border: .none, cellPadding: 2, keepTogether: true, spaceAfter: 10)
    }
}
