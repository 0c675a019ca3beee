/// Where every cell of a table section sits: its row, first column and spans, checked so that
/// each row covers every column exactly once.
struct TableGrid {
    /// A cell at its place.
    struct Placed {
        var row: Int
        var column: Int
        var columnSpan: Int
        var rowSpan: Int
        var cell: TableCell
        /// The last row it covers.
        var lastRow: Int { row + rowSpan - 1 }
    }

    /// The cells in reading order.
    var cells: [Placed] = []
    /// Number of rows.
    var rowCount: Int

    /// Places the cells of `rows` on `columnCount` columns; `section` names the rows in errors.
    init(rows: [TableRow], columnCount: Int, section: String) throws(DocumentError) {
        rowCount = rows.count
        // For each column, the first row not covered by a row span from above.
        var freeFrom = [Int](repeating: 0, count: columnCount)
        for (rowIndex, row) in rows.enumerated() {
            var column = 0
            for cell in row.cells {
                guard cell.columnSpan >= 1, cell.rowSpan >= 1 else {
                    throw DocumentError(.invalidContent, "\(section) row \(rowIndex + 1) has a cell spanning \(cell.columnSpan) × \(cell.rowSpan)")
                }
                while column < columnCount && freeFrom[column] > rowIndex { column += 1 }
                let end = column + cell.columnSpan
                guard end <= columnCount, (column..<end).allSatisfy({ freeFrom[$0] <= rowIndex }) else {
                    throw DocumentError(.invalidContent, "\(section) row \(rowIndex + 1) has more cells than its \(columnCount) columns")
                }
                guard rowIndex + cell.rowSpan <= rows.count else {
                    throw DocumentError(.invalidContent, "\(section) row \(rowIndex + 1) has a cell spanning past the last row")
                }
                cells.append(Placed(row: rowIndex, column: column, columnSpan: cell.columnSpan, rowSpan: cell.rowSpan, cell: cell))
                for covered in column..<end { freeFrom[covered] = rowIndex + cell.rowSpan }
                column = end
            }
            guard freeFrom.allSatisfy({ $0 > rowIndex }) else {
                throw DocumentError(.invalidContent, "\(section) row \(rowIndex + 1) leaves columns empty")
            }
        }
    }

    /// The rows grouped so that no row span crosses from one group into the next.
    var groups: [Range<Int>] {
        var lastRowOfStart = [Int](repeating: 0, count: rowCount)
        for row in 0..<rowCount { lastRowOfStart[row] = row }
        for cell in cells { lastRowOfStart[cell.row] = max(lastRowOfStart[cell.row], cell.lastRow) }
        var groups: [Range<Int>] = []
        var start = 0
        var end = 0
        for row in 0..<rowCount {
            end = max(end, lastRowOfStart[row])
            if end == row {
                groups.append(start..<(row + 1))
                start = row + 1
            }
        }
        return groups
    }
}
