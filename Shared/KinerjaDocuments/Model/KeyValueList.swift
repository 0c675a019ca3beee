/// Label–value lines (`Nama : Budi Santoso`), the labels in a column of their own so that the
/// values line up.
public struct KeyValueList: Sendable, Hashable {
    /// The lines: a label and its value.
    public var entries: [(key: RichText, value: RichText)]
    /// Width of the label column in points.
    public var keyWidth: Double
    /// How labels and values are set; default 9 pt.
    public var style: TextStyle
    /// Space below the list in points; default 6.
    public var spaceAfter: Double

    /// A list.
    public init(_ entries: [(key: RichText, value: RichText)], keyWidth: Double = 110, style: TextStyle = TextStyle(),
                spaceAfter: Double = 6) {
        self.entries = entries
        self.keyWidth = keyWidth
        self.style = style
        self.spaceAfter = spaceAfter
    }

    public static func == (left: KeyValueList, right: KeyValueList) -> Bool {
        left.keyWidth == right.keyWidth && left.style == right.style && left.spaceAfter == right.spaceAfter
            && left.entries.count == right.entries.count
            && zip(left.entries, right.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keyWidth)
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }

    /// The list as a borderless table of label, colon and value.
    var table: Table {
        Table(columns: [TableColumn(.points(keyWidth)), TableColumn(.points(8)), TableColumn(.weight(1))],
              rows: entries.map { TableRow([TableCell($0.key), TableCell(":"), TableCell($0.value)]) },
              bodyStyle: style, headerFill: nil, border: .none, cellPadding: 1.2, spaceAfter: spaceAfter)
    }
}
