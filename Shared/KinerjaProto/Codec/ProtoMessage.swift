internal import CProtobufC
internal import KinerjaProtoC

/// A message of the Kinerja contract, encoded and decoded by libprotobuf-c.
///
/// Every conforming type is generated from `proto/` by `make generate`; the
/// underscored requirements connect it to its protobuf-c descriptor and are not
/// meant to be implemented by hand.
public protocol ProtoMessage: Sendable, Hashable {
    /// The fully qualified proto name, e.g. `kinerja.identity.v1.Employee`.
    static var protoName: String { get }
    /// The protobuf-c descriptor of the message (generated).
    static var _layout: MessageLayout { get }
    /// A message with every field at its proto3 default.
    init()
    /// Writes the fields into a protobuf-c message structure (generated).
    func _encode(into encoder: inout MessageEncoder) throws(ProtoError)
    /// Reads the fields from an unpacked protobuf-c message structure (generated).
    init(_decoding decoder: MessageDecoder) throws(ProtoError)
    /// Writes the fields in protobuf text format (generated).
    func _printText(into printer: inout TextFormatPrinter)
}

extension ProtoMessage {
    /// The protobuf wire encoding of this message, produced by `protobuf_c_message_pack`.
    ///
    /// Fails only for a string that contains U+0000, which protobuf-c's
    /// NUL-terminated strings cannot carry.
    public func serializedBytes() throws(ProtoError) -> [UInt8] {
        let arena = EncodeArena()
        let message = try arena.build(self)
        let size = protobuf_c_message_get_packed_size(message)
        if size == 0 { return [] }
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = protobuf_c_message_pack(message, buffer.baseAddress!)
        }
    }

    /// Calls `body` with the wire encoding of this message, without copying it into an array.
    public func withSerializedBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        let arena = EncodeArena()
        let message = try arena.build(self)
        let size = protobuf_c_message_get_packed_size(message)
        if size == 0 { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let buffer = arena.allocate(size)
        let written = protobuf_c_message_pack(message, buffer.assumingMemoryBound(to: UInt8.self))
        return try body(UnsafeRawBufferPointer(start: buffer, count: written))
    }

    /// Decodes a message from its wire encoding with libprotobuf-c.
    ///
    /// The bytes are checked before `protobuf_c_message_unpack` sees them (size,
    /// nesting depth, string contents); unpacking runs with a zero-filling
    /// allocator capped at `limits.maxDecodeMemory`. Unknown fields are accepted
    /// and dropped. Every failure is a ``ProtoError``; no input can crash the caller.
    public init(serializedBytes bytes: UnsafeRawBufferPointer, limits: DecodingLimits = .default) throws(ProtoError) {
        guard bytes.count <= limits.maxMessageBytes else {
            throw ProtoError(.messageTooLarge, Self.protoName,
                             "\(bytes.count) bytes exceed the limit of \(limits.maxMessageBytes)")
        }
        let descriptor = Self._layout.descriptor
        try WireScanner.validate(bytes, descriptor: descriptor, maxDepth: limits.maxDepth, messageType: Self.protoName)
        var result = KINERJA_UNPACK_OK
        let data = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        guard let message = kinerja_unpack(descriptor, bytes.count, data, limits.maxDecodeMemory, &result) else {
            if result == KINERJA_UNPACK_MEMORY_CAP {
                throw ProtoError(.memoryLimitExceeded, Self.protoName,
                                 "decoding needs more than \(limits.maxDecodeMemory) bytes")
            }
            throw ProtoError(.malformed, Self.protoName, "protobuf-c rejected the encoding")
        }
        defer { kinerja_free_unpacked(message) }
        try self.init(_decoding: MessageDecoder(UnsafeRawPointer(message), Self._layout))
    }

    /// Decodes a message from its wire encoding (see ``init(serializedBytes:limits:)-(UnsafeRawBufferPointer,_)``).
    public init(serializedBytes bytes: [UInt8], limits: DecodingLimits = .default) throws(ProtoError) {
        let decoded: Result<Self, ProtoError> = bytes.withUnsafeBytes { raw in
            do throws(ProtoError) { return .success(try Self(serializedBytes: raw, limits: limits)) }
            catch { return .failure(error) }
        }
        self = try decoded.get()
    }

    /// The message in protobuf text format, as `protoc --decode` prints it.
    public var textFormat: String {
        var printer = TextFormatPrinter()
        _printText(into: &printer)
        return printer.output
    }
}
