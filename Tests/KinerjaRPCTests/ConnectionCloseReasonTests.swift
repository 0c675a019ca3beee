import KinerjaProto
import KinerjaRPC
import Synchronization
import Testing

/// Every server connection reports, once, which path closed it and how many calls it cut short
/// (the service runtime logs it; issue 17's drain investigation starts from these lines).
@Suite("Why a connection closed", .serialized)
struct ConnectionCloseReasonTests {
    final class Closes: Sendable {
        let seen = Mutex<[ConnectionClosed]>([])
        var observer: @Sendable (ConnectionClosed) -> Void { { closed in self.seen.withLock { $0.append(closed) } } }

        /// The first report (a hang guard of 20 s, not a timing assertion).
        func first() async throws -> ConnectionClosed {
            let deadline = ContinuousClock.now + .seconds(20)
            while ContinuousClock.now < deadline {
                if let closed = seen.withLock({ $0.first }) { return closed }
                try await Task.sleep(for: .milliseconds(20))
            }
            throw RPCTestError("no connection close reported within 20 s")
        }
    }

    @Test("the client closing after a call: client_closed, nothing cut short, the peer named")
    func clientClosed() async throws {
        let closes = Closes()
        let fixture = try await RPCFixture.start(onConnectionClosed: closes.observer)
        let client = try fixture.client()
        let _: Message = try await client.unary(TestService.echo, Message(value: "a"), options: .defaults)
        await client.close()
        let closed = try await closes.first()
        #expect(closed.cause == .clientClosed)
        #expect(closed.openCalls == 0 && closed.callsServed == 1)
        #expect(closed.peer?.hasSuffix("/client/hr-portal") == true && closed.remoteAddress?.hasPrefix("127.0.0.1:") == true)
        await fixture.server.shutdown()
        #expect(closes.seen.withLock { $0.count } == 1, "reported once")
    }

    @Test("a graceful shutdown with no call open: drained")
    func drained() async throws {
        let closes = Closes()
        let fixture = try await RPCFixture.start(onConnectionClosed: closes.observer)
        let client = try fixture.client()
        let _: Message = try await client.unary(TestService.echo, Message(value: "a"), options: .defaults)
        await fixture.server.shutdown()
        let closed = try await closes.first()
        #expect(closed.cause == .drained && closed.openCalls == 0)
        await client.close()
    }

    @Test("the drain's grace period ending with a call open: drain_grace_expired, one call cut short")
    func graceExpired() async throws {
        var limits = RPCLimits()
        limits.drainGracePeriod = .milliseconds(200)
        let closes = Closes()
        let fixture = try await RPCFixture.start(limits: limits, onConnectionClosed: closes.observer)
        let connection = try await RawConnection.open(port: fixture.port)
        try await connection.send(.headers, callID: 1, message: RPC.CallHeader(method: TestService.sleep.path))
        try await connection.send(.message, flags: .endStream, callID: 1, message: Message(value: "5000"))
        // Wait until the server has started the call, then shut down under it.
        while fixture.server.connectionCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
        try await Task.sleep(for: .milliseconds(100))
        await fixture.server.shutdown()
        let closed = try await closes.first()
        #expect(closed.cause == .drainGraceExpired, "\(closed)")
        #expect(closed.openCalls == 1)
        await connection.close()
    }

    @Test("idle past the idle timeout: idle")
    func idle() async throws {
        var limits = RPCLimits()
        limits.idleTimeout = .milliseconds(300)
        let closes = Closes()
        let fixture = try await RPCFixture.start(limits: limits, onConnectionClosed: closes.observer)
        let connection = try await RawConnection.open(port: fixture.port)
        let closed = try await closes.first()
        #expect(closed.cause == .idle && closed.openCalls == 0)
        await connection.close()
        await fixture.server.shutdown()
    }

    @Test("a frame that breaks the protocol: protocol_error, with the GOAWAY code in the detail")
    func protocolError() async throws {
        let closes = Closes()
        let fixture = try await RPCFixture.start(onConnectionClosed: closes.observer)
        let connection = try await RawConnection.open(port: fixture.port)
        // A MESSAGE for a call that was never opened.
        try await connection.send(.message, callID: 7, bytes: [1, 2, 3])
        _ = await connection.closedByServer()
        let closed = try await closes.first()
        #expect(closed.cause == .protocolError, "\(closed)")
        #expect(!closed.detail.isEmpty)
        await connection.close()
        await fixture.server.shutdown()
    }
}
