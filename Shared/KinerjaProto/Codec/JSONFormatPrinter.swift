internal import CProtobufC

/// Prints messages in the proto3 JSON mapping by walking their protobuf-c descriptors:
/// lowerCamelCase names, 64-bit integers as strings, bytes as standard base64, enums by proto
/// name (numbers this build does not know as numbers), defaults omitted except for the chosen
/// member of a oneof (or, with `includingDefaults`, every scalar and repeated field outside a oneof
/// printed even when it holds its default — the mapping's "always print primitive fields"
/// option), NaN and infinities as `"NaN"`, `"Infinity"`, `"-Infinity"`.
///
/// The walk reads the same C structure `serializedBytes()` packs, so the JSON shows exactly what
/// would go on the wire.
struct JSONFormatPrinter {
    private(set) var output = ""
    private let pretty: Bool
    private let includingDefaults: Bool
    private var indent = 0

    init(pretty: Bool, includingDefaults: Bool = false) {
        self.pretty = pretty
        self.includingDefaults = includingDefaults
    }

    // MARK: Structure.

    private mutating func newline() {
        guard pretty else { return }
        output += "\n"
        output += String(repeating: "  ", count: indent)
    }

    private mutating func open(_ bracket: String) {
        output += bracket
        indent += 1
    }

    private mutating func close(_ bracket: String, empty: Bool) {
        indent -= 1
        if !empty { newline() }
        output += bracket
    }

    private mutating func separator(first: Bool) {
        if !first { output += "," }
        newline()
    }

    /// Prints one message structure as an object.
    mutating func message(_ base: UnsafeRawPointer, _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>) {
        open("{")
        var first = true
        for index in 0..<Int(descriptor.pointee.n_fields) {
            let field = descriptor.pointee.fields.advanced(by: index)
            guard let count = Self.presentCount(base, field) ?? (includingDefaults ? Self.defaultCount(field) : nil) else { continue }
            separator(first: first)
            first = false
            output += Self.quoted(Self.jsonName(String(cString: field.pointee.name)))
            output += pretty ? ": " : ":"
            if field.pointee.label == PROTOBUF_C_LABEL_REPEATED {
                let array = (base + Int(field.pointee.offset)).load(as: UnsafeRawPointer.self)
                open("[")
                for element in 0..<count {
                    separator(first: element == 0)
                    value(array + element * Self.stride(field), field)
                }
                close("]", empty: count == 0)
            } else {
                value(base + Int(field.pointee.offset), field)
            }
        }
        close("}", empty: first)
    }

    /// Prints the single value stored at `slot`.
    private mutating func value(_ slot: UnsafeRawPointer, _ field: UnsafePointer<ProtobufCFieldDescriptor>) {
        switch field.pointee.type {
        case PROTOBUF_C_TYPE_INT32, PROTOBUF_C_TYPE_SINT32, PROTOBUF_C_TYPE_SFIXED32:
            output += String(slot.load(as: Int32.self))
        case PROTOBUF_C_TYPE_UINT32, PROTOBUF_C_TYPE_FIXED32:
            output += String(slot.load(as: UInt32.self))
        case PROTOBUF_C_TYPE_INT64, PROTOBUF_C_TYPE_SINT64, PROTOBUF_C_TYPE_SFIXED64:
            output += "\"" + String(slot.load(as: Int64.self)) + "\""
        case PROTOBUF_C_TYPE_UINT64, PROTOBUF_C_TYPE_FIXED64:
            output += "\"" + String(slot.load(as: UInt64.self)) + "\""
        case PROTOBUF_C_TYPE_FLOAT:
            let number = slot.load(as: Float.self)
            output += Self.special(Double(number)) ?? TextFormatPrinter.format(number)
        case PROTOBUF_C_TYPE_DOUBLE:
            let number = slot.load(as: Double.self)
            output += Self.special(number) ?? TextFormatPrinter.format(number)
        case PROTOBUF_C_TYPE_BOOL:
            output += slot.load(as: Int32.self) != 0 ? "true" : "false"
        case PROTOBUF_C_TYPE_ENUM:
            let number = slot.load(as: Int32.self)
            let descriptor = field.pointee.descriptor?.assumingMemoryBound(to: ProtobufCEnumDescriptor.self)
            if let descriptor, let known = protobuf_c_enum_descriptor_get_value(descriptor, number) {
                output += Self.quoted(String(cString: known.pointee.name))
            } else {
                output += String(number)
            }
        case PROTOBUF_C_TYPE_STRING:
            let pointer = slot.load(as: UnsafePointer<CChar>?.self)
            output += Self.quoted(pointer.map { String(cString: $0) } ?? "")
        case PROTOBUF_C_TYPE_BYTES:
            let data = slot.load(as: ProtobufCBinaryData.self)
            let bytes = data.data.map { UnsafeBufferPointer(start: $0, count: data.len) } ?? UnsafeBufferPointer(start: nil, count: 0)
            output += "\"" + Self.base64(bytes) + "\""
        case PROTOBUF_C_TYPE_MESSAGE:
            let child = slot.load(as: UnsafeRawPointer?.self)
            let descriptor = field.pointee.descriptor?.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
            if let child, let descriptor {
                message(child, descriptor)
            } else {
                output += "{}"
            }
        default:
            output += "null"
        }
    }

