internal import CProtobufC
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Checks wire bytes before protobuf-c unpacks them: well-formed tags and
/// lengths, nesting depth, and no NUL inside string fields (protobuf-c's
/// NUL-terminated strings would silently truncate them).
enum WireScanner {
    static func validate(_ bytes: UnsafeRawBufferPointer,
                         descriptor: UnsafePointer<ProtobufCMessageDescriptor>,
                         maxDepth: Int,
                         messageType: String) throws(ProtoError) {
        guard maxDepth >= 1 else {
            throw ProtoError(.nestingTooDeep, messageType, "the depth limit is below 1")
        }
        try scan(bytes, descriptor: descriptor, depth: 1, maxDepth: maxDepth, messageType: messageType)
    }

    private static func malformed(_ type: String, _ why: String) -> ProtoError {
        ProtoError(.malformed, type, why)
    }

    private static func varint(_ bytes: UnsafeRawBufferPointer, _ position: inout Int,
                               _ type: String) throws(ProtoError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if shift == 63 && byte > 1 { throw malformed(type, "varint overflows 64 bits") }
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw malformed(type, "varint longer than 10 bytes") }
        }
        throw malformed(type, "truncated varint")
    }

    private static func scan(_ bytes: UnsafeRawBufferPointer,
                             descriptor: UnsafePointer<ProtobufCMessageDescriptor>,
                             depth: Int, maxDepth: Int, messageType: String) throws(ProtoError) {
        var position = 0
        while position < bytes.count {
            let key = try varint(bytes, &position, messageType)
            let number = key >> 3
            guard number >= 1, number <= 536_870_911 else {
                throw malformed(messageType, "field number \(number) is out of range")
            }
            switch key & 7 {
            case 0:
                _ = try varint(bytes, &position, messageType)
            case 1, 5:
                let width = key & 7 == 1 ? 8 : 4
                guard bytes.count - position >= width else {
                    throw malformed(messageType, "truncated fixed-width field \(number)")
                }
                position += width
            case 2:
                let length = try varint(bytes, &position, messageType)
                guard length <= UInt64(bytes.count - position) else {
                    throw malformed(messageType, "field \(number) claims \(length) bytes, \(bytes.count - position) remain")
                }
                let payload = UnsafeRawBufferPointer(rebasing: bytes[position..<(position + Int(length))])
                position += Int(length)
                guard let field = protobuf_c_message_descriptor_get_field(descriptor, UInt32(number)) else {
                    continue  // unknown field: tolerated, skipped
                }
                switch field.pointee.type {
                case PROTOBUF_C_TYPE_MESSAGE:
                    guard depth < maxDepth else {
                        throw ProtoError(.nestingTooDeep, messageType, "messages nest deeper than \(maxDepth)")
                    }
                    let child = field.pointee.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
                    try scan(payload, descriptor: child, depth: depth + 1, maxDepth: maxDepth, messageType: messageType)
                case PROTOBUF_C_TYPE_STRING:
                    if let base = payload.baseAddress, memchr(base, 0, payload.count) != nil {
                        throw ProtoError(.stringContainsNUL, messageType,
                                         "field \(String(cString: field.pointee.name)) contains U+0000")
                    }
                default:
                    break
                }
            case 3, 4:
                throw malformed(messageType, "groups (wire types 3 and 4) are not part of proto3")
            default:
                throw malformed(messageType, "invalid wire type \(key & 7) for field \(number)")
            }
        }
    }
}
