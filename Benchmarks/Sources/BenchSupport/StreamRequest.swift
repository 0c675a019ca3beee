/// The request of a server-streaming run: the size of each message the server sends, as a
/// big-endian u32. The server streams until the client cancels or closes.
public enum StreamRequest {
    public static func encode(messageSize: Int) -> [UInt8] {
        let size = UInt32(clamping: messageSize)
        return [UInt8(size >> 24), UInt8(size >> 16 & 0xff), UInt8(size >> 8 & 0xff), UInt8(size & 0xff)]
    }

    /// The message size, or nil for a request that is not 4 bytes.
    public static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int? {
        guard bytes.count == 4 else { return nil }
        return bytes.reduce(0) { $0 << 8 | Int($1) }
    }
}
