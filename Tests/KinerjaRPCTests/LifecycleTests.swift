import KinerjaProto
import KinerjaRPC
import Synchronization
import Testing

@Suite("Drain, restart and limits", .serialized)
struct LifecycleTests {
    @Test("a drain during load finishes every call: calls in flight complete, refused ones are retried on the next server")
    func drainDuringLoad() async throws {
        let first = try await RPCFixture.startOnFixedPort()
        let client = try first.client { $0.retry.maxAttempts = 10 }
        let counts = Counts()
        let load = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<16 {
                    group.addTask {
                        for i in 0..<40 {
                            do {
                                let _: Message = try await client.unary(TestService.sleep, Message(key: "\(worker)", value: "\(5 + i % 10)"),
                                                                        options: .defaults)
                                counts.successes.add(1, ordering: .relaxed)
                            } catch {
                                counts.failures.add(1, ordering: .relaxed)
                                counts.record(error)
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        try await Task.sleep(for: .milliseconds(150))
        // Rolling restart: the old server releases its port and drains while a new one takes the port.
        await first.server.stopAccepting()
        async let drained: Void = first.server.shutdown()
        // The kernel may refuse the port for a moment while the old server's connections close.
        var restarted: RPCFixture?
        for _ in 0..<100 where restarted == nil {
            do { restarted = try await RPCFixture.start(port: first.port) } catch {
                let sockets = (try? await runProgram("/bin/sh", ["-c", "ss -tan | grep :\(first.port) | head -5"]))?.out ?? ""
                print("rebind \(first.port): \(error); sockets: \(sockets)")
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        let second = try #require(restarted)
        await drained
        try await load.value
        #expect(counts.failures.load(ordering: .relaxed) == 0, "\(counts.errors)")
        #expect(counts.successes.load(ordering: .relaxed) == 16 * 40)
        await client.close()
        await second.server.shutdown()
    }

    @Test("a client keeps working across a server restart: it reconnects")
    func reconnect() async throws {
        let first = try await RPCFixture.startOnFixedPort()
        let client = try first.client()
        let before: Message = try await client.unary(TestService.echo, Message(value: "a"), options: .defaults)
        #expect(before.value == "a")
        await first.server.shutdown()
        let second = try await RPCFixture.start(port: first.port)
        let after: Message = try await client.unary(TestService.echo, Message(value: "b"), options: .defaults)
        #expect(after.value == "b")
        await client.close()
        await second.server.shutdown()
    }

    @Test("calls over the concurrency limit of a connection are refused with RESOURCE_EXHAUSTED")
    func concurrencyLimit() async throws {
        var limits = RPCLimits()
        limits.maxConcurrentCalls = 4
        let fixture = try await RPCFixture.start(limits: limits)
        let connection = try await RawConnection.open(port: fixture.port)
        // Five slow calls on one connection, sent without waiting for the server's SETTINGS.
        for id in UInt32(1)...5 {
            try await connection.send(.headers, callID: id, message: RPC.CallHeader(method: TestService.sleep.path))
            try await connection.send(.message, flags: .endStream, callID: id, message: Message(value: "500"))
        }
        let status = try await connection.nextStatus()
        #expect(status.callID == 5)
        #expect(status.status.code == UInt32(RPCError.Code.resourceExhausted.rawValue))
        await connection.close()
        await fixture.server.shutdown()
    }

    @Test("an unreachable server fails the call with UNAVAILABLE after bounded retries")
    func unreachable() async throws {
        let fixture = try await RPCFixture.start()
        let port = fixture.port
        await fixture.server.shutdown()
        let client = try fixture.client { $0.retry.initialBackoff = .milliseconds(5) }
        do {
            let _: Message = try await client.unary(TestService.echo, Message(), options: .defaults)
            Issue.record("a call to a stopped server on port \(port) succeeded")
        } catch let error as RPCError {
            #expect(error.code == .unavailable)
        }
        await client.close()
    }
}

final class Counts: Sendable {
    let successes = Atomic<Int>(0)
    let failures = Atomic<Int>(0)
    private let seen = Mutex<[String]>([])
    func record(_ error: any Error) { seen.withLock { $0.append("\(error)") } }
    var errors: [String] { seen.withLock { $0 } }
}
