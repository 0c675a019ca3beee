/// Why a server connection ended, reported once per connection when it is gone (issue 17: a
/// connection once closed without close_notify while calls were open, under CPU load; every close
/// now says which path closed it and how many calls it cut short).
public struct ConnectionClosed: Sendable, Equatable {
    /// Who closed it and why.
    public enum Cause: String, Sendable {
        /// The client closed the connection (TCP/TLS end of stream) without the server asking.
        case clientClosed = "client_closed"
        /// The server drained after GOAWAY (shutdown) and closed when the last call ended.
        case drained
        /// The drain's grace period ended with calls still open; they were cut off.
        case drainGraceExpired = "drain_grace_expired"
        /// GOAWAY IDLE_TIMEOUT: nothing received and no call open for the idle timeout.
        case idle
        /// The client broke the protocol: GOAWAY with the error code, then closed.
        case protocolError = "protocol_error"
        /// TLS or the transport failed (a reset, a bad record, a failed handshake).
        case transportError = "transport_error"
    }

    /// Which path closed the connection.
    public var cause: Cause
    /// The details: the GOAWAY reason or the error.
    public var detail: String
    /// The peer's identity URI (`spiffe://…/client/hr-portal`), nil before the handshake completed.
    public var peer: String?
    /// The peer's address (`ip:port`).
    public var remoteAddress: String?
    /// Calls still open when the close began (cut short; 0 for a clean close).
    public var openCalls: Int
    /// Calls the connection served.
    public var callsServed: Int

    public init(cause: Cause, detail: String, peer: String?, remoteAddress: String?, openCalls: Int, callsServed: Int) {
        self.cause = cause
        self.detail = detail
        self.peer = peer
        self.remoteAddress = remoteAddress
        self.openCalls = openCalls
        self.callsServed = callsServed
    }
}
