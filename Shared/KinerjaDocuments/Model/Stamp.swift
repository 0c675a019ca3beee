/// A framed box printed as a unit and never split across pages: an approval stamp, a notice.
///
/// A double frame, a bold title, label–value lines and an optional note in small type.
public struct Stamp: Sendable, Hashable {
    /// The title, e.g. `PERSETUJUAN ELEKTRONIK`.
    public var title: RichText
    /// The label–value lines.
    public var lines: KeyValueList
    /// Small type under the lines (how to check the stamp); may be empty.
    public var note: RichText
    /// Colour of the frame and title; default a dark blue.
    public var color: Color
    /// Width of the box in points; nil = the body width.
    public var width: Double?
    /// Space below the box in points; default 8.
    public var spaceAfter: Double

    /// A stamp.
    public init(title: RichText, lines: KeyValueList, note: RichText = RichText(""), color: Color = Color(hex: 0x1F3A68),
                width: Double? = nil, spaceAfter: Double = 8) {
        self.title = title
        self.lines = lines
        self.note = note
        self.color = color
        self.width = width
        self.spaceAfter = spaceAfter
    }
}
