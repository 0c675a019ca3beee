import KinerjaProto

/// The single request of a unary call as its frames arrive, without a stream: a plain value
/// the connection handler feeds and the call's handler takes once.
///
/// The rule is the protocol's (docs/PROTOCOL.md, section 2.2): exactly one MESSAGE, then the end
/// of the request stream. No message, or a second one, is `INVALID_ARGUMENT`, decided at the same
/// frame as the stream path decides it (the end of the requests, or the second message).
struct UnaryRequest {
    private enum State {
        case awaiting
        /// One message, the request stream still open.
        case received([UInt8])
        case complete(Result<[UInt8], RPCError>)
        case taken
    }

    private var state = State.awaiting
    private let method: MethodDescriptor

    init(method: MethodDescriptor) {
        self.method = method
    }

    /// A request message arrived (`end`: with END_STREAM). True when the request is now complete.
    mutating func receive(_ bytes: [UInt8], end: Bool) -> Bool {
        switch state {
        case .awaiting:
            state = end ? .complete(.success(bytes)) : .received(bytes)
            return end
        case .received:
            state = .complete(.failure(ServerMethod.requestCountError(method, gotMore: true)))
            return true
        case .complete, .taken:
            return false
        }
    }

    /// The request stream ended. True when the request is now complete.
    mutating func endOfRequests() -> Bool {
        switch state {
        case .awaiting:
            state = .complete(.failure(ServerMethod.requestCountError(method, gotMore: false)))
            return true
        case .received(let bytes):
            state = .complete(.success(bytes))
            return true
        case .complete, .taken:
            return false
        }
    }

    /// The request or the error that replaces it, once complete; nil while it is incomplete or
    /// after it was taken.
    mutating func take() -> Result<[UInt8], RPCError>? {
        guard case .complete(let result) = state else { return nil }
        state = .taken
        return result
    }
}
