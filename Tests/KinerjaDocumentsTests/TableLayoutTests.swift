import Testing
@testable import KinerjaDocuments

/// How tables break across pages.
@Suite("Table layout")
struct TableLayoutTests {
    /// `count` groups of an RHK cell spanning `ikis` IKI rows, as the SKP form has them.
    static func spannedTable(groups count: Int, ikis: Int, rhkText: String = "Rencana hasil kerja") -> Table {
        var rows: [TableRow] = []
        for group in 1...count {
            for iki in 1...ikis {
                var cells: [TableCell] = []
                if iki == 1 {
                    cells.append(TableCell(RichText("\(group)"), rowSpan: ikis))
                    cells.append(TableCell(RichText("\(rhkText) \(group)"), rowSpan: ikis))
                }
                cells.append(TableCell(RichText("IKI \(group).\(iki)")))
                rows.append(TableRow(cells))
            }
        }
        return Table(columns: [TableColumn(.points(24)), TableColumn(.weight(2)), TableColumn(.weight(1))],
                     header: [TableRow(texts: ["NO", "RHK", "IKI"])], rows: rows)
    }

    @Test("the header rows are repeated at the top of every page the table continues on")
    func headerRepeats() throws {
        let pages = try Pages(Document(blocks: [.table(Samples.longTable(rows: 90))]))
        #expect(pages.count >= 3)
        for page in 1...pages.count {
            #expect(pages.texts(onPage: page).contains("RENCANA HASIL KERJA"), "page \(page) lacks the header")
            #expect(pages.texts(onPage: page).contains("SATUAN"), "page \(page) lacks the second header row")
        }
    }

    @Test("rows joined by a row span stay on one page when they fit on one")
    func spannedRowsStayTogether() throws {
        let pages = try Pages(Document(blocks: [.table(Self.spannedTable(groups: 40, ikis: 4))]))
        #expect(pages.count >= 2)
        for group in 1...40 {
            let pagesOfGroup = Set((1...4).flatMap { pages.pagesShowingExactly("IKI \(group).\($0)") })
            #expect(pagesOfGroup.count == 1, "group \(group) split over pages \(pagesOfGroup.sorted())")
            #expect(pages.pagesShowingExactly("Rencana hasil kerja \(group)") == pagesOfGroup.sorted())
        }
    }

    @Test("a group taller than a page is cut between its rows and its spanning cells are printed again")
    func oversizeGroupSplits() throws {
        let pages = try Pages(Document(blocks: [.table(Self.spannedTable(groups: 1, ikis: 90))]))
        #expect(pages.count >= 2)
        #expect(pages.pagesShowingExactly("Rencana hasil kerja 1") == Array(1...pages.count))
        for iki in 1...90 { #expect(pages.pagesShowingExactly("IKI 1.\(iki)").count == 1) }
    }

    @Test("a section row marked keep-with-next is never the last row of a page")
    func sectionRowKeepsWithNext() throws {
        // Fill a page with rows, then a section row and its first row: they move together.
        for filler in 20...32 {
            var rows = (1...filler).map { TableRow(texts: [RichText("baris \($0)"), "x"]) }
            rows.append(TableRow([TableCell("B. TAMBAHAN", columnSpan: 2)], keepWithNext: true))
            rows.append(TableRow(texts: ["pertama setelah bagian", "x"]))
            let table = Table(columns: [TableColumn(.weight(1)), TableColumn(.weight(1))], rows: rows,
                              bodyStyle: TextStyle(size: 14))
            let pages = try Pages(Document(blocks: [.table(table)]))
            #expect(pages.pagesShowing("B. TAMBAHAN") == pages.pagesShowing("pertama setelah bagian"), "with \(filler) rows before it")
        }
    }

    @Test("a row that does not fill its columns, or overfills them, is refused as invalid content")
    func invalidRows() throws {
        let columns = [TableColumn(.weight(1)), TableColumn(.weight(1)), TableColumn(.weight(1))]
        let short = Table(columns: columns, rows: [TableRow(texts: ["a", "b"])])
        let long = Table(columns: columns, rows: [TableRow(texts: ["a", "b", "c", "d"])])
        let pastEnd = Table(columns: columns, rows: [TableRow([TableCell("a", rowSpan: 2), TableCell("b"), TableCell("c")])])
        let zeroSpan = Table(columns: columns, rows: [TableRow([TableCell("a", columnSpan: 0), TableCell("b"), TableCell("c")])])
        let tooWide = Table(columns: [TableColumn(.points(400)), TableColumn(.points(400))], rows: [TableRow(texts: ["a", "b"])])
        for table in [short, long, pastEnd, zeroSpan, tooWide] {
            #expect { try Document(blocks: [.table(table)]).pdf() } throws: { ($0 as? DocumentError)?.code == .invalidContent }
        }
    }

    @Test("a single row taller than a page is refused as too tall, not cut or overflowed")
    func rowTallerThanPage() throws {
        let huge = String(repeating: "kata ", count: 6000)
        let table = Table(columns: [TableColumn(.weight(1))], rows: [TableRow(texts: [RichText(huge)])])
        #expect { try Document(blocks: [.table(table)]).pdf() } throws: { ($0 as? DocumentError)?.code == .contentTooTall }
    }

    @Test("a table kept together moves to the next page whole")
    func keepTogether() throws {
        let filler = Paragraph(RichText(String(repeating: "Isi halaman yang panjang sekali. ", count: 150)))
        let signatures = Table(columns: [TableColumn(.weight(1)), TableColumn(.weight(1))],
                               rows: [TableRow(texts: ["Pegawai yang Dinilai\n\n\n\nNama Pegawai", "Pejabat Penilai Kinerja\n\n\n\nNama Penilai"])],
                               border: .none, keepTogether: true)
        for repeats in 1...6 {
            let pages = try Pages(Document(blocks: Array(repeating: .paragraph(filler), count: repeats) + [.table(signatures)]))
            #expect(pages.pagesShowing("Nama Pegawai").count == 1)
        }
    }
}
