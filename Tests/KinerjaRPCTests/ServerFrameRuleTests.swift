import KinerjaProto
import NIOCore
import Testing
@testable import KinerjaRPC

/// docs/PROTOCOL.md, section 6: every frame a server may receive outside the happy path, and what
/// it does with it — once for the state machine, once for the connection handler that acts on it.
@Suite("What the server does with each frame")
struct ServerFrameRuleTests {
    static let t0 = NIODeadline.uptimeNanoseconds(1_000_000_000)

    @Test("the state machine gives each frame of section 6 its documented answer", arguments: FrameRule.all)
    func stateMachine(_ rule: FrameRule) throws {
        var machine = ServerConnectionStateMachine(limits: RPCLimits(), now: Self.t0)
        for id in rule.endedCalls {
            let opened = machine.receive(ServerStateMachineTests.headers(id), now: Self.t0)
            guard case .startCall = opened else { Issue.record("call \(id) did not start: \(opened)"); return }
            machine.finish(id, now: Self.t0)
        }
        let action = machine.receive(rule.frame, now: Self.t0)
        switch rule.outcome {
        case .ignored:
            #expect(action == .none)
        case .closes(let code):
            guard case .closeConnection(code, _) = action else { Issue.record("expected GOAWAY \(code), got \(action)"); return }
        }
    }

    @Test("the connection handler answers each frame of section 6 as documented: ignored frames leave the connection serving, violations get GOAWAY and a close",
          arguments: FrameRule.all)
    func handler(_ rule: FrameRule) throws {
        let server = try EmbeddedServer()
        #expect(try server.sent().first?.type == .settings)
        for id in rule.endedCalls { try server.openAndEnd(id) }
        let ended = try EmbeddedServer.statuses(in: server.sent())
        #expect(ended.keys.sorted() == rule.endedCalls)
        try server.receive(rule.frame)
        let answer = try server.sent()
        switch rule.outcome {
        case .ignored:
            #expect(answer.isEmpty, "\(answer)")
            #expect(server.isOpen)
            // Still serving: a new call gets its answer.
            try server.openAndEnd(100)
            #expect(try EmbeddedServer.statuses(in: server.sent()) == [100: UInt32(RPCError.Code.unimplemented.rawValue)])
        case .closes(let code):
            let goAway = try #require(try EmbeddedServer.goAway(in: answer))
            #expect(goAway.code == code.rawValue)
            #expect(goAway.lastCallID == rule.endedCalls.max() ?? 0)
            #expect(!server.isOpen)
        }
    }

    @Test("frames that break the rules of an open call close the connection: WINDOW_UPDATE of 0, a window over 2^31-1, MESSAGE after END_STREAM, MESSAGE beyond the window")
    func openCallViolations() {
        func open() -> ServerConnectionStateMachine {
            var machine = ServerConnectionStateMachine(limits: RPCLimits(), now: Self.t0)
            _ = machine.receive(ServerStateMachineTests.headers(1, end: false), now: Self.t0)
            return machine
        }
        func closes(_ action: ServerConnectionStateMachine.Action, _ code: GoAwayCode) -> Bool {
            if case .closeConnection(code, _) = action { return true }
            return false
        }
        var zero = open()
        #expect(closes(zero.receive(FrameRule.windowUpdate(1, 0), now: Self.t0), .protocolError))
        var overflow = open()
        #expect(closes(overflow.receive(FrameRule.windowUpdate(1, UInt32(Int32.max)), now: Self.t0), .flowControlError))
        var afterEnd = open()
        _ = afterEnd.receive(ServerStateMachineTests.message(1, end: true), now: Self.t0)
        #expect(closes(afterEnd.receive(ServerStateMachineTests.message(1), now: Self.t0), .protocolError))
        #expect(closes(afterEnd.receive(Frame(.endStream, callID: 1), now: Self.t0), .protocolError))
        var beyond = open()
        for _ in 0..<RPCLimits.initialWindow { _ = beyond.receive(ServerStateMachineTests.message(1), now: Self.t0) }
        #expect(closes(beyond.receive(ServerStateMachineTests.message(1), now: Self.t0), .flowControlError))
    }
}
