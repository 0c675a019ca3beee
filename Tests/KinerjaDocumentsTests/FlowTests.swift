import Testing
@testable import KinerjaDocuments

/// Paragraphs, headings, stamps and page breaks across pages.
@Suite("Page flow")
struct FlowTests {
    @Test("a paragraph longer than a page continues on the next page, each line printed once", .enabled(if: Poppler.installed))
    func paragraphContinues() throws {
        let sentences = (1...260).map { "Kalimat nomor \($0) tentang pelayanan administrasi kependudukan." }.joined(separator: " ")
        let document = Document(blocks: [.paragraph(Paragraph(RichText(sentences)))])
        let pages = try Pages(document)
        #expect(pages.count >= 2)
        // One text item per paragraph and page, not one per line.
        for page in 1...pages.count { #expect(pages.texts(onPage: page).filter { $0.hasPrefix("Kalimat") }.count == 1) }
        let text = try Poppler.text(try document.pdf()).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for number in [1, 77, 130, 199, 260] {
            #expect(text.components(separatedBy: "Kalimat nomor \(number) tentang").count == 2, "sentence \(number) printed once")
        }
    }

    @Test("a heading at the bottom of a page moves to the next page with what follows it")
    func headingKeepsWithNext() throws {
        for lines in 40...70 {
            let filler = (1...lines).map { "Baris \($0)" }.joined(separator: "\n")
            let document = Document(blocks: [
                .paragraph(Paragraph(RichText(filler), style: TextStyle(size: 11))),
                .heading(Heading("LAMPIRAN")),
                .paragraph(Paragraph("Isi sesudah judul")),
            ])
            let pages = try Pages(document)
            #expect(pages.pagesShowing("LAMPIRAN") == pages.pagesShowing("Isi sesudah judul"), "after \(lines) lines")
        }
    }

    @Test("a stamp is never split: it moves to the next page whole")
    func stampWhole() throws {
        let stamp = Stamp(title: "PERSETUJUAN ELEKTRONIK",
                          lines: KeyValueList((1...8).map { (key: RichText("Baris \($0)"), value: RichText("nilai \($0)")) }),
                          note: "Catatan cap")
        for lines in stride(from: 30, through: 80, by: 2) {
            let filler = (1...lines).map { "Baris isi \($0)" }.joined(separator: "\n")
            let pages = try Pages(Document(blocks: [.paragraph(Paragraph(RichText(filler), style: TextStyle(size: 10))), .stamp(stamp)]))
            let titlePage = pages.pagesShowing("PERSETUJUAN ELEKTRONIK")
            #expect(titlePage.count == 1)
            #expect(pages.pagesShowing("Catatan cap") == titlePage, "after \(lines) lines")
            #expect(pages.pagesShowing("nilai 8") == titlePage)
        }
    }

    @Test("a page break starts a new page, and space at the top of a page is dropped")
    func pageBreakAndSpace() throws {
        let pages = try Pages(Document(blocks: [.paragraph(Paragraph("satu")), .pageBreak, .spacer(200), .paragraph(Paragraph("dua")), .pageBreak, .pageBreak]))
        #expect(pages.count == 2, "consecutive page breaks make no empty page")
        #expect(pages.pagesShowing("dua") == [2])
        let top = pages.pages[1].compactMap { item -> Double? in
            if case .text(let text) = item, text.text.plainText == "dua" { text.origin.y } else { nil }
        }
        #expect(top == [PageSetup.a4Portrait.top])
    }

    @Test("a page too small for its margins is refused")
    func tinyPage() {
        let page = PageSetup(width: 100, height: 100, top: 20, bottom: 20, left: 20, right: 20)
        #expect { try Document(page: page, blocks: []).pdf() } throws: { ($0 as? DocumentError)?.code == .invalidContent }
    }

    @Test("text is escaped for Pango: markup characters and control characters cannot break the layout")
    func escaping() {
        #expect(RichText("a < b & c > \"d\" 'e'").markup == "a &lt; b &amp; c &gt; &quot;d&quot; &apos;e&apos;")
        #expect(RichText("tab\tline\nnul\u{0}bell\u{7}").markup == "tab\tline\nnulbell")
        #expect((RichText.bold("x") + "y").markup == "<b>x</b>y")
    }
}
