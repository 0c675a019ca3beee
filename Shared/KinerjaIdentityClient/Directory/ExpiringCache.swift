import KinerjaService
import Synchronization

/// A bounded cache whose entries expire: at most `capacity` entries (the least recently used go
/// first), each answered only while younger than `ttl`. An expired entry is never returned:
/// callers ask the source again, and fail rather than decide on stale data.
final class ExpiringCache<Key: Hashable & Sendable, Value: Sendable>: IdleReleasable {
    private struct Entry {
        var value: Value
        var stored: ContinuousClock.Instant
        var used: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var tick: UInt64 = 0
        var loading: [Key: Task<Value, any Error>] = [:]
    }

    private enum Lookup {
        case stored(Value)
        case loading(Task<Value, any Error>)
    }

    private let state = Mutex(State())
    private let ttl: Duration
    private let capacity: Int

    /// A cache of at most `capacity` entries living `ttl` each.
    init(ttl: Duration, capacity: Int) {
        self.ttl = ttl
        self.capacity = max(capacity, 1)
        FreedMemory.register(self)
    }

    /// The fresh value for `key`, if any.
    func get(_ key: Key, now: ContinuousClock.Instant = .now) -> Value? {
        state.withLock { state in fresh(key, now: now, in: &state) }
    }

    /// The fresh value for `key` (marked used), dropping an expired one.
    private func fresh(_ key: Key, now: ContinuousClock.Instant, in state: inout State) -> Value? {
        guard var entry = state.entries[key] else { return nil }
        guard now - entry.stored < ttl else {
            state.entries.removeValue(forKey: key)
            return nil
        }
        state.tick += 1
        entry.used = state.tick
        state.entries[key] = entry
        return entry.value
    }

    /// Stores `value` for `key`, evicting the least recently used eighth when full.
    func put(_ key: Key, _ value: Value, now: ContinuousClock.Instant = .now) {
        state.withLock { state in store(key, value, now: now, in: &state) }
    }

    private func store(_ key: Key, _ value: Value, now: ContinuousClock.Instant, in state: inout State) {
        state.tick += 1
        state.entries[key] = Entry(value: value, stored: now, used: state.tick)
        guard state.entries.count > capacity else { return }
        let excess = state.entries.count - capacity + capacity / 8
        let oldest = state.entries.sorted { $0.value.used < $1.value.used }.prefix(excess).map(\.key)
        for key in oldest { state.entries.removeValue(forKey: key) }
    }

    /// The fresh value for `key`, or the one `load` gives, stored. Callers that miss the same key
    /// while it loads wait for that one load instead of each asking the source (single flight):
    /// when an entry expires under load, the source sees one call, not one per waiting caller.
    /// A failed load is not stored; every caller waiting on it gets its error.
    func value(for key: Key, load: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let now = ContinuousClock.now
        let found: Lookup = state.withLock { state in
            if let value = fresh(key, now: now, in: &state) { return .stored(value) }
            if let running = state.loading[key] { return .loading(running) }
            let started = Task { try await load() }
            state.loading[key] = started
            return .loading(started)
        }
        switch found {
        case .stored(let value):
            return value
        case .loading(let task):
            do {
                let value = try await task.value
                finish(key, task, storing: value)
                return value
            } catch {
                finish(key, task, storing: nil)
                throw error
            }
        }
    }

    /// Ends `task`'s load of `key` (once, by whichever waiter gets here first) and stores its
    /// value in the same step, so a caller arriving now finds either the load or its value.
    private func finish(_ key: Key, _ task: Task<Value, any Error>, storing value: Value?) {
        let now = ContinuousClock.now
        state.withLock { state in
            guard state.loading[key] == task else { return }
            state.loading.removeValue(forKey: key)
            if let value { store(key, value, now: now, in: &state) }
        }
    }

    /// Loads of keys under way (tests).
    var loadsInFlight: Int { state.withLock { $0.loading.count } }

    /// Forgets everything.
    func removeAll() {
        state.withLock { $0.entries.removeAll() }
    }

    /// Drops the expired entries (all of them after a quiet minute: the service was idle), and
    /// the table's spare capacity with them.
    func releaseIdle(now: ContinuousClock.Instant) {
        let ttl = self.ttl
        state.withLock { state in
            state.entries = state.entries.filter { now - $0.value.stored < ttl }
        }
    }

    func releaseIdle() { releaseIdle(now: .now) }

    /// Entries held (fresh or not yet collected).
    var count: Int { state.withLock { $0.entries.count } }
}
