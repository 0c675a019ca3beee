/// Why a message could not be encoded or decoded.
public struct ProtoError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure; new kinds may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        /// The bytes are not a valid protobuf encoding of the message.
        public static let malformed = Code(name: "malformed")
        /// The input is longer than ``DecodingLimits/maxMessageBytes``.
        public static let messageTooLarge = Code(name: "message too large")
        /// Messages nest deeper than ``DecodingLimits/maxDepth``.
        public static let nestingTooDeep = Code(name: "nesting too deep")
        /// Decoding would allocate more than ``DecodingLimits/maxDecodeMemory``.
        public static let memoryLimitExceeded = Code(name: "memory limit exceeded")
        /// A string field is not valid UTF-8.
        public static let invalidUTF8 = Code(name: "invalid UTF-8")
        /// A string contains U+0000, which protobuf-c strings cannot carry.
        public static let stringContainsNUL = Code(name: "string contains NUL")
        public var description: String { name }
    }

    /// The kind of failure.
    public var code: Code
    /// The proto name of the message being encoded or decoded.
    public var messageType: String
    /// What went wrong, for people.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ messageType: String, _ message: String) {
        self.code = code
        self.messageType = messageType
        self.message = message
    }

    public var description: String { "\(messageType): \(code): \(message)" }
}
