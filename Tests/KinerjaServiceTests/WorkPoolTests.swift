import KinerjaProto
import KinerjaService
import Synchronization
import Testing

/// The bounded pools for heavy work (uploads, exports): `limit` at once, the next refused at once.
@Suite("WorkPool")
struct WorkPoolTests {
    @Test("at most `limit` run at once; the next is refused RESOURCE_EXHAUSTED with a RetryInfo, naming the work")
    func refusesPastTheLimit() async throws {
        let pool = WorkPool(name: "evidence uploads", limit: 2)
        let gate = AsyncStream<Void>.makeStream()
        final class Entered: Sendable { let count = Atomic<Int>(0) }
        let entered = Entered()
        let holders = (0..<2).map { _ in
            Task {
                try await pool.run {
                    entered.count.add(1, ordering: .relaxed)
                    for await _ in gate.stream {}
                    return 1
                }
            }
        }
        for _ in 0..<500 where entered.count.load(ordering: .relaxed) < 2 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(pool.inUse == 2)
        do {
            _ = try await pool.run { 3 }
            Issue.record("a third run was admitted")
        } catch let error as RPCError {
            #expect(error.code == .resourceExhausted)
            #expect(error.message.contains("evidence uploads"))
            #expect(error.message.contains("at most 2"))
            #expect(error.details.contains { if case .retryInfo = $0.detail { true } else { false } })
        }
        #expect(pool.refused == 1)
        gate.continuation.finish()
        for holder in holders { #expect(try await holder.value == 1) }
        #expect(pool.inUse == 0)
        #expect(try await pool.run { 4 } == 4, "the slots came back")
    }

    @Test("a body that throws gives its slot back and its error through")
    func throwingBodyReleases() async throws {
        struct Boom: Error {}
        let pool = WorkPool(name: "exports", limit: 1)
        for _ in 0..<3 {
            await #expect(throws: Boom.self) { try await pool.run { () async throws -> Int in throw Boom() } }
        }
        #expect(pool.inUse == 0)
        #expect(pool.refused == 0)
        #expect(try await pool.run { "ok" } == "ok")
    }
}
