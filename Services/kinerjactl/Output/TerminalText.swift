/// Text as a terminal shows it: how many columns it takes, and what may safely be printed.
enum TerminalText {
    /// Columns a string takes in a terminal: 2 for East Asian wide and emoji characters, 0 for a
    /// lone combining mark or format character, 1 for everything else (one per grapheme cluster).
    static func width(_ text: String) -> Int {
        text.reduce(0) { $0 + width($1) }
    }

    /// Columns one grapheme cluster takes.
    static func width(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        if isWide(first.value) || first.properties.isEmojiPresentation { return 2 }
        // A text-style emoji followed by VARIATION SELECTOR-16 is drawn as an emoji.
        if first.properties.isEmoji, character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return 1
    }

    /// East Asian Wide and Fullwidth ranges (UAX #11) that terminals draw two columns wide.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The text with everything that could move the cursor or reorder the line replaced: line
    /// breaks and tabs by a space, other control characters by U+FFFD, bidirectional overrides
    /// and isolates dropped. Server data (names, messages) goes through this before it is printed.
    static func sanitized(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D:
                result.append(" ")
            case 0x00..<0x20, 0x7F..<0xA0:
                result.append("\u{FFFD}")
            case 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The text cut to at most `columns` columns, ending in "…" when something was cut.
    static func truncated(_ text: String, toWidth columns: Int) -> String {
        guard width(text) > columns else { return text }
        guard columns > 0 else { return "" }
        var result = ""
        var used = 0
        for character in text {
            let next = width(character)
            if used + next > columns - 1 { break }
            result.append(character)
            used += next
        }
        return result + "…"
    }

    /// The text padded with spaces to `columns` columns, on the right or on the left.
    static func padded(_ text: String, toWidth columns: Int, alignRight: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, columns - width(text)))
        return alignRight ? padding + text : text + padding
    }
}
