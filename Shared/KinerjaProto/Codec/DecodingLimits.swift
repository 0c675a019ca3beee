/// Bounds applied to every decode, so hostile input cannot exhaust memory or stack.
public struct DecodingLimits: Sendable, Hashable {
    /// Largest accepted encoding in bytes. Default 64 MiB (frames are smaller still).
    public var maxMessageBytes: Int
    /// Deepest accepted nesting of messages; the top level is depth 1. Default 64.
    public var maxDepth: Int
    /// Most bytes one decode may allocate (zero-filled) inside protobuf-c. Default 64 MiB.
    public var maxDecodeMemory: Int

    /// Creates limits; the defaults are the documented ones.
    public init(maxMessageBytes: Int = 64 << 20, maxDepth: Int = 64, maxDecodeMemory: Int = 64 << 20) {
        self.maxMessageBytes = maxMessageBytes
        self.maxDepth = maxDepth
        self.maxDecodeMemory = maxDecodeMemory
    }

    /// 64 MiB input, depth 64, 64 MiB of decode memory.
    public static let `default` = DecodingLimits()
}
