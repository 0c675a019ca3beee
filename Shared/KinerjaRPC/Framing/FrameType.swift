/// The type byte of a frame (docs/PROTOCOL.md, section 2.1). Unknown types are ignored.
public struct FrameType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Starts a call: a `CallHeader` (client → server).
    public static let headers = FrameType(rawValue: 0x01)
    /// One request or response message.
    public static let message = FrameType(rawValue: 0x02)
    /// Ends a call with a `Status` (server → client).
    public static let status = FrameType(rawValue: 0x03)
    /// Abandons a call (either side).
    public static let cancel = FrameType(rawValue: 0x04)
    /// Grants the peer more messages on a call.
    public static let windowUpdate = FrameType(rawValue: 0x05)
    /// Keepalive probe on call 0.
    public static let ping = FrameType(rawValue: 0x06)
    /// Answer to a ping.
    public static let pong = FrameType(rawValue: 0x07)
    /// No new calls; carries the last accepted call id.
    public static let goAway = FrameType(rawValue: 0x08)
    /// The sender's limits.
    public static let settings = FrameType(rawValue: 0x09)
    /// Ends the client's request stream without a message (client → server).
    public static let endStream = FrameType(rawValue: 0x0A)

    public var description: String {
        switch self {
        case .headers: "HEADERS"
        case .message: "MESSAGE"
        case .status: "STATUS"
        case .cancel: "CANCEL"
        case .windowUpdate: "WINDOW_UPDATE"
        case .ping: "PING"
        case .pong: "PONG"
        case .goAway: "GOAWAY"
        case .settings: "SETTINGS"
        case .endStream: "END_STREAM"
        default: "UNKNOWN(0x\(String(rawValue, radix: 16)))"
        }
    }

    /// Whether frames of this type travel on call id 0.
    var isConnectionLevel: Bool {
        self == .ping || self == .pong || self == .goAway || self == .settings
    }
}

/// The flag bits of a frame.
public struct FrameFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// On HEADERS or MESSAGE from a client: no further request messages follow.
    public static let endStream = FrameFlags(rawValue: 0x01)
}
