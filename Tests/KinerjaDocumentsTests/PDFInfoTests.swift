import Testing
@testable import KinerjaDocuments

/// Reading a PDF's information dictionary back from its bytes.
@Suite("PDF information dictionary")
struct PDFInfoTests {
    static func pdf(info: String) -> [UInt8] {
        Array("%PDF-1.5\n1 0 obj\n<< /Type /Catalog >>\nendobj\n7 0 obj\n\(info)\nendobj\ntrailer\n<< /Size 8 /Root 1 0 R /Info 7 0 R >>\nstartxref\n0\n%%EOF\n".utf8)
    }

    @Test("literal strings with escapes, nested parentheses and octal codes are decoded")
    func literalStrings() throws {
        let info = try PDFInfo(pdf: Self.pdf(info: #"<< /Title (SKP \(versi 2\) \050a\051) /Keywords (a;\nb (c)) /Producer (cairo) /Count 3 /Ref 4 0 R /Arr [1 2] >>"#))
        #expect(info.title == "SKP (versi 2) (a)")
        #expect(info.keywords == "a;\nb (c)")
        #expect(info.fields["Producer"] == "cairo")
        #expect(info.fields["Count"] == nil, "numbers are not strings")
    }

    @Test("hex strings in UTF-16 with a byte-order mark are decoded (how non-ASCII metadata is written)")
    func hexStrings() throws {
        // "Fanggidaé" as UTF-16BE with BOM.
        let info = try PDFInfo(pdf: Self.pdf(info: "<< /Author <FEFF00460061006E006700670069006400610065 0301> /Subject <4142> >>"))
        #expect(info.fields["Author"] == "Fanggidae\u{301}")
        #expect(info.subject == "AB")
    }

    @Test("what Cairo writes reads back, non-ASCII included")
    func cairoRoundTrip() throws {
        let metadata = DocumentMetadata(title: "SKP Yohanes Fanggidaé 2026", subject: "versi 2", keywords: "kinerja-skp-print/1; version=2")
        let info = try PDFInfo(pdf: try Document(metadata: metadata, blocks: [.paragraph(Paragraph("isi"))]).pdf())
        #expect(info.title == "SKP Yohanes Fanggidaé 2026")
        #expect(info.keywords == "kinerja-skp-print/1; version=2")
    }

    @Test("bytes that are not a PDF, or a PDF without a readable dictionary, are refused as unreadable")
    func unreadable() {
        let cases: [[UInt8]] = [
            Array("hello".utf8),
            Array("%PDF-1.5\n%%EOF".utf8),
            Array("%PDF-1.5\ntrailer << /Info 9 0 R >>\n%%EOF".utf8),
            Self.pdf(info: "<< /Title (unterminated >>"),
        ]
        for bytes in cases {
            #expect { try PDFInfo(pdf: bytes) } throws: { ($0 as? DocumentError)?.code == .unreadableDocument }
        }
    }
}
