import KinerjaProto
@testable import KinerjaRPC
import NIOCore
import Testing

/// docs/PROTOCOL.md, section 2.6: a GOAWAY from the client means it opens no more calls.
@Suite("A client's own GOAWAY", .serialized)
struct ClientGoAwayTests {
    static let t0 = ServerStateMachineTests.t0

    static func goAway(code: GoAwayCode = .noError) -> Frame {
        Frame(.goAway, callID: 0, payload: ByteBuffer(bytes: try! RPC.GoAway(code: code.rawValue, reason: "done").serializedBytes()))
    }

    @Test("after the client's GOAWAY its open calls go on, a new HEADERS is a PROTOCOL_ERROR, and the connection may close once the last call ends")
    func stateMachine() {
        var m = ServerConnectionStateMachine(limits: RPCLimits(), now: Self.t0)
        _ = m.receive(ServerStateMachineTests.headers(1, end: false), now: Self.t0)
        #expect(m.receive(Self.goAway(), now: Self.t0) == .clientGoingAway)
        #expect(!m.drained)
        guard case .deliver(1, _, true) = m.receive(ServerStateMachineTests.message(1, end: true), now: Self.t0) else {
            Issue.record("the open call stopped"); return
        }
        guard case .closeConnection(.protocolError, _) = m.receive(ServerStateMachineTests.headers(3), now: Self.t0) else {
            Issue.record("a call after the client's GOAWAY was not a protocol error"); return
        }
        #expect(m.highestCallID == 1)  // the GOAWAY the server sends names the last call it accepted
        m.finish(1, now: Self.t0)
        #expect(m.drained)
    }

    @Test("a client's GOAWAY with no call open lets the connection close at once")
    func noCallOpen() {
        var m = ServerConnectionStateMachine(limits: RPCLimits(), now: Self.t0)
        #expect(m.receive(Self.goAway(), now: Self.t0) == .clientGoingAway)
        #expect(m.drained)
    }

    @Test("a client's GOAWAY with an error code ends the connection without an answer")
    func errorCode() {
        var m = ServerConnectionStateMachine(limits: RPCLimits(), now: Self.t0)
        _ = m.receive(ServerStateMachineTests.headers(1, end: false), now: Self.t0)
        guard case .abort = m.receive(Self.goAway(code: .protocolError), now: Self.t0) else {
            Issue.record("an error GOAWAY did not end the connection"); return
        }
    }

    @Test("a server drain after the client's GOAWAY keeps a later HEADERS a PROTOCOL_ERROR")
    func drainAfterClientGoAway() {
        var m = ServerConnectionStateMachine(limits: RPCLimits(), now: Self.t0)
        _ = m.receive(ServerStateMachineTests.headers(1, end: false), now: Self.t0)
        _ = m.receive(Self.goAway(), now: Self.t0)
        #expect(m.startDrain() == 1)
        guard case .closeConnection(.protocolError, _) = m.receive(ServerStateMachineTests.headers(2), now: Self.t0) else {
            Issue.record("a call after the client's GOAWAY was not a protocol error"); return
        }
    }

    @Test("a live server finishes the call open when the client's GOAWAY arrives, then closes the connection without a GOAWAY of its own",
          .timeLimit(.minutes(1)))
    func liveCallFinishesThenClose() async throws {
        let fixture = try await RPCFixture.start()
        let connection = try await RawConnection.open(port: fixture.port)
        try await connection.send(.headers, callID: 1, message: RPC.CallHeader(method: TestService.sleep.path))
        try await connection.send(.message, flags: .endStream, callID: 1, message: Message(value: "200"))
        try await connection.send(.goAway, callID: 0, message: RPC.GoAway(reason: "no more calls"))
        let status = try await connection.nextStatus()
        #expect(status.callID == 1)
        #expect(status.status.code == 0)
        let goAway = await connection.closedByServer()
        #expect(goAway == nil)
        await fixture.server.shutdown()
    }

    @Test("a live server answers HEADERS after the client's GOAWAY with GOAWAY PROTOCOL_ERROR and closes", .timeLimit(.minutes(1)))
    func liveHeadersAfterGoAway() async throws {
        let fixture = try await RPCFixture.start()
        let connection = try await RawConnection.open(port: fixture.port)
        try await connection.send(.headers, callID: 1, message: RPC.CallHeader(method: TestService.sleep.path))
        try await connection.send(.goAway, callID: 0, message: RPC.GoAway(reason: "no more calls"))
        try await connection.send(.headers, flags: .endStream, callID: 2, message: RPC.CallHeader(method: TestService.echo.path))
        let goAway = await connection.closedByServer()
        #expect(goAway?.code == GoAwayCode.protocolError.rawValue)
        #expect(goAway?.lastCallID == 1)
        #expect(fixture.service.probe.completed.load(ordering: .relaxed) == 0)
        await fixture.server.shutdown()
    }
}
