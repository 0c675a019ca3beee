/// The single response of a unary call as its frames arrive, without a stream: a plain value
/// the connection handler feeds and the caller takes once.
///
/// It decides what the stream path decides at the same frames: a second MESSAGE, or STATUS OK
/// without a MESSAGE, fails the call on the client (the server broke the protocol); an error
/// STATUS or a lost connection fails it with that failure.
struct UnaryResponse {
    /// How the call came out, as the caller sees it.
    enum Outcome {
        case response([UInt8])
        case failed(AttemptFailure)
        /// STATUS OK without a response message.
        case noResponse
        /// More than one response message.
        case tooMany
    }

    private enum State {
        case awaiting(message: [UInt8]?)
        case resolved(Outcome)
        case taken
    }

    private var state = State.awaiting(message: nil)

    /// A response message arrived. True when the outcome is now known.
    mutating func receive(_ bytes: [UInt8]) -> Bool {
        switch state {
        case .awaiting(message: nil):
            state = .awaiting(message: bytes)
            return false
        case .awaiting:
            state = .resolved(.tooMany)
            return true
        case .resolved, .taken:
            return false
        }
    }

    /// The call ended: with STATUS OK (`failure` nil), or failed. True when the outcome is now known.
    mutating func end(_ failure: AttemptFailure?) -> Bool {
        guard case .awaiting(let message) = state else { return false }
        if let failure {
            state = .resolved(.failed(failure))
        } else if let message {
            state = .resolved(.response(message))
        } else {
            state = .resolved(.noResponse)
        }
        return true
    }

    /// The outcome, once known; nil before, and after it was taken.
    mutating func take() -> Outcome? {
        guard case .resolved(let outcome) = state else { return nil }
        state = .taken
        return outcome
    }
}
