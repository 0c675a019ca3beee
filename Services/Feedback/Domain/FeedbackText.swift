/// The text rules every feedback field shares: length after trimming, and no control characters.
///
/// A text is measured as the contract counts it — Unicode scalars, after trimming leading and
/// trailing white space — and the trimmed text is what a handler stores. NUL and every other
/// control character (Unicode general category Cc: C0, DEL, C1) are refused: they corrupt logs
/// and exports and have no place in a note. Multi-line texts (feedback, summaries, comments) may
/// hold tab, line feed and carriage return; single-line texts (a topic, a service name) none.
public enum FeedbackText {
    /// Whether a text may span lines.
    public enum Lines: Sendable, Hashable {
        /// One line: no control character at all.
        case single
        /// Several lines: tab, line feed and carriage return are allowed.
        case multi
    }

    /// The trimmed `text`, checked to be `range` characters long (a lower bound of 0 allows empty).
    ///
    /// - Throws: ``FeedbackError`` `TEXT_REQUIRED`, `TEXT_TOO_LONG` or `TEXT_CONTROL_CHARACTER` about `field`.
    public static func validated(_ text: String, field: String, range: ClosedRange<Int>, lines: Lines = .multi) throws(FeedbackError) -> String {
        let trimmed = text.trimmedForFeedback
        if let bad = trimmed.unicodeScalars.first(where: { !isAllowed($0, lines: lines) }) {
            let hex = String(bad.value, radix: 16, uppercase: true)
            let which = bad.value == 0 ? "NUL" : "control character U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            throw FeedbackError(.textControlCharacter,
                                "\(field) must not contain \(which)" + (lines == .single ? " (one line of text)" : ""), field: field)
        }
        let count = trimmed.unicodeScalars.count
        if count == 0, range.lowerBound > 0 {
            throw FeedbackError(.textRequired, "\(field) is required (\(range.lowerBound)-\(range.upperBound) characters)", field: field)
        }
        if count < range.lowerBound || count > range.upperBound {
            let code: FeedbackError.Code = count > range.upperBound ? .textTooLong : .textRequired
            let bounds = range.lowerBound == 0 ? "at most \(range.upperBound)" : "\(range.lowerBound)-\(range.upperBound)"
            throw FeedbackError(code, "\(field) must be \(bounds) characters, got \(count)", field: field)
        }
        return trimmed
    }

    /// The trimmed `text`, at most `maximum` characters, possibly empty.
    public static func validated(_ text: String, field: String, maximum: Int, lines: Lines = .multi) throws(FeedbackError) -> String {
        try validated(text, field: field, range: 0...maximum, lines: lines)
    }

    /// Whether `scalar` may appear in a text of `lines`.
    static func isAllowed(_ scalar: Unicode.Scalar, lines: Lines) -> Bool {
        guard scalar.properties.generalCategory == .control else { return true }
        return lines == .multi && (scalar == "\t" || scalar == "\n" || scalar == "\r")
    }
}

extension String {
    /// The text without leading and trailing white space (Unicode's White_Space property).
    var trimmedForFeedback: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
