#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Prints messages in protobuf text format exactly as `protoc --decode` does:
/// fields in number order, proto3 defaults omitted, strings C-escaped with octal
/// escapes for non-ASCII bytes, doubles in shortest round-trip `%g` form.
public struct TextFormatPrinter {
    /// The text printed so far.
    public private(set) var output = ""
    private var indent = 0

    /// An empty printer.
    public init() {}

    private mutating func line(_ name: String, _ value: String) {
        output += String(repeating: "  ", count: indent)
        output += name
        output += ": "
        output += value
        output += "\n"
    }

    mutating func integer<T: BinaryInteger>(_ name: String, _ value: T) { line(name, String(value)) }
    mutating func bool(_ name: String, _ value: Bool) { line(name, value ? "true" : "false") }
    mutating func double(_ name: String, _ value: Double) { line(name, Self.format(value)) }
    mutating func float(_ name: String, _ value: Float) { line(name, Self.format(value)) }
    mutating func string(_ name: String, _ value: String) { line(name, "\"" + Self.escape(Array(value.utf8)) + "\"") }
    mutating func bytes(_ name: String, _ value: [UInt8]) { line(name, "\"" + Self.escape(value) + "\"") }
    mutating func enumeration<E: ProtoEnum>(_ name: String, _ value: E) {
        line(name, value.protoName ?? String(value.rawValue))
    }
    mutating func message<M: ProtoMessage>(_ name: String, _ value: M) {
        output += String(repeating: "  ", count: indent) + name + " {\n"
        indent += 1
        value._printText(into: &self)
        indent -= 1
        output += String(repeating: "  ", count: indent) + "}\n"
    }

    /// protobuf's CEscape: named escapes, octal for other non-printable bytes.
    static func escape(_ bytes: [UInt8]) -> String {
        var out = ""
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case 0x0a: out += "\\n"
            case 0x0d: out += "\\r"
            case 0x09: out += "\\t"
            case 0x22: out += "\\\""
            case 0x27: out += "\\'"
            case 0x5c: out += "\\\\"
            case 0x20..<0x7f: out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "\\"
                out.unicodeScalars.append(Unicode.Scalar(0x30 + (byte >> 6)))
                out.unicodeScalars.append(Unicode.Scalar(0x30 + ((byte >> 3) & 7)))
                out.unicodeScalars.append(Unicode.Scalar(0x30 + (byte & 7)))
            }
        }
        return out
    }

    private static func printf(_ format: String, _ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// protobuf's SimpleDtoa.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let short = printf("%.15g", value)
        return strtod(short, nil) == value ? short : printf("%.17g", value)
    }

    /// protobuf's SimpleFtoa.
    static func format(_ value: Float) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let short = printf("%.6g", Double(value))
        return strtof(short, nil) == value ? short : printf("%.9g", Double(value))
    }
}
