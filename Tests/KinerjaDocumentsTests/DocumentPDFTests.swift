import Foundation
import Testing
@testable import KinerjaDocuments

/// What a rendered PDF must be: a valid file, with the pages, text and metadata written into it.
@Suite("Document as PDF")
struct DocumentPDFTests {
    static let document = Document(
        footer: PageFooter(text: "Uji dokumen"),
        metadata: DocumentMetadata(title: "Uji", subject: "Dokumen uji", keywords: "kinerja-test; sha256=00ff", creator: "KinerjaDocumentsTests"),
        blocks: [
            .heading(Heading("SASARAN KINERJA PEGAWAI")),
            .paragraph(Paragraph(RichText(Samples.indonesian))),
            .keyValues(KeyValueList([(key: "Nama", value: "Yohanes Fanggidaé"), (key: "NIP", value: .monospace("197503152000031002"))])),
            .table(Samples.longTable(rows: 70)),
            .stamp(Stamp(title: "PERSETUJUAN ELEKTRONIK", lines: KeyValueList([(key: "Versi", value: "3")]), note: "Periksa dengan kinerjactl")),
        ])

    @Test("a PDF starts with its header, ends with %%EOF, and carries the metadata it was given")
    func validFile() throws {
        let pdf = try Self.document.pdf()
        Preview.write("document.pdf", pdf)
        #expect(pdf.starts(with: Array("%PDF-1.".utf8)))
        let tail = String(decoding: pdf.suffix(32), as: UTF8.self)
        #expect(tail.contains("%%EOF"))
        #expect(String(decoding: pdf, as: UTF8.self).contains("startxref"))
        let info = try PDFInfo(pdf: pdf)
        #expect(info.keywords == "kinerja-test; sha256=00ff")
        #expect(info.title == "Uji")
        #expect(info.subject == "Dokumen uji")
    }

    @Test("pdfinfo counts as many pages as the layout made", .enabled(if: Poppler.installed))
    func pageCount() throws {
        let pdf = try Self.document.pdf()
        let pages = try Self.document.pageCount()
        #expect(pages >= 3, "70 rows of two lines take several pages")
        #expect(try Poppler.pages(pdf) == pages)
    }

    @Test("pdftotext reads back what was written, Indonesian names and symbols included", .enabled(if: Poppler.installed))
    func textReadsBack() throws {
        let text = try Poppler.text(try Self.document.pdf())
        for expected in ["SASARAN KINERJA PEGAWAI", "Fanggidaé", "Rüdiger", "≤ 3 hari", "Kelapa Lima", "197503152000031002",
                         "PERSETUJUAN ELEKTRONIK", "Baris nomor 70"] {
            #expect(text.contains(expected), "\(expected) missing")
        }
    }

    @Test("the footer numbers every page as 'Halaman n dari N'", .enabled(if: Poppler.installed))
    func pageNumbers() throws {
        let pdf = try Self.document.pdf()
        let pages = try Self.document.pageCount()
        for page in 1...pages {
            #expect(try Poppler.text(pdf, first: page, last: page).contains("Halaman \(page) dari \(pages)"))
        }
    }

    @Test("text from users is set as written: markup characters do not change the type", .enabled(if: Poppler.installed))
    func markupIsText() throws {
        let document = Document(blocks: [.paragraph(Paragraph("<b>tebal</b> & <span foreground=\"red\">merah</span>"))])
        let text = try Poppler.text(try document.pdf())
        #expect(text.contains("<b>tebal</b> & <span foreground=\"red\">merah</span>"))
    }

    @Test("an empty document is one page with its footer")
    func emptyDocument() throws {
        let document = Document(blocks: [])
        #expect(try document.pageCount() == 1)
        #expect(try document.pdf().starts(with: Array("%PDF-".utf8)))
    }

    @Test("a page renders to a PNG of the page's size at 2 pixels per point")
    func pagePNG() throws {
        let png = try Self.document.png(page: 1)
        Preview.write("document-page1.png", png)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // IHDR: width and height, big-endian, at bytes 16–23.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == Int((PageSetup.a4Portrait.width * 2).rounded(.up)))
        #expect(height == Int((PageSetup.a4Portrait.height * 2).rounded(.up)))
        #expect(throws: DocumentError.self) { try Self.document.png(page: 99) }
    }
}
