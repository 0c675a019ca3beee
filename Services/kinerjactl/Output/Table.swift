/// A table for people: a header, aligned columns two spaces apart, cells longer than their
/// column's limit cut with "…", widths counted in terminal columns so UTF-8 names line up.
struct Table {
    /// One column: its title, how to align it, and the most columns a cell may take.
    struct Column {
        var title: String
        var maxWidth: Int
        var alignRight: Bool

        init(_ title: String, maxWidth: Int = 40, alignRight: Bool = false) {
            self.title = title
            self.maxWidth = max(1, maxWidth)
            self.alignRight = alignRight
        }
    }

    var columns: [Column]
    private(set) var rows: [[String]] = []

    init(_ columns: [Column]) {
        self.columns = columns
    }

    /// Adds a row; missing cells are empty, extra cells are dropped. Cells are sanitized.
    mutating func append(_ cells: [String]) {
        rows.append(columns.indices.map { index in
            index < cells.count ? TerminalText.sanitized(cells[index]) : ""
        })
    }

    /// The table as lines without trailing spaces, header first.
    func render() -> String {
        let header = columns.map(\.title)
        let cut = rows.map { row in
            zip(row, columns).map { TerminalText.truncated($0, toWidth: $1.maxWidth) }
        }
        let widths = columns.indices.map { index in
            ([header[index]] + cut.map { $0[index] }).map(TerminalText.width).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.indices.map { index in
                TerminalText.padded(cells[index], toWidth: widths[index], alignRight: columns[index].alignRight)
            }
            var text = padded.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        return ([line(header)] + cut.map(line)).joined(separator: "\n")
    }
}
