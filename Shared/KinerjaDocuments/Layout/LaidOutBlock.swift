/// A piece of a block that is never split across pages: one line of a paragraph, a group of
/// table rows joined by row spans, a whole stamp. Its items are relative to its top-left corner
/// at the left edge of the page body.
struct LayoutUnit: Sendable {
    /// Height in points.
    var height: Double
    /// What to draw.
    var items: [DrawItem]
    /// Stays on the page of the unit after it (headings, section rows).
    var keepWithNext = false
}

/// A block laid out for the body width: its units in order and how they may be paginated.
struct LaidOutBlock: Sendable {
    /// What the block asks of the page composer.
    enum Kind: Sendable {
        /// Units placed one after the other, a page break allowed between any two.
        case flow
        /// All units on one page (moved to the next page when they do not fit).
        case together
        /// Vertical space, dropped at the top of a page.
        case space(Double)
        /// Continue on a new page.
        case pageBreak
    }

    var kind: Kind
    /// The units, top to bottom.
    var units: [LayoutUnit] = []
    /// Placed before the first unit and again at the top of every page the block continues on
    /// (a table's header rows).
    var header: LayoutUnit?
    /// Space below the block, dropped when the next block starts a page.
    var spaceAfter: Double = 0
}
