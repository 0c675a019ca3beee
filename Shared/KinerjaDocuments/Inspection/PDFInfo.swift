/// The document information dictionary of a PDF (Title, Subject, Keywords, …), read from its
/// bytes without rendering it: how a verifier reads back what ``DocumentMetadata`` wrote.
///
/// Reads PDFs whose information dictionary is a plain object, as Cairo up to 1.16 writes
/// them. A PDF that keeps it inside a compressed object stream is refused as
/// ``DocumentError/Code/unreadableDocument`` (a reader can then ask `pdfinfo`).
public struct PDFInfo: Sendable, Hashable {
    /// Every string entry of the dictionary by key, without the slash (`Keywords`).
    public var fields: [String: String]

    /// Largest PDF read (a printed SKP is a few hundred kilobytes).
    public static let maximumBytes = 64 << 20

    /// Title, or "" when absent.
    public var title: String { fields["Title"] ?? "" }
    /// Subject, or "" when absent.
    public var subject: String { fields["Subject"] ?? "" }
    /// Keywords, or "" when absent.
    public var keywords: String { fields["Keywords"] ?? "" }

    /// Fields given directly.
    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// Reads the information dictionary of the PDF in `bytes`.
    public init(pdf bytes: [UInt8]) throws(DocumentError) {
        guard bytes.count <= Self.maximumBytes else {
            throw DocumentError(.unreadableDocument, "a file of \(bytes.count) bytes is larger than a printed document")
        }
        guard bytes.starts(with: Array("%PDF-".utf8)) else {
            throw DocumentError(.unreadableDocument, "not a PDF (it does not start with %PDF-)")
        }
        guard let info = Self.lastMatch(of: Array("/Info".utf8), in: bytes) else {
            throw DocumentError(.unreadableDocument, "the PDF has no information dictionary")
        }
        var scanner = PDFScanner(bytes: bytes, position: info + 5)
        guard let number = scanner.integer(), let generation = scanner.integer(), scanner.keyword() == "R" else {
            throw DocumentError(.unreadableDocument, "the PDF's /Info entry is not a reference")
        }
        guard let object = Self.objectStart(number: number, generation: generation, in: bytes) else {
            throw DocumentError(.unreadableDocument, "the PDF's information dictionary is compressed or missing (object \(number) \(generation))")
        }
        scanner.position = object
        guard let dictionary = scanner.stringDictionary() else {
            throw DocumentError(.unreadableDocument, "the PDF's information dictionary cannot be parsed")
        }
        fields = dictionary
    }

    /// Offset of the last occurrence of `needle` that ends before `end` (default: anywhere).
    static func lastMatch(of needle: [UInt8], in bytes: [UInt8], before end: Int? = nil) -> Int? {
        let end = min(end ?? bytes.count, bytes.count)
        guard !needle.isEmpty, end >= needle.count else { return nil }
        var index = end - needle.count
        while index >= 0 {
            if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }

    /// Offset just after `N G obj` at the start of a line (the last definition wins, as in an
    /// incremental update).
    static func objectStart(number: Int, generation: Int, in bytes: [UInt8]) -> Int? {
        let header = Array("\(number) \(generation) obj".utf8)
        var searchEnd = bytes.count
        while let found = lastMatch(of: header, in: bytes, before: searchEnd) {
            if found == 0 || [0x0A, 0x0D, 0x20].contains(bytes[found - 1]) { return found + header.count }
            searchEnd = found
        }
        return nil
    }
}

/// Reads the few PDF tokens ``PDFInfo`` needs: integers, keywords, names, strings, dictionaries.
struct PDFScanner {
    let bytes: [UInt8]
    var position: Int

