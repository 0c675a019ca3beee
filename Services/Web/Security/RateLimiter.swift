import Synchronization

/// A token bucket per key (a client address, a NIP): `perMinute` requests, refilled evenly,
/// bursting up to the same number. Pure state behind a lock; time is passed in.
final class RateLimiter: Sendable {
    private struct Bucket { var tokens: Double; var updated: Double }
    private let buckets = Mutex<[String: Bucket]>([:])
    let perMinute: Int
    /// Keys kept at most (the oldest-updated are dropped first): bounds memory under a flood.
    let maxKeys: Int

    init(perMinute: Int, maxKeys: Int = 100_000) {
        self.perMinute = perMinute
        self.maxKeys = maxKeys
    }

    /// Takes one token for `key` at `now` (seconds); false when the bucket is empty.
    func take(_ key: String, now: Double) -> Bool {
        let capacity = Double(perMinute)
        let rate = capacity / 60
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: capacity, updated: now)
            bucket.tokens = min(capacity, bucket.tokens + max(0, now - bucket.updated) * rate)
            bucket.updated = now
            guard bucket.tokens >= 1 else {
                buckets[key] = bucket
                return false
            }
            bucket.tokens -= 1
            if buckets[key] == nil && buckets.count >= maxKeys {
                // Full buckets carry no information: forget those first.
                buckets = buckets.filter { $0.value.tokens + (now - $0.value.updated) * rate < capacity }
            }
            buckets[key] = bucket
            return true
        }
    }
}
