import KinerjaProto
import NIOCore
import Testing
@testable import KinerjaRPC

@Suite("Client connection state machine")
struct ClientStateMachineTests {
    static func status(_ id: UInt32, _ code: RPCError.Code, _ message: String = "") -> Frame {
        Frame(.status, callID: id, payload: ByteBuffer(bytes: RPCError(code, message).encodedStatus))
    }

    static func goAway(_ last: UInt32) -> Frame {
        Frame(.goAway, callID: 0, payload: ByteBuffer(bytes: try! RPC.GoAway(lastCallID: last).serializedBytes()))
    }

    @Test("call ids start at 1 and grow by one")
    func ids() {
        var m = ClientConnectionStateMachine(initialWindow: 4)
        let ids = (0..<3).compactMap { _ in m.openCall() }
        #expect(ids == [1, 2, 3])
    }

    @Test("STATUS ends the call with its code and message; a status for an ended call is ignored")
    func status() {
        var m = ClientConnectionStateMachine(initialWindow: 4)
        let id = m.openCall()!
        #expect(m.receive(Self.status(id, .notFound, "NIP tidak ada")) == .finish(id, .notFound, "NIP tidak ada", []))
        #expect(m.receive(Self.status(id, .ok)) == .none)
        #expect(!m.isOpen(id))
    }

    @Test("a status code above 16 is UNKNOWN")
    func unknownCode() {
        var m = ClientConnectionStateMachine(initialWindow: 4)
        let id = m.openCall()!
        let frame = Frame(.status, callID: id, payload: ByteBuffer(bytes: try! RPC.Status(code: 99, message: "?").serializedBytes()))
        #expect(m.receive(frame) == .finish(id, .unknown, "?", []))
    }

    @Test("GOAWAY refuses calls above last_call_id as not started; no new calls afterwards")
    func goAway() {
        var m = ClientConnectionStateMachine(initialWindow: 4)
        for _ in 0..<4 { _ = m.openCall() }
        #expect(m.receive(Self.goAway(2)) == .goAway(refused: [3, 4]))
        #expect(m.isOpen(1) && m.isOpen(2))
        let refused = m.openCall()
        #expect(refused == nil)
        #expect(!m.acceptsCalls)
    }

    @Test("a cancel racing the response: a late MESSAGE or STATUS for the cancelled call is ignored")
    func cancelRace() {
        var m = ClientConnectionStateMachine(initialWindow: 4)
        let id = m.openCall()!
        let cancelled = m.cancel(id)
        #expect(cancelled)
        #expect(m.receive(Frame(.message, callID: id, payload: ByteBuffer(bytes: [1]))) == .none)
        #expect(m.receive(Self.status(id, .ok)) == .none)
    }

    @Test("responses beyond the window, HEADERS or END_STREAM from a server, and a message for a call never opened are protocol errors")
    func violations() {
        var m = ClientConnectionStateMachine(initialWindow: 2)
        let id = m.openCall()!
        _ = m.receive(Frame(.message, callID: id))
        _ = m.receive(Frame(.message, callID: id))
        guard case .closeConnection(.flowControlError, _) = m.receive(Frame(.message, callID: id)) else {
            Issue.record("window overrun accepted"); return
        }
        var n = ClientConnectionStateMachine(initialWindow: 2)
        guard case .closeConnection(.protocolError, _) = n.receive(Frame(.headers, callID: 1)) else { Issue.record("HEADERS accepted"); return }
        var o = ClientConnectionStateMachine(initialWindow: 2)
        guard case .closeConnection(.protocolError, _) = o.receive(Frame(.message, callID: 9)) else { Issue.record("unknown call accepted"); return }
    }

    @Test("PING is answered with the same bytes; SETTINGS is recorded")
    func control() {
        var m = ClientConnectionStateMachine(initialWindow: 2)
        let payload = ByteBuffer(bytes: [8, 7, 6, 5, 4, 3, 2, 1])
        #expect(m.receive(Frame(.ping, callID: 0, payload: payload)) == .sendPong(payload))
        let settings = RPC.Settings(maxConcurrentCalls: 7)
        _ = m.receive(Frame(.settings, callID: 0, payload: ByteBuffer(bytes: try! settings.serializedBytes())))
        #expect(m.serverSettings?.maxConcurrentCalls == 7)
    }

    @Test("closing fails every open call")
    func close() {
        var m = ClientConnectionStateMachine(initialWindow: 2)
        _ = m.openCall(); _ = m.openCall()
        let failed = m.close()
        #expect(failed == [1, 2])
        let next = m.openCall()
        #expect(next == nil)
    }
}