    private static let whitespace: Set<UInt8> = [0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20]
    private static let delimiters: Set<UInt8> = Set("()<>[]{}/%".utf8)

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipWhitespace() {
        while let byte = current {
            if Self.whitespace.contains(byte) {
                position += 1
            } else if byte == UInt8(ascii: "%") {
                while let next = current, next != 0x0A, next != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    /// A non-negative integer.
    mutating func integer() -> Int? {
        skipWhitespace()
        var value = 0, digits = 0
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), digits < 10 {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            position += 1
        }
        return digits > 0 ? value : nil
    }

    /// A bare word (`R`, `obj`, `true`).
    mutating func keyword() -> String {
        skipWhitespace()
        var word: [UInt8] = []
        while let byte = current, !Self.whitespace.contains(byte), !Self.delimiters.contains(byte), word.count < 64 {
            word.append(byte)
            position += 1
        }
        return String(decoding: word, as: UTF8.self)
    }

    /// A `<< /Key value … >>` dictionary; keeps the entries whose value is a string and skips
    /// the others (numbers, names, references, arrays, nested dictionaries).
    mutating func stringDictionary() -> [String: String]? {
        skipWhitespace()
        guard expect("<<") else { return nil }
        var result: [String: String] = [:]
        while true {
            skipWhitespace()
            if expect(">>") { return result }
            guard current == UInt8(ascii: "/") else { return nil }
            position += 1
            let key = keyword()
            skipWhitespace()
            switch current {
            case UInt8(ascii: "("):
                guard let value = literalString() else { return nil }
                result[key] = Self.text(value)
            case UInt8(ascii: "<") where position + 1 < bytes.count && bytes[position + 1] != UInt8(ascii: "<"):
                guard let value = hexString() else { return nil }
                result[key] = Self.text(value)
            default:
                guard skipValue() else { return nil }
            }
        }
    }

    private mutating func expect(_ token: String) -> Bool {
        let token = Array(token.utf8)
        guard position + token.count <= bytes.count, bytes[position..<(position + token.count)].elementsEqual(token) else { return false }
        position += token.count
        return true
    }

    /// Skips one value that is not a string.
    private mutating func skipValue() -> Bool {
        skipWhitespace()
        guard let byte = current else { return false }
        switch byte {
        case UInt8(ascii: "("): return literalString() != nil
        case UInt8(ascii: "<"):
            if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "<") {
                var depth = 0
                while position + 1 < bytes.count {
                    if expect("<<") { depth += 1; continue }
                    if expect(">>") { depth -= 1; if depth == 0 { return true }; continue }
                    position += 1
                }
                return false
            }
            return hexString() != nil
        case UInt8(ascii: "["):
            var depth = 0
            while let next = current {
                position += 1
                if next == UInt8(ascii: "[") { depth += 1 }
                if next == UInt8(ascii: "]") { depth -= 1; if depth == 0 { return true } }
            }
            return false
        case UInt8(ascii: "/"):
            position += 1
            _ = keyword()
            return true
        default:
            // A number, a keyword, or a reference `N G R`.
            let start = position
            _ = keyword()
            let afterFirst = position
            if integer() != nil, keyword() == "R" { return true }
            position = afterFirst
            return position > start
        }
    }

    /// A `( … )` string with balanced parentheses and backslash escapes.
    private mutating func literalString() -> [UInt8]? {
        guard current == UInt8(ascii: "(") else { return nil }
        position += 1
        var result: [UInt8] = []
        var depth = 1
        while let byte = current {
            position += 1
            switch byte {
            case UInt8(ascii: "\\"):
                guard let escaped = current else { return nil }
                position += 1
                switch escaped {
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "b"): result.append(0x08)
                case UInt8(ascii: "f"): result.append(0x0C)
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var value = Int(escaped - UInt8(ascii: "0"))
                    for _ in 0..<2 {
                        guard let digit = current, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(digit) else { break }
                        value = value * 8 + Int(digit - UInt8(ascii: "0"))
                        position += 1
                    }
                    result.append(UInt8(truncatingIfNeeded: value))
                case 0x0A: break
                case 0x0D: if current == 0x0A { position += 1 }
                default: result.append(escaped)
                }
            case UInt8(ascii: "("):
                depth += 1
                result.append(byte)
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return result }
                result.append(byte)
            default:
                result.append(byte)
            }
        }
        return nil
    }

    /// A `< … >` string of hexadecimal digits (an odd last digit counts as followed by 0).
    private mutating func hexString() -> [UInt8]? {
        guard current == UInt8(ascii: "<") else { return nil }
        position += 1
        var digits: [UInt8] = []
        while let byte = current {
            position += 1
            if byte == UInt8(ascii: ">") {
                if digits.count % 2 == 1 { digits.append(0) }
                return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
            }
            if Self.whitespace.contains(byte) { continue }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digits.append(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digits.append(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        return nil
    }

    /// A PDF text string: UTF-16BE after a byte-order mark, else PDFDocEncoding (read as
    /// Latin-1, which it equals for the characters a verifier looks for).
    static func text(_ bytes: [UInt8]) -> String {
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            let units = stride(from: 2, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
            return String(decoding: units, as: UTF16.self)
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(decoding: bytes.dropFirst(3), as: UTF8.self)
        }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
}
