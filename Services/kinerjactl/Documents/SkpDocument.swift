import KinerjaDocuments
import KinerjaProto

/// An SKP version laid out as the regulation's form (PermenPANRB 6/2022, lampiran), as BKPSDM
/// Kota Kupang files it: the title for the jenis jabatan, the identity block of the pegawai and
/// the pejabat penilai, Hasil Kerja (Utama, then Tambahan), Perilaku Kerja with the ekspektasi
/// khusus, the signatures and the approval stamp; then the Lampiran (Dukungan Sumber Daya, Skema
/// Pertanggungjawaban, Konsekuensi), signed again. Pure: the same printout gives the same document.
enum SkpDocument {
    /// Size of body text in tables.
    static let bodySize = 8.0
    /// Style of table body cells.
    static let cellStyle = TextStyle(size: bodySize)
    /// Style of table header cells.
    static let headerStyle = TextStyle(size: bodySize, bold: true, alignment: .center)
    /// Fill of section rows (A. UTAMA, B. TAMBAHAN).
    static let sectionFill = Color.lightGrey
    /// Colour of what says a printout is not approved (a dark red).
    static let notApprovedColor = Color(hex: 0x8A1C1C)

    /// The document for `printout`.
    static func build(_ printout: SkpPrintout) -> Document {
        let skp = printout.skp
        let layout = SkpFormLayout(skp.jenisJabatan)
        var blocks = title(printout, layout: layout)
        blocks.append(.table(identity(printout)))
        blocks.append(.table(hasilKerja(skp, layout: layout)))
        blocks.append(.table(perilaku(skp)))
        blocks.append(.paragraph(Paragraph(
            .italic("Ekspektasi khusus pimpinan dapat diberikan untuk satu atau lebih aspek perilaku kerja; kolom yang kosong (—) berarti tidak ada ekspektasi khusus."),
            style: TextStyle(size: 7, color: .grey), spaceAfter: 8)))
        blocks.append(.table(signatures(printout)))
        blocks.append(.stamp(stamp(printout)))
        blocks += amendments(printout)
        blocks.append(.pageBreak)
        blocks += lampiran(printout)
        blocks.append(.table(signatures(printout)))
        return Document(
            page: .a4Portrait,
            footer: PageFooter(text: "SKP \(printout.pegawai.name) · \(skp.year) · versi \(skp.version)"
                + (notice(printout).map { " (\($0.footer))" } ?? "") + " · \(skp.skpID)"),
            metadata: DocumentMetadata(
                title: "Sasaran Kinerja Pegawai \(skp.year) — \(printout.pegawai.name)",
                author: printout.instansi,
                subject: subject(printout),
                keywords: mark(printout).keywords,
                creator: "kinerjactl \(KinerjaVersion.current)"),
            blocks: blocks)
    }

    /// What the printout says about itself in its Keywords.
    static func mark(_ printout: SkpPrintout) -> SkpPrintMark {
        let hash = printout.skp.approval.map(\.bodySha256).flatMap { SkpPrintMark.isSHA256Hex($0) ? $0 : nil }
        return SkpPrintMark(skpID: printout.skp.skpID, version: printout.skp.version, bodySHA256: hash)
    }

    private static func subject(_ printout: SkpPrintout) -> String {
        let skp = printout.skp
        if let hash = mark(printout).bodySHA256 {
            return "SKP \(skp.skpID) versi \(skp.version), disetujui; SHA-256 isi SKP \(hash)"
        }
        return "SKP \(skp.skpID) versi \(skp.version), belum disetujui"
    }

    /// The three title lines and the instansi / period line.
    private static func title(_ printout: SkpPrintout, layout: SkpFormLayout) -> [Block] {
        let skp = printout.skp
        let period = "PERIODE PENILAIAN: \(IndonesianDate.day(skp.periodStart).uppercased()) SD \(IndonesianDate.day(skp.periodEnd).uppercased())"
        return [
            .heading(Heading("SASARAN KINERJA PEGAWAI", style: TextStyle(size: 13, bold: true, alignment: .center), spaceAfter: 1)),
            .heading(Heading(RichText("PENDEKATAN HASIL KERJA \(SkpFormVocabulary.approach(skp.approach))"),
                             style: TextStyle(size: 9.5, bold: true, alignment: .center), spaceAfter: 1)),
            .heading(Heading(RichText(layout.audience), style: TextStyle(size: 9.5, bold: true, alignment: .center),
                             spaceAfter: notice(printout) == nil ? 8 : 2)),
        ] + (notice(printout).map { notice in [
            // Seen at once on the first page: this printout carries no approval that can be checked.
            .heading(Heading(RichText(notice.banner), style: TextStyle(size: 8.5, bold: true, color: notApprovedColor, alignment: .center),
                             spaceAfter: 6)),
        ] } ?? []) + [
            .table(KinerjaDocuments.Table(columns: [TableColumn(.weight(1)), TableColumn(.weight(1), alignment: .right)],
                         rows: [TableRow([TableCell(.bold(printout.instansi)), TableCell(.bold(period))])],
                         bodyStyle: cellStyle, headerFill: nil, border: .none, cellPadding: 1, spaceAfter: 3)),
        ]
    }

    /// What the first page and the footer say when the printout carries no approval stamp: not
    /// approved yet, or approved without the stamp (a version approved before planning stamped
    /// approvals); nil when it carries one.
    static func notice(_ printout: SkpPrintout) -> (banner: String, footer: String)? {
        guard mark(printout).bodySHA256 == nil else { return nil }
        let skp = printout.skp
        if skp.state == .disetujui || skp.state == .diganti {
            return ("DISETUJUI TANPA CAP PERSETUJUAN ELEKTRONIK — VERSI \(skp.version)", "tanpa cap persetujuan")
        }
        return ("BELUM DISETUJUI — \(SkpFormVocabulary.state(skp.state).uppercased()), VERSI \(skp.version)", "belum disetujui")
    }

    /// A row across every column of a table: a section title (A. UTAMA) or a note.
    static func sectionRow(_ text: RichText, columns: Int, fill: Color? = sectionFill) -> TableRow {
        TableRow([TableCell(text, columnSpan: columns, style: TextStyle(size: bodySize, bold: true))], fill: fill, keepWithNext: true)
    }
}