    // MARK: Presence.

    /// nil when the field is omitted; otherwise the number of elements (1 for a singular field).
    private static func presentCount(_ base: UnsafeRawPointer, _ field: UnsafePointer<ProtobufCFieldDescriptor>) -> Int? {
        let descriptor = field.pointee
        let quantifier = base + Int(descriptor.quantifier_offset)
        if descriptor.label == PROTOBUF_C_LABEL_REPEATED {
            let count = quantifier.load(as: Int.self)
            let array = (base + Int(descriptor.offset)).load(as: UnsafeRawPointer?.self)
            return count > 0 && array != nil ? count : nil
        }
        if descriptor.flags & UInt32(PROTOBUF_C_FIELD_FLAG_ONEOF.rawValue) != 0 {
            // The chosen member of a oneof is printed even when it holds its default.
            return quantifier.load(as: UInt32.self) == descriptor.id ? 1 : nil
        }
        let slot = base + Int(descriptor.offset)
        switch descriptor.type {
        case PROTOBUF_C_TYPE_STRING:
            guard let pointer = slot.load(as: UnsafePointer<CChar>?.self) else { return nil }
            if descriptor.label == PROTOBUF_C_LABEL_NONE, pointer.pointee == 0 { return nil }
            return 1
        case PROTOBUF_C_TYPE_MESSAGE:
            return slot.load(as: UnsafeRawPointer?.self) == nil ? nil : 1
        default:
            if descriptor.label == PROTOBUF_C_LABEL_OPTIONAL {
                return quantifier.load(as: Int32.self) != 0 ? 1 : nil
            }
            if descriptor.label == PROTOBUF_C_LABEL_REQUIRED { return 1 }
            return isZero(slot, descriptor.type) ? nil : 1
        }
    }

    /// With `includingDefaults`, how many elements an omitted field prints: none for a repeated
    /// field (`[]`), its default for a scalar; nil (still omitted) for a message or a oneof member.
    private static func defaultCount(_ field: UnsafePointer<ProtobufCFieldDescriptor>) -> Int? {
        if field.pointee.flags & UInt32(PROTOBUF_C_FIELD_FLAG_ONEOF.rawValue) != 0 { return nil }
        if field.pointee.label == PROTOBUF_C_LABEL_REPEATED { return 0 }
        return field.pointee.type == PROTOBUF_C_TYPE_MESSAGE ? nil : 1
    }

    /// Whether a proto3 scalar holds its default (all-zero bits, so -0.0 counts as set, like protoc).
    private static func isZero(_ slot: UnsafeRawPointer, _ type: ProtobufCType) -> Bool {
        switch type {
        case PROTOBUF_C_TYPE_INT64, PROTOBUF_C_TYPE_SINT64, PROTOBUF_C_TYPE_SFIXED64,
             PROTOBUF_C_TYPE_UINT64, PROTOBUF_C_TYPE_FIXED64, PROTOBUF_C_TYPE_DOUBLE:
            return slot.load(as: UInt64.self) == 0
        case PROTOBUF_C_TYPE_BYTES:
            return slot.load(as: ProtobufCBinaryData.self).len == 0
        default:
            return slot.load(as: UInt32.self) == 0
        }
    }

