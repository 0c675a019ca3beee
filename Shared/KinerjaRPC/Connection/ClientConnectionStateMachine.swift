import KinerjaProto
import NIOCore

/// The client side of one connection as a plain value: frames and events in, actions out.
struct ClientConnectionStateMachine {
    enum Phase: Hashable {
        case active
        /// The server sent GOAWAY: no new calls; calls up to `lastCallID` continue.
        case goingAway(lastCallID: UInt32)
        case closed
    }

    struct Call: Hashable {
        var flow: CallFlow
    }

    enum Action: Hashable {
        case none
        /// A response message for the call.
        case deliver(UInt32, ByteBuffer)
        /// The call ended with this status.
        case finish(UInt32, RPCError.Code, String, [RPC.StatusDetail])
        /// The server granted more request messages.
        case windowOpened(UInt32)
        /// Answer a PING.
        case sendPong(ByteBuffer)
        /// A PONG arrived (keepalive satisfied).
        case pongReceived
        /// GOAWAY: fail these calls as not started (safe to retry); the others continue.
        case goAway(refused: [UInt32])
        /// The server violated the protocol: send GOAWAY, fail all calls, close.
        case closeConnection(GoAwayCode, String)
    }

    let initialWindow: Int
    private(set) var phase: Phase = .active
    private(set) var calls: [UInt32: Call] = [:]
    private(set) var nextCallID: UInt32 = 1
    /// The server's limits from its SETTINGS frame.
    private(set) var serverSettings: RPC.Settings?

    init(initialWindow: Int) {
        self.initialWindow = initialWindow
    }

    /// Whether new calls may start on this connection.
    var acceptsCalls: Bool { phase == .active && nextCallID < UInt32(Int32.max) }

    /// Opens a call; nil when the connection takes no new calls.
    mutating func openCall() -> UInt32? {
        guard acceptsCalls else { return nil }
        let id = nextCallID
        nextCallID += 1
        calls[id] = Call(flow: CallFlow(initialWindow: initialWindow))
        return id
    }

    /// Processes one frame from the server.
    mutating func receive(_ frame: Frame) -> Action {
        guard phase != .closed else { return .none }
        if frame.type.isConnectionLevel {
            guard frame.callID == 0 else { return .closeConnection(.protocolError, "\(frame.type) must use call id 0") }
        } else if frame.callID == 0, [.headers, .message, .status, .cancel, .windowUpdate, .endStream].contains(frame.type) {
            return .closeConnection(.protocolError, "\(frame.type) needs a call id")
        }
        let id = frame.callID
        switch frame.type {
        case .message:
            guard var call = calls[id] else {
                return id >= nextCallID ? .closeConnection(.protocolError, "MESSAGE for unknown call \(id)") : .none
            }
            guard call.flow.received() else {
                return .closeConnection(.flowControlError, "call \(id) received more messages than its window allows")
            }
            calls[id] = call
            return .deliver(id, frame.payload)
        case .status:
            guard calls.removeValue(forKey: id) != nil else { return .none }
            let status: RPC.Status
            do {
                status = try frame.payload.withUnsafeReadableBytes { try RPC.Status(serializedBytes: $0) }
            } catch {
                return .finish(id, .internal, "the server's status does not decode: \(error)", [])
            }
            let code = Int32(exactly: status.code).flatMap(RPCError.Code.init(rawValue:)) ?? .unknown
            return .finish(id, code, status.message, status.details)
        case .cancel:
            guard calls.removeValue(forKey: id) != nil else { return .none }
            return .finish(id, .cancelled, "the server cancelled the call", [])
        case .windowUpdate:
            guard frame.payload.readableBytes == 4,
                  let increment = frame.payload.getInteger(at: frame.payload.readerIndex, as: UInt32.self), increment >= 1 else {
                return .closeConnection(.protocolError, "WINDOW_UPDATE needs a 4-byte increment of at least 1")
            }
            guard var call = calls[id] else { return .none }
            guard call.flow.grant(Int(increment)) else { return .closeConnection(.flowControlError, "window overflow") }
            calls[id] = call
            return .windowOpened(id)
        case .ping:
            guard frame.payload.readableBytes == 8 else { return .closeConnection(.protocolError, "PING payload must be 8 bytes") }
            return .sendPong(frame.payload)
        case .pong:
            return .pongReceived
        case .goAway:
            let goAway: RPC.GoAway
            do {
                goAway = try frame.payload.withUnsafeReadableBytes { try RPC.GoAway(serializedBytes: $0) }
            } catch {
                return .closeConnection(.protocolError, "GOAWAY does not decode")
            }
            let last: UInt32
            if case .goingAway(let previous) = phase { last = min(previous, goAway.lastCallID) } else { last = goAway.lastCallID }
            phase = .goingAway(lastCallID: last)
            let refused = calls.keys.filter { $0 > last }.sorted()
            for id in refused { calls[id] = nil }
            return .goAway(refused: refused)
        case .settings:
            serverSettings = try? frame.payload.withUnsafeReadableBytes { try RPC.Settings(serializedBytes: $0) }
            return .none
        case .headers, .endStream:
            return .closeConnection(.protocolError, "a server must not send \(frame.type)")
        default:
            return .none
        }
    }

    /// Takes a credit to send one request message; false when the caller must wait.
    mutating func takeSendCredit(_ id: UInt32) -> Bool {
        guard var call = calls[id], call.flow.takeSendCredit() else { return false }
        calls[id] = call
        return true
    }

    /// The application consumed a response message; returns a WINDOW_UPDATE increment when one is due.
    mutating func consumed(_ id: UInt32) -> UInt32? {
        guard var call = calls[id] else { return nil }
        let increment = call.flow.consumed()
        calls[id] = call
        return increment.map { UInt32($0) }
    }

    /// Whether the call is still open.
    func isOpen(_ id: UInt32) -> Bool { calls[id] != nil }

    /// The client abandoned the call (it sends CANCEL).
    mutating func cancel(_ id: UInt32) -> Bool {
        calls.removeValue(forKey: id) != nil
    }

    /// The connection closed: every open call fails.
    mutating func close() -> [UInt32] {
        phase = .closed
        let open = calls.keys.sorted()
        calls.removeAll()
        return open
    }
}
