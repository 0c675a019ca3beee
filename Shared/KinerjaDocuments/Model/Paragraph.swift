/// Running text that wraps at the body width and continues on the next page line by line.
public struct Paragraph: Sendable, Hashable {
    /// The text.
    public var text: RichText
    /// How it is set; default 9 pt, left-aligned.
    public var style: TextStyle
    /// Indent of every line from the left margin, in points; default 0.
    public var indent: Double
    /// Space below it in points; default 4.
    public var spaceAfter: Double

    /// A paragraph.
    public init(_ text: RichText, style: TextStyle = TextStyle(), indent: Double = 0, spaceAfter: Double = 4) {
        self.text = text
        self.style = style
        self.indent = indent
        self.spaceAfter = spaceAfter
    }
}
