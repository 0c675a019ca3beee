/// A document laid out: the draw items of every page, footer included.
struct DocumentLayout {
    /// The items of each page.
    var pages: [[DrawItem]]

    /// Lays out `document` with `measurer`.
    init(_ document: Document, measurer: any TextMeasuring) throws(DocumentError) {
        try document.page.validate()
        let body = document.page.body
        let text = TextBlockLayout(measurer: measurer, width: body.width)
        let tables = TableLayout(measurer: measurer, width: body.width, pageHeight: body.height)
        var blocks: [LaidOutBlock] = []
        for block in document.blocks {
            switch block {
            case .heading(let heading): blocks.append(try text.heading(heading))
            case .paragraph(let paragraph): blocks.append(try text.paragraph(paragraph))
            case .table(let table): blocks.append(try tables.layout(table))
            case .keyValues(let list): blocks.append(try tables.layout(list.table))
            case .stamp(let stamp):
                blocks.append(try StampLayout(measurer: measurer, width: body.width, pageHeight: body.height).layout(stamp))
            case .chart(let chart, let height):
                guard height.isFinite, height > 40 else { throw DocumentError(.invalidContent, "a chart \(height) pt tall") }
                let items = try ChartLayout(measurer: measurer).items(for: chart, in: Rect(x: 0, y: 0, width: body.width, height: height))
                blocks.append(LaidOutBlock(kind: .together, units: [LayoutUnit(height: height, items: items)], spaceAfter: 8))
            case .spacer(let height):
                guard height.isFinite, height >= 0 else { throw DocumentError(.invalidContent, "a space of \(height) pt") }
                blocks.append(LaidOutBlock(kind: .space(height)))
            case .pageBreak:
                blocks.append(LaidOutBlock(kind: .pageBreak))
            }
        }
        var composer = PageComposer(body: body)
        try composer.compose(blocks)
        pages = composer.pages
        for index in pages.indices {
            pages[index] += try Self.footer(document, page: index + 1, of: pages.count, measurer: measurer)
        }
    }

    /// The rule, the footer text and the page number at the top of the bottom margin.
    private static func footer(_ document: Document, page: Int, of pages: Int, measurer: any TextMeasuring) throws(DocumentError) -> [DrawItem] {
        let footer = document.footer
        let body = document.page.body
        let top = body.maxY + 8
        var items: [DrawItem] = [.polyline([Point(x: body.minX, y: top), Point(x: body.maxX, y: top)], Stroke(width: 0.4, color: footer.style.color))]
        let number = footer.pageNumber(page, of: pages)
        let numberWidth = number.isEmpty ? 0 : try measurer.measure(RichText(number), style: footer.style, width: nil).width + 2
        if !number.isEmpty {
            items.append(.text(TextItem(text: RichText(number), style: footer.style.aligned(.right),
                                        origin: Point(x: body.maxX - numberWidth, y: top + 3), width: numberWidth)))
        }
        if !footer.text.isEmpty {
            let width = max(20, body.width - numberWidth - 12)
            items.append(.text(TextItem(text: RichText(footer.text), style: footer.style.aligned(.left),
                                        origin: Point(x: body.minX, y: top + 3), width: width)))
        }
        return items
    }
}
