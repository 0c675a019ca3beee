import COpenSSL
import NIOCore

/// A custom OpenSSL BIO over ByteBuffers: OpenSSL reads ciphertext straight out of what the channel
/// received and writes records straight into the buffer the channel will send.
///
/// Compared with a pair of memory BIOs this saves a copy each way (and the zeroing a memory BIO
/// does when it grows). Only used on the connection's event loop, inside OpenSSL calls.
final class ByteBufferBIO {
    /// Received ciphertext OpenSSL has not consumed yet.
    private(set) var inbound = ByteBuffer()
    /// Records OpenSSL produced that have not been sent yet.
    private var outbound: ByteBuffer
    private let allocator: ByteBufferAllocator
    let bio: OpaquePointer

    init(allocator: ByteBufferAllocator) throws(TLSError) {
        guard let method = Self.method, let bio = BIO_new(method) else {
            throw TLSError(.configurationInvalid, "cannot create the ByteBuffer BIO", cause: OpenSSLErrorQueue.drain())
        }
        self.bio = bio
        self.allocator = allocator
        self.outbound = allocator.buffer(capacity: 0)
        BIO_set_data(bio, Unmanaged.passUnretained(self).toOpaque())
        BIO_set_init(bio, 1)
    }

    /// Queues received ciphertext; copies only when unconsumed bytes are still waiting.
    func feed(_ buffer: ByteBuffer) {
        if inbound.readableBytes == 0 {
            inbound = buffer
        } else {
            var buffer = buffer
            inbound.writeBuffer(&buffer)
        }
    }

    /// Makes room for about `bytes` of records, so a large write does not grow the buffer step by step.
    func reserveOutbound(_ bytes: Int) {
        outbound.reserveCapacity(minimumWritableBytes: bytes)
    }

    /// Takes the records produced so far.
    func drainOutbound() -> ByteBuffer? {
        guard outbound.readableBytes > 0 else { return nil }
        let drained = outbound
        outbound = allocator.buffer(capacity: 0)
        return drained
    }

    private static func from(_ bio: OpaquePointer?) -> ByteBufferBIO? {
        guard let bio, let data = BIO_get_data(bio) else { return nil }
        return Unmanaged<ByteBufferBIO>.fromOpaque(data).takeUnretainedValue()
    }

    // MARK: The BIO method (created once per process).

    /// Never modified after this initialiser, so sharing the pointer across threads is safe.
    nonisolated(unsafe) private static let method: OpaquePointer? = {
        guard let method = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "kinerja ByteBuffer") else {
            return nil
        }
        BIO_meth_set_write(method, write)
        BIO_meth_set_read(method, read)
        BIO_meth_set_puts(method, puts)
        BIO_meth_set_ctrl(method, ctrl)
        BIO_meth_set_create(method, { _ in 1 })
        BIO_meth_set_destroy(method, { _ in 1 })
        return method
    }()

    private static let read: @convention(c) (OpaquePointer?, UnsafeMutablePointer<CChar>?, Int32) -> Int32 = { bio, target, length in
        BIO_clear_flags(bio, BIO_FLAGS_READ | BIO_FLAGS_WRITE | BIO_FLAGS_IO_SPECIAL | BIO_FLAGS_SHOULD_RETRY)
        guard let box = from(bio), let target, length > 0 else { return -1 }
        let count = min(Int(length), box.inbound.readableBytes)
        guard count > 0 else {
            // Nothing yet: ask OpenSSL to retry once more ciphertext has arrived.
            BIO_set_flags(bio, BIO_FLAGS_READ | BIO_FLAGS_SHOULD_RETRY)
            return -1
        }
        box.inbound.withUnsafeReadableBytes { bytes in
            if let base = bytes.baseAddress {
                UnsafeMutableRawPointer(target).copyMemory(from: base, byteCount: count)
            }
        }
        box.inbound.moveReaderIndex(forwardBy: count)
        return Int32(count)
    }

    private static let write: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32) -> Int32 = { bio, source, length in
        BIO_clear_flags(bio, BIO_FLAGS_READ | BIO_FLAGS_WRITE | BIO_FLAGS_IO_SPECIAL | BIO_FLAGS_SHOULD_RETRY)
        guard let box = from(bio), let source, length >= 0 else { return -1 }
        box.outbound.writeBytes(UnsafeRawBufferPointer(start: source, count: Int(length)))
        return length
    }

    private static let puts: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> Int32 = { bio, string in
        guard let string else { return -1 }
        return write(bio, string, Int32(clamping: strlen(string)))
    }

    private static let ctrl: @convention(c) (OpaquePointer?, Int32, Int, UnsafeMutableRawPointer?) -> Int = { bio, command, _, _ in
        switch command {
        case BIO_CTRL_FLUSH:
            return 1
        case BIO_CTRL_PENDING:
            return from(bio)?.inbound.readableBytes ?? 0
        case BIO_CTRL_WPENDING:
            return from(bio)?.outbound.readableBytes ?? 0
        default:
            return 0
        }
    }
}
