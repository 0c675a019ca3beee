internal import CProtobufC
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

extension ProtoError.Code {
    /// The text is not JSON, or not the proto3 JSON form of the message (an unknown field, a
    /// value of the wrong type or out of range, two members of one oneof).
    public static let invalidJSON = ProtoError.Code(name: "invalid JSON")
}

/// Reads the proto3 JSON mapping into a protobuf-c message structure by walking the same
/// descriptors ``JSONFormatPrinter`` prints from; `protobuf_c_message_pack` then encodes it, so
/// JSON input reaches the wire exactly as any other message does.
///
/// Accepted, as protobuf's own parsers accept it: a field by its lowerCamelCase JSON name or its
/// proto name; `null` for "not set"; integers as numbers or decimal strings (64-bit ones
/// typically as strings), also in exponent form when the value is integral; floats as numbers,
/// numeric strings, `"NaN"`, `"Infinity"`, `"-Infinity"`; enums by name or number; bytes in
/// standard or URL-safe base64, padded or not. Refused, with the field's path in the message:
/// an unknown field, a field given twice, a value of the wrong type or out of range, two members
/// of one oneof, `null` inside an array, a string with U+0000 (protobuf-c strings cannot carry it).
struct JSONFormatParser {
    let arena: EncodeArena
    /// The proto name of the top-level message, for errors.
    let typeName: String
    /// Messages nest at most this deep (the decoder's own limit).
    let maxDepth: Int

    private func error(_ path: String, _ message: String) -> ProtoError {
        ProtoError(.invalidJSON, typeName, path.isEmpty ? message : "field \(path): \(message)")
    }

    /// A new message structure of `descriptor` filled from `value`, which must be an object.
    func message(_ value: JSONValue, _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>, path: String,
                 depth: Int) throws(ProtoError) -> UnsafeMutableRawPointer {
        guard depth <= maxDepth else { throw error(path, "messages nest deeper than \(maxDepth) levels") }
        guard case .object(let members) = value else {
            throw error(path, "expected an object for \(String(cString: descriptor.pointee.name)), got \(value.kind)")
        }
        let base = arena.allocate(descriptor.pointee.sizeof_message)
        protobuf_c_message_init(descriptor, base)
        var seen: [Int: String] = [:]
        var chosenOneofs: [UInt32: String] = [:]
        for member in members {
            guard let index = Self.fieldIndex(member.key, descriptor) else {
                throw error(Self.join(path, member.key), "unknown field of \(String(cString: descriptor.pointee.name))")
            }
            let field = descriptor.pointee.fields.advanced(by: index)
            let fieldPath = Self.join(path, member.key)
            if let earlier = seen[index] {
                throw error(fieldPath, "given twice (also as \"\(earlier)\")")
            }
            seen[index] = member.key
            if case .null = member.value { continue }
            if field.pointee.flags & UInt32(PROTOBUF_C_FIELD_FLAG_ONEOF.rawValue) != 0 {
                let group = field.pointee.quantifier_offset
                if let other = chosenOneofs[group] {
                    throw error(fieldPath, "\"\(other)\" of the same oneof is already set; give at most one")
                }
                chosenOneofs[group] = member.key
                (base + Int(group)).storeBytes(of: field.pointee.id, as: UInt32.self)
                try store(member.value, at: base + Int(field.pointee.offset), field, path: fieldPath, depth: depth)
                continue
            }
            if field.pointee.label == PROTOBUF_C_LABEL_REPEATED {
                try repeated(member.value, base: base, field, path: fieldPath, depth: depth)
                continue
            }
            try store(member.value, at: base + Int(field.pointee.offset), field, path: fieldPath, depth: depth)
            if field.pointee.label == PROTOBUF_C_LABEL_OPTIONAL, Self.hasPresenceFlag(field.pointee.type) {
                (base + Int(field.pointee.quantifier_offset)).storeBytes(of: Int32(1), as: Int32.self)
            }
        }
        return base
    }

    private func repeated(_ value: JSONValue, base: UnsafeMutableRawPointer, _ field: UnsafePointer<ProtobufCFieldDescriptor>,
                          path: String, depth: Int) throws(ProtoError) {
        guard case .array(let elements) = value else { throw error(path, "expected an array, got \(value.kind)") }
        guard !elements.isEmpty else { return }
        let stride = Self.stride(field.pointee.type)
        let array = arena.allocate(elements.count * stride)
        for (index, element) in elements.enumerated() {
            let elementPath = "\(path)[\(index)]"
            if case .null = element { throw error(elementPath, "null is not allowed in a repeated field") }
            try store(element, at: array + index * stride, field, path: elementPath, depth: depth)
        }
        (base + Int(field.pointee.quantifier_offset)).storeBytes(of: elements.count, as: Int.self)
        (base + Int(field.pointee.offset)).storeBytes(of: array, as: UnsafeMutableRawPointer.self)
    }

