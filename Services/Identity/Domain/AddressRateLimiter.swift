/// A per-client-address token bucket for sign-in attempts, with a bound on memory.
///
/// Each address has a bucket of ``LoginThrottleConfiguration/addressBurst`` attempts (30)
/// that refills evenly at ``LoginThrottleConfiguration/addressAttemptsPerMinute`` (30 per
/// minute). At most ``LoginThrottleConfiguration/maximumTrackedAddresses`` (10 000) addresses
/// are remembered; a new one beyond that evicts the least recently seen, whose bucket was most
/// likely full again anyway. (An attacker cycling through more addresses than the bound gets
/// fresh buckets; the per-account lockout still limits guesses per account.)
///
/// Pass the address without the port: a client opens connections from many ports. Time is a
/// monotonic `ContinuousClock.Instant` passed in, because buckets live only in memory and must
/// not jump with the wall clock.
public struct AddressRateLimiter: Sendable {
    /// What the caller should do with an attempt.
    public enum Action: Sendable, Hashable {
        /// Go ahead; one attempt was used.
        case allow
        /// Refuse; an attempt will be available after this long (for RetryInfo).
        case limited(retryAfter: Duration)
    }

    private struct Entry {
        var address: String
        var tokens: Double
        var updated: ContinuousClock.Instant
        var newer: Int?
        var older: Int?
    }

    /// The limits in force.
    public let configuration: LoginThrottleConfiguration
    // An intrusive doubly linked list over `entries` keeps recency order with O(1) updates;
    // slots of evicted addresses are reused, so memory never grows past the bound.
    private var entries: [Entry] = []
    private var slots: [String: Int] = [:]
    private var newest: Int?
    private var oldest: Int?
    private var free: [Int] = []

    /// An empty limiter.
    public init(configuration: LoginThrottleConfiguration = .init()) {
        self.configuration = configuration.sanitised
    }

    /// Number of addresses currently remembered (at most the configured maximum).
    public var trackedAddressCount: Int { slots.count }

    /// Takes one attempt for `address` at `now`, or says how long to wait.
    public mutating func attempt(from address: String, now: ContinuousClock.Instant) -> Action {
        let capacity = Double(configuration.addressBurst)
        let perSecond = Double(configuration.addressAttemptsPerMinute) / 60
        let slot: Int
        if let known = slots[address] {
            slot = known
            let elapsed = entries[slot].updated.duration(to: now)
            // A clock value older than the last one (callers racing) refills nothing.
            let seconds = max(0, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            entries[slot].tokens = min(capacity, entries[slot].tokens + seconds * perSecond)
            if entries[slot].updated < now { entries[slot].updated = now }
            unlink(slot)
        } else {
            slot = insert(Entry(address: address, tokens: capacity, updated: now))
        }
        linkAsNewest(slot)
        if entries[slot].tokens >= 1 {
            entries[slot].tokens -= 1
            return .allow
        }
        let wait = (1 - entries[slot].tokens) / perSecond
        // Round up to the millisecond so a client retrying after exactly this long succeeds.
        return .limited(retryAfter: .milliseconds(Int64((wait * 1000).rounded(.up))))
    }

    /// Forgets `address` (e.g. after a successful sign-in from it, if the caller wants that).
    public mutating func forget(_ address: String) {
        guard let slot = slots.removeValue(forKey: address) else { return }
        unlink(slot)
        free.append(slot)
    }

    private mutating func insert(_ entry: Entry) -> Int {
        if slots.count >= configuration.maximumTrackedAddresses, let victim = oldest {
            slots.removeValue(forKey: entries[victim].address)
            unlink(victim)
            free.append(victim)
        }
        let slot: Int
        if let reused = free.popLast() {
            entries[reused] = entry
            slot = reused
        } else {
            entries.append(entry)
            slot = entries.count - 1
        }
        slots[entry.address] = slot
        return slot
    }

    private mutating func unlink(_ slot: Int) {
        let newer = entries[slot].newer, older = entries[slot].older
        if let newer { entries[newer].older = older } else if newest == slot { newest = older }
        if let older { entries[older].newer = newer } else if oldest == slot { oldest = newer }
        entries[slot].newer = nil
        entries[slot].older = nil
    }

    private mutating func linkAsNewest(_ slot: Int) {
        entries[slot].older = newest
        entries[slot].newer = nil
        if let newest { entries[newest].newer = slot }
        newest = slot
        if oldest == nil { oldest = slot }
    }
}
