import KinerjaProto
import KinerjaRPC
import Synchronization
import Testing

/// The server-wide limit on calls in flight (`CallAdmission`, docs/RELIABILITY.md "Overload"):
/// past it a call is refused RESOURCE_EXHAUSTED before any handler runs, the health service still
/// answers, and the server admits calls again as soon as slots free up.
@Suite("Overload: the server's limit on calls in flight")
struct OverloadTests {
    /// Starts `count` Sleep calls of `milliseconds` on `client`, and waits until their handlers run.
    static func occupy(_ count: Int, _ client: RPCClient, _ fixture: RPCFixture, milliseconds: Int) async throws -> [Task<Void, any Error>] {
        let before = fixture.service.probe.started.load(ordering: .relaxed)
        let calls = (0..<count).map { _ in
            Task {
                let bytes = try Message(key: "", value: "\(milliseconds)").serializedBytes()
                _ = try await client.unary(TestService.sleep, request: bytes, options: .defaults)
            }
        }
        for _ in 0..<500 where fixture.service.probe.started.load(ordering: .relaxed) < before + count {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(fixture.service.probe.started.load(ordering: .relaxed) == before + count)
        return calls
    }

    /// The status code of an Echo call (OK = 0).
    static func echo(_ client: RPCClient) async -> (RPCError.Code?, RPCError?) {
        do {
            _ = try await client.unary(TestService.echo, request: try Message(key: "k", value: "v").serializedBytes(), options: .defaults)
            return (nil, nil)
        } catch let error as RPCError {
            return (error.code, error)
        } catch {
            return (.unknown, nil)
        }
    }

    @Test("past the limit a call is refused RESOURCE_EXHAUSTED with a RetryInfo, health answers, and the slots come back")
    func refusesPastTheLimit() async throws {
        let reports = Mutex<[Int]>([])
        let admission = CallAdmission(limit: 3) { refused, _ in reports.withLock { $0.append(refused) } }
        let fixture = try await RPCFixture.start(admission: admission)
        let client = try fixture.client()
        let busy = try await Self.occupy(3, client, fixture, milliseconds: 3_000)
        #expect(admission.callsInFlight == 3)

        // Refused while the three handlers still sleep: the answer does not wait for a slot.
        for _ in 0..<5 {
            let (code, error) = await Self.echo(client)
            #expect(code == .resourceExhausted)
            #expect(error?.message.contains("at capacity") == true)
            #expect(error?.details.contains { if case .retryInfo = $0.detail { true } else { false } } == true)
        }
        #expect(fixture.service.probe.completed.load(ordering: .relaxed) == 0, "the refusals came before any slot was freed")
        #expect(admission.callsRefused == 5)
        #expect(reports.withLock { $0.reduce(0, +) } >= 1, "the service log is told of refusals")

        // The health service is never refused.
        let health = RPC.HealthService.Client(transport: client)
        #expect(try await health.check(RPC.CheckRequest(service: "")).status == .serving)

        for call in busy { try await call.value }
        #expect(admission.callsInFlight == 0)
        let (code, _) = await Self.echo(client)
        #expect(code == nil, "admitted again once the slots are free")
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("the limit is the sum over connections, not per connection")
    func limitSpansConnections() async throws {
        let admission = CallAdmission(limit: 2)
        let fixture = try await RPCFixture.start(admission: admission)
        let first = try fixture.client("hr-portal"), second = try fixture.client("hr-portal")
        let a = try await Self.occupy(1, first, fixture, milliseconds: 2_000)
        let b = try await Self.occupy(1, second, fixture, milliseconds: 2_000)
        #expect(await Self.echo(first).0 == .resourceExhausted)
        #expect(await Self.echo(second).0 == .resourceExhausted)
        for call in a + b { try await call.value }
        #expect(await Self.echo(second).0 == nil)
        await first.close()
        await second.close()
        await fixture.server.shutdown()
    }

    @Test("a call cancelled by its client gives its slot back")
    func cancelledCallReleases() async throws {
        let admission = CallAdmission(limit: 1)
        let fixture = try await RPCFixture.start(admission: admission)
        let client = try fixture.client()
        let busy = try await Self.occupy(1, client, fixture, milliseconds: 30_000)
        #expect(await Self.echo(client).0 == .resourceExhausted)
        busy[0].cancel()
        for _ in 0..<500 where admission.callsInFlight > 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(admission.callsInFlight == 0)
        #expect(fixture.service.probe.cancelled.load(ordering: .relaxed) == 1)
        #expect(await Self.echo(client).0 == nil)
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("a failing handler gives its slot back")
    func failedCallReleases() async throws {
        let admission = CallAdmission(limit: 1)
        let fixture = try await RPCFixture.start(admission: admission)
        let client = try fixture.client()
        for _ in 0..<3 {
            await #expect(throws: RPCError.self) {
                _ = try await client.unary(TestService.fail, request: try Message(key: "rpc", value: "no").serializedBytes(), options: .defaults)
            }
        }
        #expect(admission.callsInFlight == 0)
        #expect(admission.callsRefused == 0)
        #expect(await Self.echo(client).0 == nil)
        await client.close()
        await fixture.server.shutdown()
    }
}
