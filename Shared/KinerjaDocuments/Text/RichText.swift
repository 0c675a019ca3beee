/// Text with runs in bold, italics or monospace, laid out as one block that wraps.
///
/// Built from plain strings (`"Nama"`), the span helpers (`.bold("NIP")`) and `+`. Line breaks
/// (`\n`) start a new line; everything else is set as given: no markup is interpreted, so text
/// from users cannot change how a document looks.
public struct RichText: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    /// One run of text with one set of attributes.
    public struct Span: Sendable, Hashable {
        /// The characters.
        public var text: String
        /// Set in bold.
        public var bold: Bool
        /// Set in italics.
        public var italic: Bool
        /// Set in the monospace family (``TextStyle/monospaceFamilies``).
        public var monospace: Bool

        /// A run of `text` with the given attributes.
        public init(_ text: String, bold: Bool = false, italic: Bool = false, monospace: Bool = false) {
            self.text = text
            self.bold = bold
            self.italic = italic
            self.monospace = monospace
        }
    }

    /// The runs, in order.
    public var spans: [Span]

    /// Plain text.
    public init(_ text: String) {
        spans = text.isEmpty ? [] : [Span(text)]
    }

    /// Text made of `spans`.
    public init(spans: [Span]) {
        self.spans = spans
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// `text` in bold.
    public static func bold(_ text: String) -> RichText { RichText(spans: [Span(text, bold: true)]) }
    /// `text` in italics.
    public static func italic(_ text: String) -> RichText { RichText(spans: [Span(text, italic: true)]) }
    /// `text` in the monospace family.
    public static func monospace(_ text: String) -> RichText { RichText(spans: [Span(text, monospace: true)]) }

    /// The runs of `left` followed by those of `right`.
    public static func + (left: RichText, right: RichText) -> RichText {
        RichText(spans: left.spans + right.spans)
    }

    /// The characters without attributes.
    public var plainText: String { spans.map(\.text).joined() }

    /// True when there is nothing to set.
    public var isEmpty: Bool { spans.allSatisfy { $0.text.isEmpty } }

    /// Pango markup for the runs, every character of the text escaped, and control characters
    /// other than line breaks and tabs dropped (Pango refuses them).
    var markup: String {
        var result = ""
        for span in spans {
            var open = "", close = ""
            if span.monospace {
                open += "<span font_family=\"\(TextStyle.monospaceFamilies)\">"
                close = "</span>" + close
            }
            if span.bold { open += "<b>"; close = "</b>" + close }
            if span.italic { open += "<i>"; close = "</i>" + close }
            result += open + Self.escaped(span.text) + close
        }
        return result
    }

    /// `text` with the five markup characters as entities and unusable control characters removed.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n", "\t": result.unicodeScalars.append(scalar)
            case "\r": continue
            default:
                // C0/C1 controls and noncharacters make Pango reject the whole markup.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.isNoncharacterCodePoint {
                    continue
                }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
