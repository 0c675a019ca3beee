/// Lays out a ``Table``: resolves column widths, measures every cell, and cuts the body into
/// units of row groups (rows joined by row spans) that the page composer keeps whole; a group
/// taller than a page is cut between its rows, its spanning cells printed again in each piece.
struct TableLayout {
    let measurer: any TextMeasuring
    /// The body width the table may use.
    let width: Double
    /// The body height of a page (the most one unit may take).
    let pageHeight: Double

    func layout(_ table: Table) throws(DocumentError) -> LaidOutBlock {
        let widths = try columnWidths(table)
        let header = try Section(table: table, rows: table.header, isHeader: true, widths: widths, measurer: measurer)
        let body = try Section(table: table, rows: table.rows, isHeader: false, widths: widths, measurer: measurer)
        let headerUnit = table.header.isEmpty ? nil : header.fragment(0..<table.header.count)
        let limit = pageHeight - (headerUnit?.height ?? 0)
        var units: [LayoutUnit] = []
        for group in body.grid.groups {
            let whole = body.fragment(group)
            if whole.height <= limit || table.keepTogether {
                units.append(whole)
                continue
            }
            var start = group.lowerBound
            while start < group.upperBound {
                var end = start + 1
                while end < group.upperBound && body.fragment(start..<(end + 1)).height <= limit { end += 1 }
                let piece = body.fragment(start..<end)
                guard piece.height <= limit else {
                    throw DocumentError(.contentTooTall, "table row \(start + 1) is \(Int(piece.height)) pt tall; a page holds \(Int(limit)) pt below the header")
                }
                units.append(piece)
                start = end
            }
        }
        return LaidOutBlock(kind: table.keepTogether ? .together : .flow, units: units, header: headerUnit,
                            spaceAfter: table.spaceAfter)
    }

    /// Widths of the columns: fixed ones as given, the rest shared by weight.
    private func columnWidths(_ table: Table) throws(DocumentError) -> [Double] {
        guard !table.columns.isEmpty else { throw DocumentError(.invalidContent, "a table without columns") }
        var fixed = 0.0, weights = 0.0
        for column in table.columns {
            switch column.width {
            case .points(let points):
                guard points.isFinite, points > 0 else { throw DocumentError(.invalidContent, "a column \(points) pt wide") }
                fixed += points
            case .weight(let weight):
                guard weight.isFinite, weight > 0 else { throw DocumentError(.invalidContent, "a column of weight \(weight)") }
                weights += weight
            }
        }
        let rest = width - fixed
        guard rest >= -0.01, weights == 0 || rest > 1 else {
            throw DocumentError(.invalidContent, "columns of \(Int(fixed)) pt do not fit a width of \(Int(width)) pt")
        }
        return table.columns.map { column in
            switch column.width {
            case .points(let points): points
            case .weight(let weight): rest * weight / weights
            }
        }
    }

    /// The header or the body of a table, measured.
    private struct Section {
        let table: Table
        let rows: [TableRow]
        let isHeader: Bool
        let grid: TableGrid
        let lefts: [Double]
        let widths: [Double]
        /// Per placed cell: its resolved style and the height it needs, padding included.
        let styles: [TextStyle]
        let heights: [Double]

        init(table: Table, rows: [TableRow], isHeader: Bool, widths: [Double], measurer: any TextMeasuring) throws(DocumentError) {
            self.table = table
            self.rows = rows
            self.isHeader = isHeader
            self.widths = widths
            var lefts: [Double] = []
            var x = 0.0
            for width in widths {
                lefts.append(x)
                x += width
            }
            self.lefts = lefts
            grid = try TableGrid(rows: rows, columnCount: widths.count, section: isHeader ? "header" : "table")
            var styles: [TextStyle] = []
            var heights: [Double] = []
            let padding = table.cellPadding
            for placed in grid.cells {
                var style = placed.cell.style ?? (isHeader ? table.headerStyle : table.bodyStyle)
                if placed.cell.style == nil, !isHeader, placed.columnSpan == 1, let alignment = table.columns[placed.column].alignment {
                    style.alignment = alignment
                }
                let textWidth = Self.width(of: placed, widths) - 2 * padding
                guard textWidth > 0 else {
                    throw DocumentError(.invalidContent, "a column too narrow for its padding of \(padding) pt")
                }
                let metrics = try measurer.measure(placed.cell.text, style: style, width: textWidth)
                styles.append(style)
                heights.append(metrics.height + 2 * padding)
            }
            self.styles = styles
            self.heights = heights
        }

        static func width(of placed: TableGrid.Placed, _ widths: [Double]) -> Double {
            widths[placed.column..<(placed.column + placed.columnSpan)].reduce(0, +)
        }

        /// Rows `range` as one unit; cells spanning in from above or out below are cut to the range.
        func fragment(_ range: Range<Int>) -> LayoutUnit {
            var rowHeights = [Double](repeating: 0, count: range.count)
            var inRange: [(index: Int, first: Int, last: Int)] = []
            for (index, placed) in grid.cells.enumerated() where placed.row < range.upperBound && placed.lastRow >= range.lowerBound {
                inRange.append((index, max(placed.row, range.lowerBound) - range.lowerBound,
                                min(placed.lastRow, range.upperBound - 1) - range.lowerBound))
            }
            for cell in inRange where cell.first == cell.last {
                rowHeights[cell.first] = max(rowHeights[cell.first], heights[cell.index])
            }
            // A spanning cell taller than its rows makes its last row taller.
            for cell in inRange.filter({ $0.first < $0.last }).sorted(by: { $0.last < $1.last }) {
                let available = rowHeights[cell.first...cell.last].reduce(0, +)
                if heights[cell.index] > available { rowHeights[cell.last] += heights[cell.index] - available }
            }
            var tops: [Double] = []
            var y = 0.0
            for height in rowHeights {
                tops.append(y)
                y += height
            }
            var fills: [DrawItem] = [], borders: [DrawItem] = [], texts: [DrawItem] = []
            for cell in inRange {
                let placed = grid.cells[cell.index]
                let rect = Rect(x: lefts[placed.column], y: tops[cell.first], width: Self.width(of: placed, widths),
                                height: tops[cell.last] + rowHeights[cell.last] - tops[cell.first])
                if let fill = placed.cell.fill ?? rows[placed.row].fill ?? (isHeader ? table.headerFill : nil) {
                    fills.append(.rect(rect, fill: fill, stroke: nil))
                }
                if case .grid(let lineWidth) = table.border, lineWidth > 0 {
                    borders.append(.rect(rect, fill: nil, stroke: Stroke(width: lineWidth, color: .black)))
                }
                guard !placed.cell.text.isEmpty else { continue }
                let alignment = placed.cell.verticalAlignment ?? (isHeader ? .middle : .top)
                let slack = alignment == .middle ? max(0, (rect.height - heights[cell.index]) / 2) : 0
                let padding = table.cellPadding
                texts.append(.text(TextItem(text: placed.cell.text, style: styles[cell.index],
                                            origin: Point(x: rect.minX + padding, y: rect.minY + padding + slack),
                                            width: rect.width - 2 * padding)))
            }
            let keep = range.isEmpty ? false : rows[range.upperBound - 1].keepWithNext
            return LayoutUnit(height: y, items: fills + borders + texts, keepWithNext: keep)
        }
    }
}