    /// Stores one value of `field`'s type at `slot`.
    private func store(_ value: JSONValue, at slot: UnsafeMutableRawPointer, _ field: UnsafePointer<ProtobufCFieldDescriptor>,
                       path: String, depth: Int) throws(ProtoError) {
        switch field.pointee.type {
        case PROTOBUF_C_TYPE_INT32, PROTOBUF_C_TYPE_SINT32, PROTOBUF_C_TYPE_SFIXED32:
            slot.storeBytes(of: try integer(value, Int32.self, "int32", path), as: Int32.self)
        case PROTOBUF_C_TYPE_UINT32, PROTOBUF_C_TYPE_FIXED32:
            slot.storeBytes(of: try integer(value, UInt32.self, "uint32", path), as: UInt32.self)
        case PROTOBUF_C_TYPE_INT64, PROTOBUF_C_TYPE_SINT64, PROTOBUF_C_TYPE_SFIXED64:
            slot.storeBytes(of: try integer(value, Int64.self, "int64", path), as: Int64.self)
        case PROTOBUF_C_TYPE_UINT64, PROTOBUF_C_TYPE_FIXED64:
            slot.storeBytes(of: try integer(value, UInt64.self, "uint64", path), as: UInt64.self)
        case PROTOBUF_C_TYPE_FLOAT:
            slot.storeBytes(of: try float(value, path), as: Float.self)
        case PROTOBUF_C_TYPE_DOUBLE:
            slot.storeBytes(of: try double(value, path), as: Double.self)
        case PROTOBUF_C_TYPE_BOOL:
            guard case .bool(let flag) = value else { throw error(path, "expected true or false, got \(value.kind)") }
            slot.storeBytes(of: Int32(flag ? 1 : 0), as: Int32.self)
        case PROTOBUF_C_TYPE_ENUM:
            slot.storeBytes(of: try enumeration(value, field, path), as: Int32.self)
        case PROTOBUF_C_TYPE_STRING:
            guard case .string(let text) = value else { throw error(path, "expected a string, got \(value.kind)") }
            let pointer = try arena.cString(text, field: { path }, type: typeName)
            slot.storeBytes(of: pointer, as: UnsafeMutablePointer<CChar>.self)
        case PROTOBUF_C_TYPE_BYTES:
            guard case .string(let text) = value else { throw error(path, "expected a base64 string, got \(value.kind)") }
            guard let bytes = Self.base64(text) else { throw error(path, "\"\(Self.clip(text))\" is not base64") }
            let data = bytes.isEmpty
                ? ProtobufCBinaryData(len: 0, data: nil)
                : ProtobufCBinaryData(len: bytes.count, data: arena.copy(bytes).assumingMemoryBound(to: UInt8.self))
            slot.storeBytes(of: data, as: ProtobufCBinaryData.self)
        case PROTOBUF_C_TYPE_MESSAGE:
            guard let descriptor = field.pointee.descriptor?.assumingMemoryBound(to: ProtobufCMessageDescriptor.self) else {
                throw error(path, "the field has no message descriptor")
            }
            let child = try message(value, descriptor, path: path, depth: depth + 1)
            slot.storeBytes(of: child, as: UnsafeMutableRawPointer.self)
        default:
            throw error(path, "fields of this type cannot be read from JSON")
        }
    }

    // MARK: Scalars.

    /// An integer from a JSON number or a string holding one; exponent forms must be integral.
    private func integer<T: FixedWidthInteger>(_ value: JSONValue, _: T.Type, _ typeName: String, _ path: String) throws(ProtoError) -> T {
        let text: String
        switch value {
        case .number(let literal): text = literal
        case .string(let literal): text = literal
        default: throw error(path, "expected an integer (\(typeName)), got \(value.kind)")
        }
        if let exact = T(text, radix: 10), !text.hasPrefix("+") { return exact }
        guard Self.isJSONNumber(text) else { throw error(path, "\"\(Self.clip(text))\" is not an integer (\(typeName))") }
        let digitsOnly = !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
        if digitsOnly { throw error(path, "\(text) is out of range for \(typeName)") }
        guard let number = Double(text), number.isFinite, number.rounded(.towardZero) == number else {
            throw error(path, "\(text) is not an integer (\(typeName))")
        }
        // Beyond 2^53 a double no longer names one integer: such values must be written out.
        guard abs(number) <= 9_007_199_254_740_992, let exact = T(exactly: number) else {
            throw error(path, "\(text) is out of range for \(typeName)")
        }
        return exact
    }

    private func double(_ value: JSONValue, _ path: String) throws(ProtoError) -> Double {
        let text = try floatText(value, path)
        if let special = Self.special(text) { return special }
        guard Self.isJSONNumber(text), let number = Double(text) else {
            throw error(path, "\"\(Self.clip(text))\" is not a number")
        }
        guard number.isFinite else { throw error(path, "\(text) is out of range for double") }
        return number
    }

