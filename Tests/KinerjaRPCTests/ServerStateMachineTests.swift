import KinerjaProto
import NIOCore
import Testing
@testable import KinerjaRPC

/// The server's connection rules as a plain value with a fake clock: no sockets, no timers.
@Suite("Server connection state machine")
struct ServerStateMachineTests {
    static let t0 = NIODeadline.uptimeNanoseconds(1_000_000_000)

    static func headers(_ id: UInt32, end: Bool = true, method: String = "/kinerja.test.v1.TestService/Echo") -> Frame {
        Frame(.headers, flags: end ? .endStream : [], callID: id,
              payload: ByteBuffer(bytes: try! RPC.CallHeader(method: method).serializedBytes()))
    }

    static func message(_ id: UInt32, end: Bool = false) -> Frame {
        Frame(.message, flags: end ? .endStream : [], callID: id, payload: ByteBuffer(bytes: [0x0a, 0x01, 0x61]))
    }

    static func windowUpdate(_ id: UInt32, _ increment: UInt32) -> Frame {
        var payload = ByteBuffer()
        payload.writeInteger(increment)
        return Frame(.windowUpdate, callID: id, payload: payload)
    }

    static func ping() -> Frame { Frame(.ping, callID: 0, payload: ByteBuffer(bytes: [1, 2, 3, 4, 5, 6, 7, 8])) }

    func machine(_ adjust: (inout RPCLimits) -> Void = { _ in }) -> ServerConnectionStateMachine {
        var limits = RPCLimits()
        adjust(&limits)
        return ServerConnectionStateMachine(limits: limits, now: Self.t0)
    }

    func isClose(_ action: ServerConnectionStateMachine.Action, _ code: GoAwayCode) -> Bool {
        if case .closeConnection(let got, _) = action { return got == code }
        return false
    }

    @Test("HEADERS starts a call; its id must grow: a reused or smaller id closes the connection with PROTOCOL_ERROR")
    func callIDs() {
        var m = machine()
        guard case .startCall(3, let header, true) = m.receive(Self.headers(3), now: Self.t0) else {
            Issue.record("call 3 did not start"); return
        }
        #expect(header.method == "/kinerja.test.v1.TestService/Echo")
        #expect(isClose(m.receive(Self.headers(3), now: Self.t0), .protocolError))
        var n = machine()
        _ = n.receive(Self.headers(5), now: Self.t0)
        #expect(isClose(n.receive(Self.headers(4), now: Self.t0), .protocolError))
        var reserved = machine()
        #expect(isClose(reserved.receive(Self.headers(1 << 31), now: Self.t0), .protocolError))
    }

    @Test("call-level frames need a call id and connection-level frames must not have one")
    func callIDZero() {
        var m = machine()
        #expect(isClose(m.receive(Self.headers(0), now: Self.t0), .protocolError))
        var n = machine()
        #expect(isClose(n.receive(Frame(.ping, callID: 4, payload: ByteBuffer(bytes: [UInt8](repeating: 0, count: 8))), now: Self.t0), .protocolError))
    }

    @Test("a client may not send STATUS; unknown frame types are ignored")
    func directionAndUnknown() {
        var m = machine()
        _ = m.receive(Self.headers(1, end: false), now: Self.t0)
        #expect(m.receive(Frame(FrameType(rawValue: 0x42), callID: 1), now: Self.t0) == .none)
        #expect(isClose(m.receive(Frame(.status, callID: 1), now: Self.t0), .protocolError))
    }

    @Test("messages are delivered until END_STREAM; a message after it is a protocol error")
    func requestStream() {
        var m = machine()
        _ = m.receive(Self.headers(1, end: false), now: Self.t0)
        guard case .deliver(1, _, false) = m.receive(Self.message(1), now: Self.t0) else { Issue.record("not delivered"); return }
        guard case .deliver(1, _, true) = m.receive(Self.message(1, end: true), now: Self.t0) else { Issue.record("no end"); return }
        #expect(isClose(m.receive(Self.message(1), now: Self.t0), .protocolError))
    }

