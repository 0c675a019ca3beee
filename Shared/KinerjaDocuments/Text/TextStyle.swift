/// How text is set: font, size, weight, slant, colour and alignment.
public struct TextStyle: Sendable, Hashable {
    /// Horizontal alignment of the lines of a text block.
    public enum Alignment: Sendable, Hashable {
        /// Ragged right.
        case left
        /// Centred.
        case center
        /// Ragged left.
        case right
        /// Both edges straight (the last line ragged right).
        case justified
    }

    /// The font families Debian ships for documents, first found wins: Liberation Sans
    /// (`fonts-liberation2`, metrics of Arial, as official forms are set), then DejaVu Sans
    /// (`fonts-dejavu-core`). Both cover Indonesian and the other Latin scripts.
    public static let documentFamilies = "Liberation Sans, DejaVu Sans"
    /// The monospace family for hashes and identifiers (`fonts-dejavu-core`).
    public static let monospaceFamilies = "DejaVu Sans Mono, Liberation Mono"

    /// Comma-separated font families, first available wins; default ``documentFamilies``.
    public var family: String
    /// Size in points; default 9.
    public var size: Double
    /// Bold.
    public var bold: Bool
    /// Italic.
    public var italic: Bool
    /// Colour; default black.
    public var color: Color
    /// Alignment; default left.
    public var alignment: Alignment

    /// A style; every parameter has the default documented on its property.
    public init(family: String = TextStyle.documentFamilies, size: Double = 9, bold: Bool = false, italic: Bool = false,
                color: Color = .black, alignment: Alignment = .left) {
        self.family = family
        self.size = size
        self.bold = bold
        self.italic = italic
        self.color = color
        self.alignment = alignment
    }

    /// This style in bold.
    public var bolded: TextStyle { with { $0.bold = true } }
    /// This style in italics.
    public var italicized: TextStyle { with { $0.italic = true } }
    /// This style centred.
    public var centered: TextStyle { with { $0.alignment = .center } }
    /// This style at `size` points.
    public func sized(_ size: Double) -> TextStyle { with { $0.size = size } }
    /// This style aligned `alignment`.
    public func aligned(_ alignment: Alignment) -> TextStyle { with { $0.alignment = alignment } }

    private func with(_ change: (inout TextStyle) -> Void) -> TextStyle {
        var copy = self
        change(&copy)
        return copy
    }
}
