@testable import KinerjaIdentityClient
import KinerjaProto
import KinerjaService
import Synchronization
import Testing

/// Counts the loads a cache makes and lets a test hold them until it opens the gate.
private final class Loads: Sendable {
    private let state = Mutex((count: 0, open: false))
    var count: Int { state.withLock { $0.count } }
    func open() { state.withLock { $0.open = true } }
    func load(_ value: Int, failing: Bool = false) async throws -> Int {
        state.withLock { $0.count += 1 }
        while !state.withLock({ $0.open }) { try await Task.sleep(for: .milliseconds(5)) }
        if failing { throw RPCError(.unavailable, "identity is unreachable: retry later") }
        return value
    }
}

@Suite("The identity directory's expiring cache")
struct ExpiringCacheTests {
    @Test("forty callers missing the same key while it loads share one load and all get its value; the value is kept")
    func singleFlight() async throws {
        let cache = ExpiringCache<String, Int>(ttl: .seconds(30), capacity: 8)
        let loads = Loads()
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<40 { group.addTask { try await cache.value(for: "org") { try await loads.load(7) } } }
            while cache.loadsInFlight == 0 { try await Task.sleep(for: .milliseconds(5)) }
            try await Task.sleep(for: .milliseconds(50))
            loads.open()
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(values == Array(repeating: 7, count: 40))
        #expect(loads.count == 1)
        #expect(cache.get("org") == 7 && cache.loadsInFlight == 0)
        #expect(try await cache.value(for: "org") { try await loads.load(8) } == 7, "a fresh entry is answered without loading")
        #expect(loads.count == 1)
    }

    @Test("a failed load reaches every waiting caller, is not kept, and the next caller loads again")
    func failedLoad() async throws {
        let cache = ExpiringCache<String, Int>(ttl: .seconds(30), capacity: 8)
        let loads = Loads()
        let failures = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    do { _ = try await cache.value(for: "org") { try await loads.load(1, failing: true) }; return false } catch { return true }
                }
            }
            while cache.loadsInFlight == 0 { try? await Task.sleep(for: .milliseconds(5)) }
            try? await Task.sleep(for: .milliseconds(50))
            loads.open()
            return await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
        }
        #expect(failures == 10 && loads.count == 1)
        #expect(cache.get("org") == nil && cache.loadsInFlight == 0)
        #expect(try await cache.value(for: "org") { try await loads.load(2) } == 2)
        #expect(loads.count == 2)
    }

    @Test("an expired entry is loaded again; different keys load separately")
    func expiry() async throws {
        let cache = ExpiringCache<String, Int>(ttl: .milliseconds(1), capacity: 8)
        let loads = Loads()
        loads.open()
        #expect(try await cache.value(for: "a") { try await loads.load(1) } == 1)
        try await Task.sleep(for: .milliseconds(20))
        #expect(try await cache.value(for: "a") { try await loads.load(2) } == 2)
        #expect(try await cache.value(for: "b") { try await loads.load(3) } == 3)
        #expect(loads.count == 3)
    }
}

@Suite("The identity directory's expiring cache when the service is idle")
struct ExpiringCacheIdleTests {
    @Test("releaseIdle drops the expired entries and keeps the fresh ones; FreedMemory.releaseIdle reaches a live cache")
    func idleRelease() async throws {
        let cache = ExpiringCache<String, Int>(ttl: .seconds(30), capacity: 8)
        let start = ContinuousClock.now
        cache.put("old", 1, now: start)
        cache.put("new", 2, now: start + .seconds(20))
        cache.releaseIdle(now: start + .seconds(40))
        #expect(cache.count == 1)
        #expect(cache.get("new", now: start + .seconds(40)) == 2)
        // Through the registry (the host's idle check): every entry here is long expired by now.
        let registered = ExpiringCache<String, Int>(ttl: .milliseconds(1), capacity: 8)
        registered.put("a", 1)
        try await Task.sleep(for: .milliseconds(5))
        FreedMemory.releaseIdle()
        #expect(registered.count == 0)
    }
}
