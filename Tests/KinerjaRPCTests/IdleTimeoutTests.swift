import KinerjaProto
import NIOCore
import Testing
@testable import KinerjaRPC

/// docs/PROTOCOL.md, section 5: a connection with no open call that receives nothing for the idle
/// timeout gets GOAWAY IDLE_TIMEOUT at that moment and is closed.
@Suite("Idle timeout", .serialized)
struct IdleTimeoutTests {
    static let t0 = ServerStateMachineTests.t0

    @Test("the idle moment is the idle timeout after the last frame or the end of the last call, whichever is later; there is none while a call is open")
    func idleDeadline() {
        var m = ServerConnectionStateMachine(limits: { var l = RPCLimits(); l.idleTimeout = .seconds(60); return l }(), now: Self.t0)
        #expect(m.idleDeadline == Self.t0 + .seconds(60))
        _ = m.receive(ServerStateMachineTests.headers(1), now: Self.t0 + .seconds(10))
        #expect(m.idleDeadline == nil)
        m.finish(1, now: Self.t0 + .seconds(500))
        #expect(m.idleDeadline == Self.t0 + .seconds(560))
        #expect(!m.idleExpired(at: Self.t0 + .seconds(559)))
        #expect(m.idleExpired(at: Self.t0 + .seconds(560)))
        _ = m.receive(ServerStateMachineTests.ping(), now: Self.t0 + .seconds(530))
        #expect(m.idleDeadline == Self.t0 + .seconds(590))
    }

    @Test("GOAWAY IDLE_TIMEOUT is sent when the idle timeout has passed and not one nanosecond before (fake clock)")
    func onTime() throws {
        var limits = RPCLimits()
        limits.idleTimeout = .seconds(300)
        let server = try EmbeddedServer(limits: limits)
        _ = try server.sent()
        server.advance(by: .seconds(300) - .nanoseconds(1))
        #expect(try server.sent().isEmpty)
        #expect(server.isOpen)
        server.advance(by: .nanoseconds(1))
        let goAway = try #require(try EmbeddedServer.goAway(in: server.sent()))
        #expect(goAway.code == GoAwayCode.idleTimeout.rawValue)
        #expect(!server.isOpen)
    }

    @Test("a frame received moves the idle moment: the connection closes the idle timeout after that frame (fake clock)")
    func frameMovesTheMoment() throws {
        var limits = RPCLimits()
        limits.idleTimeout = .seconds(300)
        let server = try EmbeddedServer(limits: limits)
        _ = try server.sent()
        server.advance(by: .seconds(200))
        try server.openAndEnd(1)
        _ = try server.sent()
        server.advance(by: .seconds(299))
        #expect(try server.sent().isEmpty)
        #expect(server.isOpen)
        server.advance(by: .seconds(1))
        let goAway = try #require(try EmbeddedServer.goAway(in: server.sent()))
        #expect(goAway.code == GoAwayCode.idleTimeout.rawValue)
        #expect(goAway.lastCallID == 1)
    }

    @Test("with a short configured idle timeout a live server sends GOAWAY IDLE_TIMEOUT naming the last call, and closes", .timeLimit(.minutes(1)))
    func live() async throws {
        var limits = RPCLimits()
        limits.idleTimeout = .milliseconds(300)
        let fixture = try await RPCFixture.start(limits: limits)
        let connection = try await RawConnection.open(port: fixture.port)
        try await connection.send(.headers, callID: 4, message: RPC.CallHeader(method: TestService.echo.path))
        try await connection.send(.message, flags: .endStream, callID: 4, message: Message(value: "x"))
        #expect(try await connection.nextStatus().status.code == 0)
        let goAway = await connection.closedByServer()
        #expect(goAway?.code == GoAwayCode.idleTimeout.rawValue)
        #expect(goAway?.lastCallID == 4)
        await fixture.server.shutdown()
    }
}