    private func float(_ value: JSONValue, _ path: String) throws(ProtoError) -> Float {
        let text = try floatText(value, path)
        if let special = Self.special(text) { return Float(special) }
        guard Self.isJSONNumber(text), let number = Float(text) else {
            throw error(path, "\"\(Self.clip(text))\" is not a number")
        }
        guard number.isFinite else { throw error(path, "\(text) is out of range for float") }
        return number
    }

    private func floatText(_ value: JSONValue, _ path: String) throws(ProtoError) -> String {
        switch value {
        case .number(let text), .string(let text): return text
        default: throw error(path, "expected a number, got \(value.kind)")
        }
    }

    private static func special(_ text: String) -> Double? {
        switch text {
        case "NaN": .nan
        case "Infinity": .infinity
        case "-Infinity": -.infinity
        default: nil
        }
    }

    /// An enum value by its proto name, or by number (proto3 enums are open).
    private func enumeration(_ value: JSONValue, _ field: UnsafePointer<ProtobufCFieldDescriptor>, _ path: String) throws(ProtoError) -> Int32 {
        let descriptor = field.pointee.descriptor?.assumingMemoryBound(to: ProtobufCEnumDescriptor.self)
        let enumName = descriptor.map { String(cString: $0.pointee.name) } ?? "enum"
        switch value {
        case .string(let name):
            guard let descriptor, let known = protobuf_c_enum_descriptor_get_value_by_name(descriptor, name) else {
                throw error(path, "\"\(Self.clip(name))\" is not a value of \(enumName)")
            }
            return known.pointee.value
        case .number:
            return try integer(value, Int32.self, enumName, path)
        default:
            throw error(path, "expected a name or number of \(enumName), got \(value.kind)")
        }
    }

    // MARK: Descriptors.

    /// The index of the field named `key` (JSON name or proto name).
    static func fieldIndex(_ key: String, _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>) -> Int? {
        // protobuf-c keeps proto names sorted; the JSON name differs only where there is an underscore.
        let count = Int(descriptor.pointee.n_fields)
        if let field = key.withCString({ protobuf_c_message_descriptor_get_field_by_name(descriptor, $0) }) {
            return descriptor.pointee.fields.distance(to: field)
        }
        for index in 0..<count {
            let field = descriptor.pointee.fields.advanced(by: index)
            guard strchr(field.pointee.name, 0x5F) != nil else { continue }
            if key == JSONFormatPrinter.jsonName(String(cString: field.pointee.name)) { return index }
        }
        return nil
    }

    /// Whether an optional field of this type has a `has_` flag (pointers mark presence by themselves).
    private static func hasPresenceFlag(_ type: ProtobufCType) -> Bool {
        type != PROTOBUF_C_TYPE_STRING && type != PROTOBUF_C_TYPE_MESSAGE
    }

    /// Size of one element of a repeated field in protobuf-c's array.
    private static func stride(_ type: ProtobufCType) -> Int {
        switch type {
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

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    // MARK: Text.

    /// Whether `text` is a JSON number literal (the grammar of RFC 8259 §6).
    static func isJSONNumber(_ text: String) -> Bool {
        guard case .number? = try? JSONReader.read(text) else { return false }
        return true
    }

    private static func clip(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    /// Standard or URL-safe base64 (RFC 4648 §4, §5), padded or not; nil for anything else.
    static func base64(_ text: String) -> [UInt8]? {
        var symbols = Array(text.utf8)
        if symbols.count % 4 == 0 {
            if symbols.last == UInt8(ascii: "=") { symbols.removeLast() }
            if symbols.last == UInt8(ascii: "=") { symbols.removeLast() }
        }
        guard symbols.count % 4 != 1 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(symbols.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for symbol in symbols {
            let value: UInt32
            switch symbol {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(symbol - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(symbol - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(symbol - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            default: return nil
            }
            accumulator = accumulator << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        // Bits left over must be zero, or the text was not produced by an encoder.
        guard accumulator & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
        return output
    }
}

extension ProtoMessage {
    /// Reads a message from its proto3 JSON form (see ``JSONFormatParser``); the inverse of
    /// ``jsonString(pretty:)``. Every failure is a ``ProtoError`` with code `invalidJSON` whose
    /// message names the field, e.g. `field periodStart.month: expected an integer (int32), got a string`.
    public init(jsonString text: String, limits: DecodingLimits = .default) throws(ProtoError) {
        let value: JSONValue
        do {
            value = try JSONReader.read(text, maxDepth: 2 * limits.maxDepth)
        } catch {
            throw ProtoError(.invalidJSON, Self.protoName, "not JSON at byte \(error.offset): \(error.reason)")
        }
        let arena = EncodeArena()
        let parser = JSONFormatParser(arena: arena, typeName: Self.protoName, maxDepth: limits.maxDepth)
        let base = try parser.message(value, Self._layout.descriptor, path: "", depth: 1)
        let message = base.assumingMemoryBound(to: ProtobufCMessage.self)
        let size = protobuf_c_message_get_packed_size(message)
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = size == 0 ? 0 : protobuf_c_message_pack(message, buffer.baseAddress!)
        }
        try self.init(serializedBytes: bytes, limits: limits)
    }
}
