/// One cell of a ``TableRow``: text that wraps inside the cell, spanning one or more columns
/// and rows.
public struct TableCell: Sendable, Hashable {
    /// Vertical placement of the text in a cell taller than it.
    public enum VerticalAlignment: Sendable, Hashable {
        /// At the top (body rows).
        case top
        /// In the middle (header rows).
        case middle
    }

    /// The text.
    public var text: RichText
    /// Columns the cell covers, at least 1.
    public var columnSpan: Int
    /// Rows the cell covers, at least 1; the rows below leave its columns out.
    public var rowSpan: Int
    /// How its text is set; nil = the table's body or header style.
    public var style: TextStyle?
    /// Background; nil = the row's.
    public var fill: Color?
    /// Vertical placement; nil = top in the body, middle in the header.
    public var verticalAlignment: VerticalAlignment?

    /// A cell; by default one column and one row in the table's style.
    public init(_ text: RichText, columnSpan: Int = 1, rowSpan: Int = 1, style: TextStyle? = nil, fill: Color? = nil,
                verticalAlignment: VerticalAlignment? = nil) {
        self.text = text
        self.columnSpan = columnSpan
        self.rowSpan = rowSpan
        self.style = style
        self.fill = fill
        self.verticalAlignment = verticalAlignment
    }
}
