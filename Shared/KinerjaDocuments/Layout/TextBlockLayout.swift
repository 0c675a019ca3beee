/// Lays out headings and paragraphs: a paragraph becomes one unit per line (so it can continue
/// on the next page), a heading one unit that keeps with what follows.
struct TextBlockLayout {
    let measurer: any TextMeasuring
    let width: Double

    func paragraph(_ paragraph: Paragraph) throws(DocumentError) -> LaidOutBlock {
        let textWidth = width - paragraph.indent
        guard textWidth > 0 else {
            throw DocumentError(.invalidContent, "a paragraph indented \(paragraph.indent) pt leaves no room on the line")
        }
        let metrics = try measurer.measure(paragraph.text, style: paragraph.style, width: textWidth)
        var units: [LayoutUnit] = []
        for line in 0..<metrics.lineCount {
            let item = TextItem(text: paragraph.text, style: paragraph.style, origin: Point(x: paragraph.indent, y: 0),
                                width: textWidth, lines: line..<(line + 1))
            units.append(LayoutUnit(height: metrics.height(of: line..<(line + 1)), items: [.text(item)]))
        }
        return LaidOutBlock(kind: .flow, units: units, spaceAfter: paragraph.spaceAfter)
    }

    func heading(_ heading: Heading) throws(DocumentError) -> LaidOutBlock {
        let metrics = try measurer.measure(heading.text, style: heading.style, width: width)
        let item = TextItem(text: heading.text, style: heading.style, origin: Point(x: 0, y: 0), width: width)
        return LaidOutBlock(kind: .flow, units: [LayoutUnit(height: metrics.height, items: [.text(item)], keepWithNext: true)],
                            spaceAfter: heading.spaceAfter)
    }
}
