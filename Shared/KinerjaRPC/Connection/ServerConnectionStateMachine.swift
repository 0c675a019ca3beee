package import KinerjaProto
package import NIOCore

/// The server side of one connection as a plain value: frames and events in, actions out.
/// No I/O happens here, so every rule is tested with a fake clock (docs/PROTOCOL.md).
/// Package-visible so that the fuzz targets (Tests/KinerjaFuzzTargets) drive it with arbitrary frames.
package struct ServerConnectionStateMachine {
    package enum Phase: Hashable {
        case active
        /// No new calls: the server sent GOAWAY (`serverLastCallID`, the last call it serves), the
        /// client sent GOAWAY (`clientSentGoAway`), or both. The connection closes once the open
        /// calls have ended.
        case goingAway(serverLastCallID: UInt32?, clientSentGoAway: Bool)
        case closed
    }

    struct Call: Hashable {
        var flow: CallFlow
        var requestsEnded: Bool
    }

    /// What the connection handler must do after a frame arrived.
    package enum Action: Hashable {
        case none
        /// Start a handler for the call.
        case startCall(UInt32, RPC.CallHeader, requestsEnded: Bool)
        /// Answer with STATUS without starting the call.
        case refuseCall(UInt32, RPCError)
        /// Hand a request message to the call's handler.
        case deliver(UInt32, ByteBuffer, endOfRequests: Bool)
        /// The client ended its request stream without a message.
        case endRequests(UInt32)
        /// The client cancelled the call: stop its handler.
        case cancelCall(UInt32)
        /// The client granted more messages: resume a waiting writer.
        case windowOpened(UInt32)
        /// Answer a PING.
        case sendPong(ByteBuffer)
        /// The client sent GOAWAY 0: it opens no more calls; close once the open calls have ended.
        case clientGoingAway
        /// The client sent GOAWAY with an error code and is closing: stop every call, close without GOAWAY.
        case abort(String)
        /// Send GOAWAY with the highest accepted call id, fail open calls, close.
        case closeConnection(GoAwayCode, String)
    }

    let limits: RPCLimits
    package private(set) var phase: Phase = .active
    private(set) var calls: [UInt32: Call] = [:]
    package private(set) var highestCallID: UInt32 = 0
    private var pings: PingRateLimiter
    /// When the connection was last active: accepted, a frame received, or a call ended.
    private(set) var lastActivity: NIODeadline

    package init(limits: RPCLimits, now: NIODeadline) {
        self.limits = limits
        self.pings = PingRateLimiter(rate: limits.pingsPerSecond, burst: limits.pingBurst)
        self.lastActivity = now
    }

    private func violation(_ code: GoAwayCode, _ message: String) -> Action {
        .closeConnection(code, message)
    }

    /// Processes one frame from the client.
    package mutating func receive(_ frame: Frame, now: NIODeadline) -> Action {
        guard phase != .closed else { return .none }
        lastActivity = now
        if frame.type.isConnectionLevel {
            guard frame.callID == 0 else { return violation(.protocolError, "\(frame.type) must use call id 0") }
        } else if frame.callID == 0, [.headers, .message, .status, .cancel, .windowUpdate, .endStream].contains(frame.type) {
            return violation(.protocolError, "\(frame.type) needs a call id")
        }
        switch frame.type {
        case .headers: return receiveHeaders(frame)
        case .message: return receiveMessage(frame)
        case .endStream:
            guard var call = calls[frame.callID] else {
                return frame.callID > highestCallID ? violation(.protocolError, "END_STREAM for call \(frame.callID) that was never started") : .none
            }
            guard !call.requestsEnded else {
                return violation(.protocolError, "END_STREAM after the end of call \(frame.callID)'s request stream")
            }
            call.requestsEnded = true
            calls[frame.callID] = call
            return .endRequests(frame.callID)
        case .cancel:
            return calls.removeValue(forKey: frame.callID) == nil ? .none : .cancelCall(frame.callID)
        case .windowUpdate: return receiveWindowUpdate(frame)
        case .ping:
            guard frame.payload.readableBytes == 8 else { return violation(.protocolError, "PING payload must be 8 bytes") }
            guard pings.allow(at: now) else { return violation(.enhanceYourCalm, "too many PINGs") }
            return .sendPong(frame.payload)
        case .status:
            return violation(.protocolError, "a client must not send STATUS")
        case .settings:
            var payload = frame.payload
            let bytes = payload.readBytes(length: payload.readableBytes) ?? []
            guard (try? RPC.Settings(serializedBytes: bytes)) != nil else {
                return violation(.protocolError, "SETTINGS does not decode")
            }
            return .none
        case .goAway:
            return receiveGoAway(frame)
        case .pong:
            return .none  // only an answer; its payload is not checked
        default:
            return .none  // unknown frame types are ignored
        }
    }

    private mutating func receiveHeaders(_ frame: Frame) -> Action {
        let id = frame.callID
        guard id > highestCallID else {
            return violation(.protocolError, "call id \(id) is not larger than \(highestCallID)")
        }
        guard id < 1 << 31 else {
            return violation(.protocolError, "call id \(id) is in the reserved range (≥ 2^31)")
        }
        if case .goingAway(_, clientSentGoAway: true) = phase {
            return violation(.protocolError, "HEADERS for call \(id) after the client's own GOAWAY")
        }
        highestCallID = id
        let ended = frame.flags.contains(.endStream)
        if case .goingAway = phase {
            return .refuseCall(id, RPCError(.unavailable, "the server is shutting down; the call was not started and is safe to retry"))
        }
        guard frame.payload.readableBytes <= limits.maxMetadataSize else {
            return .refuseCall(id, RPCError(.resourceExhausted,
                "call header of \(frame.payload.readableBytes) bytes exceeds the limit of \(limits.maxMetadataSize)"))
        }
        let header: RPC.CallHeader
        do {
            header = try frame.payload.withUnsafeReadableBytes { try RPC.CallHeader(serializedBytes: $0) }
        } catch {
            return .refuseCall(id, RPCError(.invalidArgument, "the call header does not decode: \(error)"))
        }
        guard calls.count < limits.maxConcurrentCalls else {
            return .refuseCall(id, RPCError(.resourceExhausted,
                "more than \(limits.maxConcurrentCalls) concurrent calls on this connection"))
        }
        calls[id] = Call(flow: CallFlow(initialWindow: RPCLimits.initialWindow), requestsEnded: ended)
        return .startCall(id, header, requestsEnded: ended)
    }

    private mutating func receiveMessage(_ frame: Frame) -> Action {
        let id = frame.callID
        guard var call = calls[id] else {
            return id > highestCallID ? violation(.protocolError, "MESSAGE for call \(id) that was never started") : .none
        }
        guard !call.requestsEnded else {
            return violation(.protocolError, "MESSAGE after the end of call \(id)'s request stream")
        }
        guard call.flow.received() else {
            return violation(.flowControlError, "call \(id) sent more messages than its window allows")
        }
        let ended = frame.flags.contains(.endStream)
        call.requestsEnded = ended
        calls[id] = call
        return .deliver(id, frame.payload, endOfRequests: ended)
    }

    /// A GOAWAY from the client: 0 means it opens no more calls, any other code that it is closing.
    private mutating func receiveGoAway(_ frame: Frame) -> Action {
        let goAway: RPC.GoAway
        do {
            goAway = try frame.payload.withUnsafeReadableBytes { try RPC.GoAway(serializedBytes: $0) }
        } catch {
            return violation(.protocolError, "GOAWAY does not decode")
        }
        guard goAway.code == GoAwayCode.noError.rawValue else {
            return .abort("the client reported \(GoAwayCode(rawValue: goAway.code)): \(goAway.reason.prefix(200))")
        }
        switch phase {
        case .active:
            phase = .goingAway(serverLastCallID: nil, clientSentGoAway: true)
        case .goingAway(let serverLastCallID, _):
            phase = .goingAway(serverLastCallID: serverLastCallID, clientSentGoAway: true)
        case .closed:
            return .none
        }
        return .clientGoingAway
    }

    private mutating func receiveWindowUpdate(_ frame: Frame) -> Action {
        guard frame.payload.readableBytes == 4, let increment = frame.payload.getInteger(at: frame.payload.readerIndex, as: UInt32.self),
              increment >= 1 else {
            return violation(.protocolError, "WINDOW_UPDATE needs a 4-byte increment of at least 1")
        }
        guard var call = calls[frame.callID] else { return .none }
        guard call.flow.grant(Int(increment)) else {
            return violation(.flowControlError, "window of call \(frame.callID) overflows")
        }
        calls[frame.callID] = call
        return .windowOpened(frame.callID)
    }

    /// Takes a credit to send one response message; false when the caller must wait for WINDOW_UPDATE
    /// (or the call is gone).
    package mutating func takeSendCredit(_ id: UInt32) -> Bool {
        guard var call = calls[id], call.flow.takeSendCredit() else { return false }
        calls[id] = call
        return true
    }

    /// Whether the call is still open.
    package func isOpen(_ id: UInt32) -> Bool { calls[id] != nil }

    /// The handler consumed a request message; returns a WINDOW_UPDATE increment when one is due.
    package mutating func consumed(_ id: UInt32) -> UInt32? {
        guard var call = calls[id] else { return nil }
        let increment = call.flow.consumed()
        calls[id] = call
        return increment.map { UInt32($0) }
    }

    /// The call ended (STATUS sent or cancelled) at `now`.
    package mutating func finish(_ id: UInt32, now: NIODeadline) {
        guard calls.removeValue(forKey: id) != nil else { return }
        lastActivity = max(lastActivity, now)
    }

    /// Starts a graceful drain; returns the last call id that will still be served.
    package mutating func startDrain() -> UInt32 {
        switch phase {
        case .goingAway(let serverLastCallID?, _):
            return serverLastCallID
        case .goingAway(nil, let clientSentGoAway):
            phase = .goingAway(serverLastCallID: highestCallID, clientSentGoAway: clientSentGoAway)
        case .active:
            phase = .goingAway(serverLastCallID: highestCallID, clientSentGoAway: false)
        case .closed:
            break
        }
        return highestCallID
    }

    /// Whether GOAWAY was sent or received and no call is left: the connection may close.
    package var drained: Bool {
        if case .goingAway = phase { return calls.isEmpty }
        return false
    }

    /// When the connection becomes idle (no open call, nothing received, for the idle timeout);
    /// nil while a call is open.
    var idleDeadline: NIODeadline? {
        calls.isEmpty ? lastActivity + TimeAmount(limits.idleTimeout) : nil
    }

    /// Whether the connection has been idle (no call, no frame) for the idle timeout at `now`.
    func idleExpired(at now: NIODeadline) -> Bool {
        idleDeadline.map { now >= $0 } ?? false
    }

    /// The connection is closed; nothing more happens.
    package mutating func close() {
        phase = .closed
        calls.removeAll()
    }
}
