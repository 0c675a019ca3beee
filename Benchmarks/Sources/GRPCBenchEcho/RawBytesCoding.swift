public import GRPCCore

/// Messages are the payload bytes themselves: no protobuf, so only the transport is measured.
public struct RawBytesSerializer: MessageSerializer {
    public init() {}

    public func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes {
        var bytes = Bytes(repeating: 0, count: message.count)
        bytes.withUnsafeMutableBytes { destination in
            message.withUnsafeBytes { destination.copyMemory(from: $0) }
        }
        return bytes
    }
}

/// The inverse of ``RawBytesSerializer``: one copy out of the transport's buffer.
public struct RawBytesDeserializer: MessageDeserializer {
    public init() {}

    public func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> [UInt8] {
        serializedMessageBytes.withUnsafeBytes { Array($0) }
    }
}
