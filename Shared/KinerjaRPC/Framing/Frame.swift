public import NIOCore

/// One frame of the protocol: a 10-byte header (length, type, flags, call id) and a payload.
public struct Frame: Hashable, Sendable {
    /// The size of the header in bytes.
    public static let headerSize = 10

    public var type: FrameType
    public var flags: FrameFlags
    /// The call the frame belongs to; 0 for connection-level frames.
    public var callID: UInt32
    public var payload: ByteBuffer

    /// Creates a frame.
    public init(_ type: FrameType, flags: FrameFlags = [], callID: UInt32, payload: ByteBuffer = ByteBuffer()) {
        self.type = type
        self.flags = flags
        self.callID = callID
        self.payload = payload
    }
}

extension ByteBuffer {
    /// Appends a frame: header then payload.
    public mutating func writeFrame(_ frame: Frame) {
        writeFrameHeader(type: frame.type, flags: frame.flags, callID: frame.callID, length: frame.payload.readableBytes)
        var payload = frame.payload
        writeBuffer(&payload)
    }

    /// Appends a frame header for a payload of `length` bytes written next.
    public mutating func writeFrameHeader(type: FrameType, flags: FrameFlags, callID: UInt32, length: Int) {
        reserveCapacity(minimumWritableBytes: Frame.headerSize + length)
        writeInteger(UInt32(truncatingIfNeeded: length))
        writeInteger(type.rawValue)
        writeInteger(flags.rawValue)
        writeInteger(callID)
    }

    /// Appends a WINDOW_UPDATE granting `increment` more messages on a call.
    public mutating func writeWindowUpdate(callID: UInt32, increment: UInt32) {
        writeFrameHeader(type: .windowUpdate, flags: [], callID: callID, length: 4)
        writeInteger(increment)
    }

    /// Appends a frame whose payload is the given bytes.
    public mutating func writeFrame(_ type: FrameType, flags: FrameFlags = [], callID: UInt32, bytes: some Collection<UInt8>) {
        writeFrameHeader(type: type, flags: flags, callID: callID, length: bytes.count)
        writeBytes(bytes)
    }
}
