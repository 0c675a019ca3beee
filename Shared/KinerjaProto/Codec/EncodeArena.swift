internal import CProtobufC
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Memory for the protobuf-c structures of one encode, freed all at once.
final class EncodeArena {
    private var chunks: [UnsafeMutableRawPointer] = []
    private var cursor: UnsafeMutableRawPointer?
    private var remaining = 0
    private var nextChunkSize = 4096

    deinit {
        for chunk in chunks { free(chunk) }
    }

    /// Uninitialised memory of `size` bytes, 16-byte aligned.
    func allocate(_ size: Int) -> UnsafeMutableRawPointer {
        let rounded = (size + 15) & ~15
        if rounded > remaining {
            let chunkSize = max(rounded, nextChunkSize)
            nextChunkSize = min(nextChunkSize * 2, 1 << 20)
            // A failed malloc here is an out-of-memory condition of the process itself.
            guard let chunk = malloc(chunkSize) else { preconditionFailure("out of memory") }
            chunks.append(chunk)
            cursor = chunk
            remaining = chunkSize
        }
        let result = cursor!
        cursor = result + rounded
        remaining -= rounded
        return result
    }

    /// Builds the protobuf-c structure for `value`.
    func build<M: ProtoMessage>(_ value: M) throws(ProtoError) -> UnsafeMutablePointer<ProtobufCMessage> {
        let descriptor = M._layout.descriptor
        let memory = allocate(descriptor.pointee.sizeof_message)
        let message = memory.assumingMemoryBound(to: ProtobufCMessage.self)
        protobuf_c_message_init(descriptor, memory)
        var encoder = MessageEncoder(arena: self, base: memory, layout: M._layout)
        try value._encode(into: &encoder)
        return message
    }

    /// A NUL-terminated copy of `string`.
    func cString(_ string: String, field: () -> String, type: String) throws(ProtoError) -> UnsafeMutablePointer<CChar> {
        var string = string
        let copy: UnsafeMutablePointer<CChar>? = string.withUTF8 { utf8 in
            if let base = utf8.baseAddress, memchr(base, 0, utf8.count) != nil { return nil }
            let memory = allocate(utf8.count + 1)
            if let base = utf8.baseAddress { memory.copyMemory(from: base, byteCount: utf8.count) }
            memory.storeBytes(of: 0, toByteOffset: utf8.count, as: UInt8.self)
            return memory.assumingMemoryBound(to: CChar.self)
        }
        guard let copy else {
            throw ProtoError(.stringContainsNUL, type, "field \(field()) contains U+0000")
        }
        return copy
    }

    /// A copy of `bytes`.
    func copy(_ bytes: [UInt8]) -> UnsafeMutableRawPointer {
        let memory = allocate(bytes.count)
        bytes.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        return memory
    }
}
