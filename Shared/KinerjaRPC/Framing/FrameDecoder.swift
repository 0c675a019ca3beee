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
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return nil }
        guard length <= maxFrameSize else {
            throw RPCProtocolError(.frameTooLarge, "frame of \(length) bytes exceeds the limit of \(maxFrameSize)")
        }
        guard buffer.readableBytes >= Frame.headerSize + Int(length) else { return nil }
        buffer.moveReaderIndex(forwardBy: 4)
        let type = FrameType(rawValue: buffer.readInteger(as: UInt8.self)!)
        let flags = FrameFlags(rawValue: buffer.readInteger(as: UInt8.self)!)
        let callID = buffer.readInteger(as: UInt32.self)!
        let payload = buffer.readSlice(length: Int(length))!
        return Frame(type, flags: flags, callID: callID, payload: payload)
    }
}
