/// The one error type of KinerjaTLS: a code that callers switch on, a message for people, and the cause.
public struct TLSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a set of values that can grow without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case configurationInvalid
            case handshakeFailed
            case handshakeTimeout
            case alertReceived
            case peerCertificateRejected
            case peerIdentityMismatch
            case noApplicationProtocol
            case uncleanShutdown
            case protocolFailure
            case closed
        }

        private let value: Value

        private init(_ value: Value) { self.value = value }

        /// A configuration file is missing or unreadable, or OpenSSL refused a setting.
        public static let configurationInvalid = Code(.configurationInvalid)
        /// The handshake failed locally (bad ClientHello, unsupported version, no shared cipher …).
        public static let handshakeFailed = Code(.handshakeFailed)
        /// The peer did not complete the handshake within the configured time.
        public static let handshakeTimeout = Code(.handshakeTimeout)
        /// The peer refused the connection with a TLS alert (the alert is in the message).
        public static let alertReceived = Code(.alertReceived)
        /// The peer's certificate chain or leaf failed verification.
        public static let peerCertificateRejected = Code(.peerCertificateRejected)
        /// The peer's certificate is valid but names a different identity than expected.
        public static let peerIdentityMismatch = Code(.peerIdentityMismatch)
        /// Client and server share no application protocol (ALPN).
        public static let noApplicationProtocol = Code(.noApplicationProtocol)
        /// The connection ended without close_notify: the data may have been truncated.
        public static let uncleanShutdown = Code(.uncleanShutdown)
        /// A record failed to decrypt or the peer broke the protocol after the handshake.
        public static let protocolFailure = Code(.protocolFailure)
        /// A write was attempted on, or pending when, the connection closed.
        public static let closed = Code(.closed)

        public var description: String { value.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// A sentence for logs and operators.
    public var message: String
    /// The underlying failure, usually the drained OpenSSL error queue.
    public var cause: (any Error & Sendable)?

    /// Creates an error with a code, a message and an optional cause.
    public init(_ code: Code, _ message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        if let cause {
            return "TLSError(\(code)): \(message) [\(cause)]"
        }
        return "TLSError(\(code)): \(message)"
    }

    public static func == (lhs: TLSError, rhs: TLSError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
    }
}
