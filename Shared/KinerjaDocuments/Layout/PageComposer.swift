/// Places laid-out blocks on pages: breaks pages between units, keeps units that must stay
/// together on one page, repeats a block's header on every page it continues on, and never
/// leaves a heading or a section row alone at the bottom of a page.
struct PageComposer {
    /// The page body the units go into.
    let body: Rect
    /// The items of each page so far.
    private(set) var pages: [[DrawItem]] = [[]]
    private var cursor = 0.0
    private var pendingSpace = 0.0
    /// A page break was asked for: the next unit starts a new page (none is made for nothing).
    private var pendingBreak = false

    init(body: Rect) {
        self.body = body
    }

    /// Places `blocks` in order.
    mutating func compose(_ blocks: [LaidOutBlock]) throws(DocumentError) {
        for index in blocks.indices {
            try place(blocks[index], followedBy: Self.contentBlock(after: index, in: blocks))
        }
    }

    /// The next block with content after `index`, skipping spaces; nil at a page break or the end.
    private static func contentBlock(after index: Int, in blocks: [LaidOutBlock]) -> LaidOutBlock? {
        for block in blocks[(index + 1)...] {
            switch block.kind {
            case .space: continue
            case .pageBreak: return nil
            case .flow, .together: return block
            }
        }
        return nil
    }

    private var remaining: Double { pendingBreak ? 0 : body.height - cursor }
    private var pageIsEmpty: Bool { cursor == 0 }

    private mutating func place(_ block: LaidOutBlock, followedBy next: LaidOutBlock?) throws(DocumentError) {
        switch block.kind {
        case .pageBreak:
            if !pageIsEmpty { pendingBreak = true }
        case .space(let height):
            if !pageIsEmpty { pendingSpace += height }
        case .together:
            let total = (block.header?.height ?? 0) + block.units.reduce(0) { $0 + $1.height }
            if pendingSpace + total > remaining && !pageIsEmpty {
                if total <= body.height { newPage() }
            }
            if let header = block.header { try put(header) }
            for unit in block.units {
                if unit.height > remaining && !pageIsEmpty { newPage() }
                try put(unit)
            }
            pendingSpace = block.spaceAfter
        case .flow:
            var headerOnPage = false
            for index in block.units.indices {
                let headerHeight = headerOnPage ? 0 : (block.header?.height ?? 0)
                let chain = headerHeight + chainHeight(block, from: index, next: next)
                let alone = headerHeight + block.units[index].height
                // Break before a chain that does not fit here but fits a page; a chain longer
                // than a page breaks only where its first unit no longer fits.
                if !pageIsEmpty && pendingSpace + chain > remaining
                    && (chain <= body.height || pendingSpace + alone > remaining) {
                    newPage()
                    headerOnPage = false
                }
                if !headerOnPage, let header = block.header {
                    try put(header)
                    headerOnPage = true
                }
                let before = pages.count
                try put(block.units[index])
                if pages.count != before { headerOnPage = false }
            }
            pendingSpace = block.spaceAfter
        }
    }

    /// Height of unit `index` and every unit it must stay with (its keep-with-next chain,
    /// continuing into the start of the next block).
    private func chainHeight(_ block: LaidOutBlock, from index: Int, next: LaidOutBlock?) -> Double {
        var height = 0.0
        var position = index
        while position < block.units.count {
            let unit = block.units[position]
            height += unit.height
            guard unit.keepWithNext else { return height }
            position += 1
        }
        guard let next else { return height }
        let lead: Double
        switch next.kind {
        case .together: lead = next.units.reduce(0) { $0 + $1.height }
        default: lead = next.units.first?.height ?? 0
        }
        return height + (next.header?.height ?? 0) + lead
    }

    /// Puts `unit` at the cursor (after any pending space), breaking the page first when it does
    /// not fit; fails when it is taller than a page.
    private mutating func put(_ unit: LayoutUnit) throws(DocumentError) {
        guard unit.height <= body.height + 0.001 else {
            throw DocumentError(.contentTooTall, "an element \(Int(unit.height)) pt tall does not fit a page body of \(Int(body.height)) pt")
        }
        if pendingBreak || (pendingSpace + unit.height > remaining + 0.001 && !pageIsEmpty) { newPage() }
        if !pageIsEmpty { cursor += pendingSpace }
        pendingSpace = 0
        for item in unit.items {
            append(item.offsetBy(dx: body.minX, dy: body.minY + cursor))
        }
        cursor += unit.height
    }

    /// Appends `item` to the current page, joining it to the previous item when it continues the
    /// same paragraph directly below (one text item per paragraph and page, not one per line).
    private mutating func append(_ item: DrawItem) {
        let page = pages.count - 1
        if case .text(let new) = item, let newLines = new.lines,
           case .text(var last)? = pages[page].last, let lastLines = last.lines,
           last.text == new.text, last.style == new.style, last.width == new.width,
           last.origin.x == new.origin.x, lastLines.upperBound == newLines.lowerBound {
            last.lines = lastLines.lowerBound..<newLines.upperBound
            pages[page][pages[page].count - 1] = .text(last)
            return
        }
        pages[page].append(item)
    }

    private mutating func newPage() {
        pages.append([])
        cursor = 0
        pendingSpace = 0
        pendingBreak = false
    }
}