    /// Size of one element of a repeated field in protobuf-c's array.
    private static func stride(_ field: UnsafePointer<ProtobufCFieldDescriptor>) -> Int {
        switch field.pointee.type {
        case PROTOBUF_C_TYPE_INT64, PROTOBUF_C_TYPE_SINT64, PROTOBUF_C_TYPE_SFIXED64,
             PROTOBUF_C_TYPE_UINT64, PROTOBUF_C_TYPE_FIXED64, PROTOBUF_C_TYPE_DOUBLE:
            return 8
        case PROTOBUF_C_TYPE_STRING, PROTOBUF_C_TYPE_MESSAGE:
            return MemoryLayout<UnsafeRawPointer?>.stride
        case PROTOBUF_C_TYPE_BYTES:
            return MemoryLayout<ProtobufCBinaryData>.stride
        default:
            return 4
        }
    }

    // MARK: Scalars.

    /// protoc's ToJsonName: underscores dropped, the letter after each one upper-cased.
    static func jsonName(_ protoName: String) -> String {
        var result = ""
        var capitalizeNext = false
        for character in protoName {
            if character == "_" {
                capitalizeNext = true
            } else if capitalizeNext {
                result += character.uppercased()
                capitalizeNext = false
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func special(_ number: Double) -> String? {
        if number.isNaN { return "\"NaN\"" }
        if number.isInfinite { return number < 0 ? "\"-Infinity\"" : "\"Infinity\"" }
        return nil
    }

    private static let hex: [Character] = Array("0123456789abcdef")

    /// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped;
    /// U+2028 and U+2029 escaped too so the output is also a valid JavaScript literal.
    static func quoted(_ string: String) -> String {
        var result = "\""
        result.reserveCapacity(string.utf8.count + 2)
        for scalar in string.unicodeScalars {
            switch scalar.value {
            case 0x22: result += "\\\""
            case 0x5c: result += "\\\\"
            case 0x08: result += "\\b"
            case 0x0c: result += "\\f"
            case 0x0a: result += "\\n"
            case 0x0d: result += "\\r"
            case 0x09: result += "\\t"
            case 0x00..<0x20, 0x7f, 0x2028, 0x2029:
                let value = Int(scalar.value)
                result += "\\u"
                for shift in Swift.stride(from: 12, through: 0, by: -4) { result.append(hex[(value >> shift) & 0xf]) }
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        result += "\""
        return result
    }

    private static let alphabet: [Character] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    /// Standard base64 (RFC 4648 §4) with padding, as the proto3 JSON mapping prints bytes.
    static func base64(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var result = ""
        result.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let b0 = UInt32(bytes[index])
            let b1 = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let b2 = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            result.append(alphabet[Int(group >> 18 & 63)])
            result.append(alphabet[Int(group >> 12 & 63)])
            result.append(remaining > 1 ? alphabet[Int(group >> 6 & 63)] : "=")
            result.append(remaining > 2 ? alphabet[Int(group & 63)] : "=")
            index += 3
        }
        return result
    }
}

extension ProtoMessage {
    /// The message in the proto3 JSON mapping (see ``JSONFormatPrinter``), indented by two spaces
    /// when `pretty`, on one line otherwise; with `includingDefaults`, scalar and repeated fields
    /// are printed even when they hold their default (a receiver that wants every field named).
    ///
    /// A message holding a string with U+0000, which protobuf-c can neither send nor receive, prints
    /// as an object with the single member `"@error"` explaining why.
    public func jsonString(pretty: Bool = true, includingDefaults: Bool = false) -> String {
        let arena = EncodeArena()
        let built: UnsafeMutablePointer<ProtobufCMessage>
        do {
            built = try arena.build(self)
        } catch {
            return "{\"@error\":" + JSONFormatPrinter.quoted("\(Self.protoName) cannot be printed: \(error.message)") + "}"
        }
        var printer = JSONFormatPrinter(pretty: pretty, includingDefaults: includingDefaults)
        printer.message(UnsafeRawPointer(built), Self._layout.descriptor)
        return printer.output
    }
}
