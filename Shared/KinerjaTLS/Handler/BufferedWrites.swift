import NIOCore

/// Plaintext writes waiting to be encrypted, in order, with how many of them a flush has released.
struct BufferedWrites {
    private var writes = CircularBuffer<(data: ByteBuffer, promise: EventLoopPromise<Void>?)>()
    private var flushedCount = 0

    var isEmpty: Bool { writes.isEmpty }
    var hasFlushed: Bool { flushedCount > 0 }

    mutating func append(_ data: ByteBuffer, promise: EventLoopPromise<Void>?) {
        writes.append((data, promise))
    }

    /// A flush releases every write made before it.
    mutating func markFlushed() {
        flushedCount = writes.count
    }

    /// The oldest flushed write, if any.
    mutating func popFlushed() -> (data: ByteBuffer, promise: EventLoopPromise<Void>?)? {
        guard flushedCount > 0 else { return nil }
        flushedCount -= 1
        return writes.removeFirst()
    }

    /// Fails every write, flushed or not (the connection is closing).
    mutating func failAll(with error: any Error) {
        let failed = writes
        writes.removeAll()
        flushedCount = 0
        for write in failed {
            write.promise?.fail(error)
        }
    }
}
