import Foundation
import KinerjaProto
import KinerjaRPC
import Synchronization
import Testing

/// Issue 17's drain bug: once, under CPU load, a connection closed without close_notify while calls
/// were open. This drains a loaded server again and again while other threads take every core, and
/// requires what the protocol promises (docs/PROTOCOL.md, section 6): every call the server took
/// completes, every connection closes as `drained` with nothing cut short, the client sees no error.
@Suite("Drain under CPU load", .serialized)
struct DrainStressTests {
    /// Threads that spin until stopped: the server's event loops compete with them for the cores.
    final class CPUHogs: Sendable {
        private let stop = Atomic<Bool>(false)
        private let running = Atomic<Int>(0)

        init(threads: Int) {
            for _ in 0..<threads {
                let thread = Thread { [self] in
                    running.add(1, ordering: .relaxed)
                    var spin: UInt64 = 0
                    while !stop.load(ordering: .relaxed) { spin &+= 1 }
                    if spin == .max { print("") }
                    running.subtract(1, ordering: .relaxed)
                }
                thread.start()
            }
        }

        func end() async throws {
            stop.store(true, ordering: .relaxed)
            while running.load(ordering: .relaxed) > 0 { try await Task.sleep(for: .milliseconds(5)) }
        }
    }

    /// UNAVAILABLE for a call the server never took: the drain's GOAWAY came first, or the server
    /// is gone — a new connection refused, or reset during its TLS handshake by the closed listener.
    static func notTaken(_ message: String) -> Bool {
        ["cannot connect", "not started", "takes no new calls", "shutting down", "TLS with"].contains { message.contains($0) }
    }

    static func round(_ round: Int) async throws -> (closes: [ConnectionClosed], counts: Counts) {
        let closes = Mutex<[ConnectionClosed]>([])
        let server = try await RPCFixture.start(onConnectionClosed: { closed in closes.withLock { $0.append(closed) } })
        // Four clients, each its own connection, eight callers each: calls of 1–12 ms in flight when the drain starts.
        let clients = try (0..<4).map { _ in try server.client { $0.retry.maxAttempts = 1 } }
        let counts = Counts()
        let load = Task {
            await withTaskGroup(of: Void.self) { group in
                for (index, client) in clients.enumerated() {
                    for worker in 0..<8 {
                        group.addTask {
                            // Each caller calls until its connection's GOAWAY: a call refused by the
                            // drain (UNAVAILABLE before it was taken) is where the caller stops.
                            for i in 0..<10_000 {
                                do {
                                    let _: Message = try await client.unary(TestService.sleep, Message(key: "\(index).\(worker)", value: "\(1 + (i + worker) % 12)"),
                                                                            options: .defaults)
                                    counts.successes.add(1, ordering: .relaxed)
                                } catch let error as RPCError where error.code == .unavailable && Self.notTaken(error.message) {
                                    return  // refused before the server took it: the server is gone
                                } catch {
                                    counts.failures.add(1, ordering: .relaxed)
                                    counts.record(error)
                                    return
                                }
                            }
                        }
                    }
                }
            }
        }
        while counts.successes.load(ordering: .relaxed) < 64 { try await Task.sleep(for: .milliseconds(5)) }
        await server.server.shutdown()
        await load.value
        for client in clients { await client.close() }
        // Reports arrive as each channel goes inactive.
        for _ in 0..<400 where closes.withLock({ $0.count }) < clients.count { try await Task.sleep(for: .milliseconds(10)) }
        return (closes.withLock { $0 }, counts)
    }

    @Test("five drains of a loaded server with every core taken: no call fails, every connection drains")
    func drainsUnderCPULoad() async throws {
        let hogs = CPUHogs(threads: 2 * ProcessInfo.processInfo.activeProcessorCount)
        defer { Task { try? await hogs.end() } }
        for number in 0..<5 {
            let (closes, counts) = try await Self.round(number)
            #expect(counts.failures.load(ordering: .relaxed) == 0, "round \(number): \(counts.errors.prefix(5))")
            #expect(counts.successes.load(ordering: .relaxed) >= 64)
            #expect(closes.count == 4, "round \(number): one report per connection")
            for closed in closes {
                #expect(closed.cause == .drained && closed.openCalls == 0, "round \(number): \(closed)")
            }
        }
        try await hogs.end()
    }
}
