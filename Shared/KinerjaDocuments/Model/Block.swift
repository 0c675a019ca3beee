/// One element of a ``Document``'s body, laid out top to bottom.
public enum Block: Sendable, Hashable {
    /// A title that stays with what follows it.
    case heading(Heading)
    /// Running text.
    case paragraph(Paragraph)
    /// A table.
    case table(Table)
    /// Label–value lines.
    case keyValues(KeyValueList)
    /// A framed stamp kept in one piece.
    case stamp(Stamp)
    /// A chart of the given height in points, as wide as the body.
    case chart(Chart, height: Double)
    /// Vertical space in points (dropped at the top of a page).
    case spacer(Double)
    /// Continue on a new page.
    case pageBreak
}
