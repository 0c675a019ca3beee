/// Lays out a ``Stamp``: a double frame around a title, label–value lines and a note, as one
/// unit that stays on one page.
struct StampLayout {
    let measurer: any TextMeasuring
    let width: Double
    let pageHeight: Double

    /// Space between the inner frame and the content.
    static let padding = 7.0
    /// Gap between the outer and the inner frame.
    static let frameGap = 2.5

    func layout(_ stamp: Stamp) throws(DocumentError) -> LaidOutBlock {
        let boxWidth = min(stamp.width ?? width, width)
        let inset = Self.frameGap + Self.padding
        let innerWidth = boxWidth - 2 * inset
        guard innerWidth > 40 else { throw DocumentError(.invalidContent, "a stamp \(Int(boxWidth)) pt wide") }
        var items: [DrawItem] = []
        var y = inset
        if !stamp.title.isEmpty {
            let style = TextStyle(size: stamp.lines.style.size + 1.5, bold: true, color: stamp.color, alignment: .center)
            let metrics = try measurer.measure(stamp.title, style: style, width: innerWidth)
            items.append(.text(TextItem(text: stamp.title, style: style, origin: Point(x: inset, y: y), width: innerWidth)))
            y += metrics.height + 4
        }
        var lines = stamp.lines
        lines.spaceAfter = 0
        let table = try TableLayout(measurer: measurer, width: innerWidth, pageHeight: pageHeight).layout(lines.table)
        for unit in table.units {
            items += unit.items.map { $0.offsetBy(dx: inset, dy: y) }
            y += unit.height
        }
        if !stamp.note.isEmpty {
            y += 3
            let style = TextStyle(size: max(6, stamp.lines.style.size - 1.5), italic: true, color: .grey)
            let metrics = try measurer.measure(stamp.note, style: style, width: innerWidth)
            items.append(.text(TextItem(text: stamp.note, style: style, origin: Point(x: inset, y: y), width: innerWidth)))
            y += metrics.height
        }
        let height = y + inset
        let outer = Rect(x: 0, y: 0, width: boxWidth, height: height)
        let frames: [DrawItem] = [
            .rect(outer, fill: nil, stroke: Stroke(width: 1.4, color: stamp.color)),
            .rect(outer.insetBy(Self.frameGap), fill: nil, stroke: Stroke(width: 0.5, color: stamp.color)),
        ]
        return LaidOutBlock(kind: .together, units: [LayoutUnit(height: height, items: frames + items)], spaceAfter: stamp.spaceAfter)
    }
}
