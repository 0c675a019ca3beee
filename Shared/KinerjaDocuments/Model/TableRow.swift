/// One row of a ``Table``.
public struct TableRow: Sendable, Hashable {
    /// Its cells, left to right, skipping the columns a cell from a row above still covers.
    public var cells: [TableCell]
    /// Background of its cells (a cell's own fill wins); nil = none.
    public var fill: Color?
    /// Keeps the row on the same page as the row after it (section titles).
    public var keepWithNext: Bool

    /// A row.
    public init(_ cells: [TableCell], fill: Color? = nil, keepWithNext: Bool = false) {
        self.cells = cells
        self.fill = fill
        self.keepWithNext = keepWithNext
    }

    /// A row of plain-text cells, one per column.
    public init(texts: [RichText], fill: Color? = nil) {
        self.init(texts.map { TableCell($0) }, fill: fill)
    }
}
