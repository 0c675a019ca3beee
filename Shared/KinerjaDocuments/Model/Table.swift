/// A table with fixed or proportional column widths, wrapped cells, column and row spans, and
/// header rows that repeat on every page the table continues on.
///
/// Rows joined by a row span stay on one page when they fit on one; a group taller than a page
/// is split between its rows and the spanning cells are printed again on the next page.
public struct Table: Sendable, Hashable {
    /// Lines drawn around cells.
    public enum Border: Sendable, Hashable {
        /// Every cell boxed with lines of this width in points.
        case grid(Double)
        /// No lines (layout tables: signatures, key–value lists).
        case none
    }

    /// The columns, left to right.
    public var columns: [TableColumn]
    /// Header rows, repeated at the top of every page the table continues on.
    public var header: [TableRow]
    /// Body rows.
    public var rows: [TableRow]
    /// Style of body cells; default 8.5 pt.
    public var bodyStyle: TextStyle
    /// Style of header cells; default 8.5 pt bold, centred.
    public var headerStyle: TextStyle
    /// Background of header rows; default ``Color/headerBlue``.
    public var headerFill: Color?
    /// Cell borders; default `.grid(0.6)`.
    public var border: Border
    /// Space between a cell's border and its text, in points; default 3.
    public var cellPadding: Double
    /// Keeps the whole table on one page (moved to the next page when it does not fit).
    public var keepTogether: Bool
    /// Space below the table in points; default 8.
    public var spaceAfter: Double

    /// A table; every parameter after `rows` has the default documented on its property.
    public init(columns: [TableColumn], header: [TableRow] = [], rows: [TableRow],
                bodyStyle: TextStyle = TextStyle(size: 8.5),
                headerStyle: TextStyle = TextStyle(size: 8.5, bold: true, alignment: .center),
                headerFill: Color? = .headerBlue, border: Border = .grid(0.6), cellPadding: Double = 3,
                keepTogether: Bool = false, spaceAfter: Double = 8) {
        self.columns = columns
        self.header = header
        self.rows = rows
        self.bodyStyle = bodyStyle
        self.headerStyle = headerStyle
        self.headerFill = headerFill
        self.border = border
        self.cellPadding = cellPadding
        self.keepTogether = keepTogether
        self.spaceAfter = spaceAfter
    }
}

/// A column of a ``Table``.
public struct TableColumn: Sendable, Hashable {
    /// How wide a column is.
    public enum Width: Sendable, Hashable {
        /// Exactly this many points.
        case points(Double)
        /// A share of what the fixed columns leave, in proportion to the other weights.
        case weight(Double)
    }

    /// Its width.
    public var width: Width
    /// Alignment of body text in it; nil = the body style's.
    public var alignment: TextStyle.Alignment?

    /// A column.
    public init(_ width: Width, alignment: TextStyle.Alignment? = nil) {
        self.width = width
        self.alignment = alignment
    }
}
