import KinerjaProto
import NIOCore
@testable import KinerjaRPC

/// One row of docs/PROTOCOL.md, section 6 ("What the server does with each frame"): a frame,
/// the calls that exist when it arrives, and what the server must do with it.
struct FrameRule: Sendable, CustomStringConvertible {
    enum Outcome: Sendable, Hashable {
        /// The frame is dropped; the connection goes on serving.
        case ignored
        /// The server sends GOAWAY with this code and closes the connection.
        case closes(GoAwayCode)
    }

    let description: String
    /// Calls the client opened before the frame, each already ended (its STATUS sent).
    let endedCalls: [UInt32]
    let frame: Frame
    let outcome: Outcome

    static func windowUpdate(_ callID: UInt32, _ increment: UInt32) -> Frame {
        var payload = ByteBuffer()
        payload.writeInteger(increment)
        return Frame(.windowUpdate, callID: callID, payload: payload)
    }

    static func bytes(_ count: Int) -> ByteBuffer { ByteBuffer(bytes: [UInt8](repeating: 7, count: count)) }

    /// Bytes that no protobuf message decodes from: a string field whose length runs past the end.
    static let undecodable = ByteBuffer(bytes: [0x1a, 0x05, 0x61])

    static let all: [FrameRule] = [
        .init(description: "CANCEL for a call id never opened is ignored",
              endedCalls: [], frame: Frame(.cancel, callID: 7), outcome: .ignored),
        .init(description: "CANCEL for a call that has ended is ignored",
              endedCalls: [1], frame: Frame(.cancel, callID: 1), outcome: .ignored),
        .init(description: "WINDOW_UPDATE for a call id never opened is ignored",
              endedCalls: [], frame: windowUpdate(7, 4), outcome: .ignored),
        .init(description: "WINDOW_UPDATE for a call that has ended is ignored",
              endedCalls: [1], frame: windowUpdate(1, 4), outcome: .ignored),
        .init(description: "MESSAGE for a call id never opened (above every id used) is a PROTOCOL_ERROR",
              endedCalls: [1], frame: Frame(.message, callID: 2, payload: bytes(3)), outcome: .closes(.protocolError)),
        .init(description: "MESSAGE for a call that has ended is ignored",
              endedCalls: [1], frame: Frame(.message, callID: 1, payload: bytes(3)), outcome: .ignored),
        .init(description: "MESSAGE for an id skipped below the highest one used counts as ended and is ignored",
              endedCalls: [1, 5], frame: Frame(.message, callID: 3, payload: bytes(3)), outcome: .ignored),
        .init(description: "END_STREAM for a call id never opened is a PROTOCOL_ERROR",
              endedCalls: [], frame: Frame(.endStream, callID: 7), outcome: .closes(.protocolError)),
        .init(description: "END_STREAM for a call that has ended is ignored",
              endedCalls: [1], frame: Frame(.endStream, callID: 1), outcome: .ignored),
        .init(description: "WINDOW_UPDATE of 0 is a PROTOCOL_ERROR even for a call id never opened",
              endedCalls: [], frame: windowUpdate(7, 0), outcome: .closes(.protocolError)),
        .init(description: "WINDOW_UPDATE of 0 is a PROTOCOL_ERROR even for a call that has ended",
              endedCalls: [1], frame: windowUpdate(1, 0), outcome: .closes(.protocolError)),
        .init(description: "WINDOW_UPDATE whose payload is not 4 bytes is a PROTOCOL_ERROR",
              endedCalls: [1], frame: Frame(.windowUpdate, callID: 1, payload: bytes(3)), outcome: .closes(.protocolError)),
        .init(description: "PING of 7 bytes is a PROTOCOL_ERROR",
              endedCalls: [], frame: Frame(.ping, callID: 0, payload: bytes(7)), outcome: .closes(.protocolError)),
        .init(description: "PING of 9 bytes is a PROTOCOL_ERROR",
              endedCalls: [], frame: Frame(.ping, callID: 0, payload: bytes(9)), outcome: .closes(.protocolError)),
        .init(description: "PING without payload is a PROTOCOL_ERROR",
              endedCalls: [], frame: Frame(.ping, callID: 0), outcome: .closes(.protocolError)),
        .init(description: "PONG of any length is ignored",
              endedCalls: [], frame: Frame(.pong, callID: 0, payload: bytes(3)), outcome: .ignored),
        .init(description: "a frame of an unknown type is ignored, whatever its call id",
              endedCalls: [], frame: Frame(FrameType(rawValue: 0x42), callID: 99, payload: bytes(5)), outcome: .ignored),
        .init(description: "STATUS from a client is a PROTOCOL_ERROR",
              endedCalls: [1], frame: Frame(.status, callID: 1), outcome: .closes(.protocolError)),
        .init(description: "HEADERS on call id 0 is a PROTOCOL_ERROR",
              endedCalls: [], frame: Frame(.headers, callID: 0), outcome: .closes(.protocolError)),
        .init(description: "CANCEL on call id 0 is a PROTOCOL_ERROR",
              endedCalls: [], frame: Frame(.cancel, callID: 0), outcome: .closes(.protocolError)),
        .init(description: "WINDOW_UPDATE on call id 0 is a PROTOCOL_ERROR",
              endedCalls: [], frame: windowUpdate(0, 4), outcome: .closes(.protocolError)),
        .init(description: "PING on a call id other than 0 is a PROTOCOL_ERROR",
              endedCalls: [], frame: Frame(.ping, callID: 3, payload: bytes(8)), outcome: .closes(.protocolError)),
        .init(description: "SETTINGS that does not decode is a PROTOCOL_ERROR",
              endedCalls: [], frame: Frame(.settings, callID: 0, payload: undecodable), outcome: .closes(.protocolError)),
        .init(description: "GOAWAY that does not decode is a PROTOCOL_ERROR",
              endedCalls: [], frame: Frame(.goAway, callID: 0, payload: undecodable), outcome: .closes(.protocolError)),
    ]
}