    @Test("END_STREAM without a message ends the request stream once")
    func endStreamFrame() {
        var m = machine()
        _ = m.receive(Self.headers(1, end: false), now: Self.t0)
        #expect(m.receive(Frame(.endStream, callID: 1), now: Self.t0) == .endRequests(1))
        #expect(isClose(m.receive(Frame(.endStream, callID: 1), now: Self.t0), .protocolError))
    }

    @Test("a message for a call never started is a protocol error; for a finished call it is ignored")
    func messagesForUnknownCalls() {
        var m = machine()
        _ = m.receive(Self.headers(1), now: Self.t0)
        m.finish(1, now: Self.t0)
        #expect(m.receive(Self.message(1), now: Self.t0) == .none)
        #expect(isClose(m.receive(Self.message(7), now: Self.t0), .protocolError))
    }

    @Test("a client that sends more messages than its window closes the connection with FLOW_CONTROL_ERROR")
    func receiveWindow() {
        var m = machine()
        _ = m.receive(Self.headers(1, end: false), now: Self.t0)
        for _ in 0..<RPCLimits.initialWindow { _ = m.receive(Self.message(1), now: Self.t0) }
        #expect(isClose(m.receive(Self.message(1), now: Self.t0), .flowControlError))
    }

    @Test("consuming half the window grants it back with WINDOW_UPDATE")
    func windowReplenished() {
        var m = machine()
        _ = m.receive(Self.headers(1, end: false), now: Self.t0)
        var granted: UInt32 = 0
        for _ in 0..<RPCLimits.initialWindow {
            _ = m.receive(Self.message(1), now: Self.t0)
            granted += m.consumed(1) ?? 0
        }
        #expect(granted == UInt32(RPCLimits.initialWindow))
        guard case .deliver = m.receive(Self.message(1), now: Self.t0) else { Issue.record("window not reopened"); return }
    }

    @Test("the server sends at most a window of messages until the client grants more; bad grants are errors")
    func sendWindow() {
        var m = machine()
        _ = m.receive(Self.headers(1), now: Self.t0)
        var credits = 0
        while m.takeSendCredit(1) { credits += 1 }
        #expect(credits == RPCLimits.initialWindow)
        #expect(m.receive(Self.windowUpdate(1, 2), now: Self.t0) == .windowOpened(1))
        credits = 0
        while m.takeSendCredit(1) { credits += 1 }
        #expect(credits == 2)
        #expect(isClose(m.receive(Self.windowUpdate(1, 0), now: Self.t0), .protocolError))
        var n = machine()
        _ = n.receive(Self.headers(1), now: Self.t0)
        #expect(isClose(n.receive(Self.windowUpdate(1, UInt32(Int32.max)), now: Self.t0), .flowControlError))
    }

    @Test("calls over the concurrency limit are refused with RESOURCE_EXHAUSTED; finishing one makes room")
    func concurrencyLimit() {
        var m = machine { $0.maxConcurrentCalls = 2 }
        _ = m.receive(Self.headers(1), now: Self.t0)
        _ = m.receive(Self.headers(2), now: Self.t0)
        guard case .refuseCall(3, let error) = m.receive(Self.headers(3), now: Self.t0) else { Issue.record("not refused"); return }
        #expect(error.code == .resourceExhausted)
        m.finish(1, now: Self.t0)
        guard case .startCall(4, _, _) = m.receive(Self.headers(4), now: Self.t0) else { Issue.record("no room"); return }
    }

