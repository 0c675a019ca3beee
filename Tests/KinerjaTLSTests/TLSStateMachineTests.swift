@testable import KinerjaTLS
import Testing

@Suite("TLS connection state machine")
struct TLSStateMachineTests {
    func active() -> TLSStateMachine {
        var machine = TLSStateMachine()
        _ = machine.activate()
        machine.handshakeCompleted()
        return machine
    }

    @Test("activation starts the handshake exactly once")
    func activation() {
        var machine = TLSStateMachine()
        let result1 = machine.activate()
        #expect(result1 == .startHandshake)
        let result2 = machine.activate()
        #expect(result2 == .none)
        #expect(machine.state == .handshaking)
    }

    @Test("writes are buffered until the handshake completes and flushes wait for it")
    func writesWaitForHandshake() {
        var machine = TLSStateMachine()
        _ = machine.activate()
        #expect(machine.write() == .buffer)
        #expect(machine.flush() == .wait)
        machine.handshakeCompleted()
        #expect(machine.flush() == .encrypt)
    }

    @Test("closing during the handshake closes the transport without SSL_shutdown")
    func closeDuringHandshake() {
        var machine = TLSStateMachine()
        _ = machine.activate()
        let result3 = machine.close()
        #expect(result3 == .closeTransport)
        #expect(machine.state == .closed)
    }

    @Test("closing an active connection sends close_notify, then the peer's answer closes the transport")
    func orderlyClose() {
        var machine = active()
        let result4 = machine.close()
        #expect(result4 == .sendCloseNotify)
        #expect(machine.write() == .fail)
        let result5 = machine.close()
        #expect(result5 == .joinClose)
        let result6 = machine.closeNotifyReceived()
        #expect(result6 == .closeTransport)
        let result7 = machine.inactive()
        #expect(result7 == .clean)
    }

    @Test("a close_notify from the peer is answered with ours")
    func peerCloses() {
        var machine = active()
        let result8 = machine.closeNotifyReceived()
        #expect(result8 == .replyAndClose)
        let result9 = machine.inactive()
        #expect(result9 == .clean)
    }

    @Test("EOF while active is a truncation; EOF during the handshake interrupts it; EOF while closing completes the close")
    func endOfFile() {
        var activeMachine = active()
        let result10 = activeMachine.inactive()
        #expect(result10 == .truncated)
        var handshaking = TLSStateMachine()
        _ = handshaking.activate()
        let result11 = handshaking.inactive()
        #expect(result11 == .handshakeInterrupted)
        var closing = active()
        _ = closing.close()
        let result12 = closing.inactive()
        #expect(result12 == .closeCompleted)
    }

    @Test("the handshake timer only fires during the handshake and the shutdown timer only while closing")
    func timers() {
        var machine = TLSStateMachine()
        _ = machine.activate()
        #expect(machine.handshakeTimedOut())
        machine.handshakeCompleted()
        #expect(!machine.handshakeTimedOut())
        let result13 = machine.shutdownTimedOut()
        #expect(!result13)
        _ = machine.close()
        let result14 = machine.shutdownTimedOut()
        #expect(result14)
        #expect(machine.state == .closed)
    }

    @Test("a failure is reported once")
    func failOnce() {
        var machine = active()
        let result15 = machine.fail()
        #expect(result15)
        let result16 = machine.fail()
        #expect(!result16)
        #expect(machine.inbound() == .discard)
    }
}
