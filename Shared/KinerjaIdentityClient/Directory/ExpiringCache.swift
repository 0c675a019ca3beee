import Synchronization

/// A bounded cache whose entries expire: at most `capacity` entries (the least recently used go
/// first), each answered only while younger than `ttl`. An expired entry is never returned:
/// callers ask the source again, and fail rather than decide on stale data.
final class ExpiringCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var stored: ContinuousClock.Instant
        var used: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var tick: UInt64 = 0
    }

    private let state = Mutex(State())
    private let ttl: Duration
    private let capacity: Int

    /// A cache of at most `capacity` entries living `ttl` each.
    init(ttl: Duration, capacity: Int) {
        self.ttl = ttl
        self.capacity = max(capacity, 1)
    }

    /// The fresh value for `key`, if any.
    func get(_ key: Key, now: ContinuousClock.Instant = .now) -> Value? {
        state.withLock { state in
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
    }

    /// Stores `value` for `key`, evicting the least recently used eighth when full.
    func put(_ key: Key, _ value: Value, now: ContinuousClock.Instant = .now) {
        state.withLock { state in
            state.tick += 1
            state.entries[key] = Entry(value: value, stored: now, used: state.tick)
            guard state.entries.count > capacity else { return }
            let excess = state.entries.count - capacity + capacity / 8
            let oldest = state.entries.sorted { $0.value.used < $1.value.used }.prefix(excess).map(\.key)
            for key in oldest { state.entries.removeValue(forKey: key) }
        }
    }

    /// Forgets everything.
    func removeAll() {
        state.withLock { $0.entries.removeAll() }
    }

    /// Entries held (fresh or not yet collected).
    var count: Int { state.withLock { $0.entries.count } }
}