    @Test("an oversize or undecodable call header refuses only that call")
    func badHeaders() {
        var m = machine { $0.maxMetadataSize = 16 }
        guard case .refuseCall(1, let big) = m.receive(Self.headers(1), now: Self.t0) else { Issue.record("oversize accepted"); return }
        #expect(big.code == .resourceExhausted)
        var n = machine()
        guard case .refuseCall(1, let bad) = n.receive(Frame(.headers, callID: 1, payload: ByteBuffer(bytes: [0x0a, 0x05])), now: Self.t0) else {
            Issue.record("undecodable header accepted"); return
        }
        #expect(bad.code == .invalidArgument)
    }

    @Test("a ping burst of 10 is answered; the 11th at the same instant gets ENHANCE_YOUR_CALM; the bucket refills at 1/s")
    func pingFlood() {
        var m = machine()
        for _ in 0..<10 {
            guard case .sendPong = m.receive(Self.ping(), now: Self.t0) else { Issue.record("ping not answered"); return }
        }
        #expect(isClose(m.receive(Self.ping(), now: Self.t0), .enhanceYourCalm))
        var n = machine()
        for _ in 0..<10 { _ = n.receive(Self.ping(), now: Self.t0) }
        guard case .sendPong = n.receive(Self.ping(), now: Self.t0 + .seconds(2)) else { Issue.record("bucket did not refill"); return }
        #expect(isClose(n.receive(Frame(.ping, callID: 0, payload: ByteBuffer(bytes: [1])), now: Self.t0 + .seconds(9)), .protocolError))
    }

    @Test("the connection is idle only with no open call and no frame for the idle timeout")
    func idleTimeout() {
        var m = machine { $0.idleTimeout = .seconds(60) }
        #expect(!m.idleExpired(at: Self.t0 + .seconds(59)))
        #expect(m.idleExpired(at: Self.t0 + .seconds(60)))
        _ = m.receive(Self.headers(1), now: Self.t0 + .seconds(30))
        #expect(!m.idleExpired(at: Self.t0 + .seconds(200)))  // a call is open
        m.finish(1, now: Self.t0 + .seconds(30))
        #expect(!m.idleExpired(at: Self.t0 + .seconds(89)))
        #expect(m.idleExpired(at: Self.t0 + .seconds(90)))
    }

    @Test("GOAWAY drain: calls in flight go on, new calls are refused UNAVAILABLE (not started), drained when the last ends")
    func drain() {
        var m = machine()
        _ = m.receive(Self.headers(1, end: false), now: Self.t0)
        _ = m.receive(Self.headers(2), now: Self.t0)
        #expect(m.startDrain() == 2)
        #expect(!m.drained)
        guard case .refuseCall(3, let refused) = m.receive(Self.headers(3), now: Self.t0) else { Issue.record("new call accepted"); return }
        #expect(refused.code == .unavailable && refused.message.contains("not started"))
        guard case .deliver(1, _, _) = m.receive(Self.message(1), now: Self.t0) else { Issue.record("call 1 stopped"); return }
        m.finish(1, now: Self.t0)
        #expect(!m.drained)
        m.finish(2, now: Self.t0)
        #expect(m.drained)
    }

    @Test("a cancel racing the response: the call stops, later frames for it are ignored")
    func cancelRace() {
        var m = machine()
        _ = m.receive(Self.headers(1, end: false), now: Self.t0)
        #expect(m.receive(Frame(.cancel, callID: 1), now: Self.t0) == .cancelCall(1))
        #expect(!m.isOpen(1))
        let credit = m.takeSendCredit(1)
        #expect(!credit)  // the handler's response is dropped
        #expect(m.receive(Self.message(1), now: Self.t0) == .none)
        #expect(m.receive(Frame(.cancel, callID: 1), now: Self.t0) == .none)
        #expect(m.receive(Self.windowUpdate(1, 4), now: Self.t0) == .none)
    }

    @Test("after close nothing happens")
    func closed() {
        var m = machine()
        _ = m.receive(Self.headers(1), now: Self.t0)
        m.close()
        #expect(m.receive(Self.headers(2), now: Self.t0) == .none)
        #expect(!m.isOpen(1))
    }
}
