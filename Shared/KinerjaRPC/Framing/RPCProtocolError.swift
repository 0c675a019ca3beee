/// A violation of the protocol by the peer; the connection is closed with GOAWAY.
public struct RPCProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The GOAWAY code sent for the violation.
    public var code: GoAwayCode
    /// What the peer did wrong.
    public var message: String

    /// Creates an error.
    public init(_ code: GoAwayCode, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}

/// The reason carried by GOAWAY (docs/PROTOCOL.md, section 6).
public struct GoAwayCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let noError = GoAwayCode(rawValue: 0)
    public static let protocolError = GoAwayCode(rawValue: 1)
    public static let internalError = GoAwayCode(rawValue: 2)
    public static let flowControlError = GoAwayCode(rawValue: 3)
    public static let frameTooLarge = GoAwayCode(rawValue: 4)
    public static let enhanceYourCalm = GoAwayCode(rawValue: 5)
    public static let idleTimeout = GoAwayCode(rawValue: 6)

    public var description: String {
        ["NO_ERROR", "PROTOCOL_ERROR", "INTERNAL_ERROR", "FLOW_CONTROL_ERROR", "FRAME_TOO_LARGE",
         "ENHANCE_YOUR_CALM", "IDLE_TIMEOUT"].dropFirst(Int(min(rawValue, 7))).first ?? "CODE_\(rawValue)"
    }
}
