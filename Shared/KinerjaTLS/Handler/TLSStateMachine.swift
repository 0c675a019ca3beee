/// The life of one TLS connection as a value: each event moves the state and says what to do.
///
/// The handler performs the actions (OpenSSL calls, channel operations); this type only decides,
/// so every transition can be tested without a channel.
struct TLSStateMachine {
    enum State: Equatable {
        /// Added to a channel that is not active yet.
        case idle
        /// Handshake messages are being exchanged; application writes wait.
        case handshaking
        /// Application data flows both ways.
        case active
        /// We sent close_notify and wait for the peer's (or the shutdown timeout).
        case closing
        /// Nothing more happens on this connection.
        case closed
    }

    private(set) var state: State = .idle

    enum StartAction: Equatable { case startHandshake, none }

    /// The channel became active (or the handler was added to an active channel).
    mutating func activate() -> StartAction {
        guard state == .idle else { return .none }
        state = .handshaking
        return .startHandshake
    }

    enum InboundAction: Equatable { case continueHandshake, decrypt, discard }

    /// Ciphertext arrived.
    func inbound() -> InboundAction {
        switch state {
        case .handshaking: .continueHandshake
        case .active, .closing: .decrypt
        case .idle, .closed: .discard
        }
    }

    /// The handshake finished and the peer passed every check.
    mutating func handshakeCompleted() {
        if state == .handshaking { state = .active }
    }

    enum WriteAction: Equatable { case buffer, fail }

    /// The application wrote plaintext.
    func write() -> WriteAction {
        switch state {
        case .idle, .handshaking, .active: .buffer
        case .closing, .closed: .fail
        }
    }

    enum FlushAction: Equatable { case encrypt, wait, none }

    /// The application flushed: encrypt now, or after the handshake.
    func flush() -> FlushAction {
        switch state {
        case .active: .encrypt
        case .idle, .handshaking: .wait
        case .closing, .closed: .none
        }
    }

    enum CloseAction: Equatable {
        /// No TLS session to end (never SSL_shutdown during a handshake): close the transport.
        case closeTransport
        /// Send close_notify, then wait for the peer's.
        case sendCloseNotify
        /// A close is already under way; complete this promise with it.
        case joinClose
        /// Already closed.
        case alreadyClosed
    }

    /// The application asked to close.
    mutating func close() -> CloseAction {
        switch state {
        case .idle, .handshaking:
            state = .closed
            return .closeTransport
        case .active:
            state = .closing
            return .sendCloseNotify
        case .closing:
            return .joinClose
        case .closed:
            return .alreadyClosed
        }
    }

    enum CloseNotifyAction: Equatable {
        /// The peer started the close: answer with our close_notify and close the transport.
        case replyAndClose
        /// The peer answered our close_notify: close the transport.
        case closeTransport
        case none
    }

    /// The peer's close_notify arrived.
    mutating func closeNotifyReceived() -> CloseNotifyAction {
        switch state {
        case .active, .handshaking:
            state = .closed
            return .replyAndClose
        case .closing:
            state = .closed
            return .closeTransport
        case .idle, .closed:
            return .none
        }
    }

    /// The shutdown timer fired: whether the transport must now be closed.
    mutating func shutdownTimedOut() -> Bool {
        guard state == .closing else { return false }
        state = .closed
        return true
    }

    /// The handshake timer fired: whether the connection must now fail.
    func handshakeTimedOut() -> Bool {
        state == .handshaking
    }

    /// A fatal error happened: whether it still needs reporting and closing.
    mutating func fail() -> Bool {
        guard state != .closed else { return false }
        state = .closed
        return true
    }

    enum InactiveAction: Equatable {
        case clean
        /// The transport ended during the handshake.
        case handshakeInterrupted
        /// The transport ended without close_notify while data could still flow.
        case truncated
        /// We were waiting for the peer's close_notify; the close we asked for is complete.
        case closeCompleted
    }

    /// The transport closed.
    mutating func inactive() -> InactiveAction {
        defer { state = .closed }
        switch state {
        case .idle, .closed: return .clean
        case .handshaking: return .handshakeInterrupted
        case .active: return .truncated
        case .closing: return .closeCompleted
        }
    }
}
