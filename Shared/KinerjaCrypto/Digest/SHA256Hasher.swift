/// An incremental SHA-256 computation, for input that arrives in pieces.
///
/// A value type: copying a hasher forks the computation (the OpenSSL context is duplicated on
/// the first write after a copy), so two copies can be finished independently.
public struct SHA256Hasher: Sendable {
    private var context = DigestContext()
    /// How many bytes of a non-contiguous sequence are buffered per OpenSSL call.
    private static let chunkSize = 4096

    /// A hasher that has seen no bytes.
    public init() {}

    /// Feeds `bytes` into the digest.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        if !isKnownUniquelyReferenced(&context) {
            context = context.copy()
        }
        let context = self.context
        let done: Void? = bytes.withContiguousStorageIfAvailable { context.update($0) }
        if done != nil { return }
        // A lazy or computed sequence: feed it through a small buffer instead of one big copy.
        var chunk: [UInt8] = []
        chunk.reserveCapacity(Self.chunkSize)
        for byte in bytes {
            chunk.append(byte)
            if chunk.count == Self.chunkSize {
                chunk.withUnsafeBufferPointer { context.update($0) }
                chunk.removeAll(keepingCapacity: true)
            }
        }
        chunk.withUnsafeBufferPointer { context.update($0) }
    }

    /// The 32-byte digest of everything fed so far; the hasher then starts over, empty.
    public mutating func finalize() -> [UInt8] {
        if !isKnownUniquelyReferenced(&context) {
            context = context.copy()
        }
        let digest = context.final()
        context.reset()
        return digest
    }
}
