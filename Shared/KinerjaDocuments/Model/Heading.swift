/// A title line; never left alone at the bottom of a page (it moves with what follows).
public struct Heading: Sendable, Hashable {
    /// The text.
    public var text: RichText
    /// How it is set; default 11 pt bold, centred.
    public var style: TextStyle
    /// Space below it in points; default 2.
    public var spaceAfter: Double

    /// A heading.
    public init(_ text: RichText, style: TextStyle = TextStyle(size: 11, bold: true, alignment: .center), spaceAfter: Double = 2) {
        self.text = text
        self.style = style
        self.spaceAfter = spaceAfter
    }
}
