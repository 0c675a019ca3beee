public import NIOCore

/// Splits the byte stream into frames, refusing an oversize frame as soon as its header
/// arrives — before any of its payload is buffered.
public struct FrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = Frame

    /// Largest accepted payload in bytes.
    public let maxFrameSize: Int

    /// A decoder with the given payload limit (default 4 MiB).
    public init(maxFrameSize: Int = RPCLimits.defaultMaxFrameSize) {
        self.maxFrameSize = maxFrameSize
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let frame = try Self.next(from: &buffer, maxFrameSize: maxFrameSize) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(frame))
        return .continue
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }

    /// Takes one frame from `buffer`, nil when more bytes are needed; throws for an oversize frame.
    public static func next(from buffer: inout ByteBuffer, maxFrameSize: Int) throws(RPCProtocolError) -> Frame? {
        let start = buffer.readerIndex
        guard let length = buffer.getInteger(at: start, as: UInt32.self) else { return nil }
        guard length <= maxFrameSize else {
            throw RPCProtocolError(.frameTooLarge, "frame of \(length) bytes exceeds the limit of \(maxFrameSize)")
        }
        guard let type = buffer.getInteger(at: start + 4, as: UInt8.self),
              let flags = buffer.getInteger(at: start + 5, as: UInt8.self),
              let callID = buffer.getInteger(at: start + 6, as: UInt32.self),
              let payload = buffer.getSlice(at: start + Frame.headerSize, length: Int(length)) else { return nil }
        buffer.moveReaderIndex(forwardBy: Frame.headerSize + Int(length))
        return Frame(FrameType(rawValue: type), flags: FrameFlags(rawValue: flags), callID: callID, payload: payload)
    }
}
