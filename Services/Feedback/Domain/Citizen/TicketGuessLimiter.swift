/// The per-address limit on failed ticket guesses, so 70-bit codes cannot be brute-forced through
/// GetServiceTicket or SubmitCitizenRating.
///
/// A token bucket per address: ``Configuration/burst`` failed guesses (default 10), refilled
/// evenly at ``Configuration/perHour`` (default 12: one every 5 minutes). Only failures cost — an
/// unknown code, a malformed one or one whose check character fails — so a citizen who types
/// their code right is never slowed, and one who mistypes a few times is not locked out. Before
/// parsing the code the handler calls ``take(_:now:)``; when the ticket exists it calls
/// ``refund(_:now:)``, so a wrong code — unknown, malformed or failing its check — keeps its cost.
///
/// The key is the citizen's address as the citizen-facing client saw it, under that client
/// (``key(client:address:)``); a kiosk sends none and is limited as itself. At most
/// ``Configuration/maximumTrackedAddresses`` (10 000) keys are remembered: when full, keys whose
/// bucket has refilled are dropped first, then the least recently seen.
///
/// Time is a monotonic instant passed in (buckets live in memory and must not jump with the wall
/// clock), so the limiter is a value tests drive with given instants.
public struct TicketGuessLimiter: Sendable {
    /// The limits.
    public struct Configuration: Sendable, Hashable {
        /// Failed guesses an address may make at once.
        public var burst: Int
        /// Failed guesses an address regains per hour.
        public var perHour: Int
        /// Most addresses remembered.
        public var maximumTrackedAddresses: Int

        /// Limits; out-of-range values are raised to 1.
        public init(burst: Int = 10, perHour: Int = 12, maximumTrackedAddresses: Int = 10_000) {
            self.burst = max(1, burst)
            self.perHour = max(1, perHour)
            self.maximumTrackedAddresses = max(1, maximumTrackedAddresses)
        }
    }

    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    /// The limits in force.
    public let configuration: Configuration
    private var buckets: [String: Bucket] = [:]

    /// An empty limiter.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The key of a guess: the client's principal and the citizen's address (empty from a kiosk).
    public static func key(client: String, address: String) -> String {
        address.isEmpty ? client : client + "|" + address
    }

    /// Number of keys remembered.
    public var trackedCount: Int { buckets.count }

    /// Takes one guess for `key` before a lookup, or refuses it when none is left.
    ///
    /// The guess is charged up front, so guesses in flight at the same time are all counted;
    /// ``refund(_:now:)`` gives it back when the code turned out right.
    ///
    /// - Throws: ``FeedbackError`` `GUESS_LIMIT_REACHED` (RESOURCE_EXHAUSTED) with the wait.
    public mutating func take(_ key: String, now: ContinuousClock.Instant) throws(FeedbackError) {
        var bucket = buckets[key] ?? Bucket(tokens: Double(configuration.burst), updated: now)
        refill(&bucket, now: now)
        guard bucket.tokens >= 1 else {
            buckets[key] = bucket
            let wait = (1 - bucket.tokens) / perSecond
            let milliseconds = UInt64((wait * 1000).rounded(.up))
            throw FeedbackError(.guessLimitReached,
                                "too many wrong ticket codes from this address; try again in \(max(1, (milliseconds + 59_999) / 60_000)) minute(s)",
                                retryAfterMilliseconds: milliseconds)
        }
        bucket.tokens -= 1
        if buckets[key] == nil { makeRoom(now: now) }
        buckets[key] = bucket
    }

    /// Gives back the guess taken for `key`: the code was right (the ticket exists).
    public mutating func refund(_ key: String, now: ContinuousClock.Instant) {
        guard var bucket = buckets[key] else { return }
        refill(&bucket, now: now)
        bucket.tokens = min(Double(configuration.burst), bucket.tokens + 1)
        buckets[key] = bucket
    }

    private var perSecond: Double { Double(configuration.perHour) / 3600 }

    private func refill(_ bucket: inout Bucket, now: ContinuousClock.Instant) {
        let elapsed = bucket.updated.duration(to: now)
        let seconds = max(0, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        bucket.tokens = min(Double(configuration.burst), bucket.tokens + seconds * perSecond)
        if bucket.updated < now { bucket.updated = now }
    }

    private mutating func makeRoom(now: ContinuousClock.Instant) {
        guard buckets.count >= configuration.maximumTrackedAddresses else { return }
        let full = Double(configuration.burst)
        for (key, bucket) in buckets {
            var refilled = bucket
            refill(&refilled, now: now)
            if refilled.tokens >= full { buckets.removeValue(forKey: key) }
        }
        while buckets.count >= configuration.maximumTrackedAddresses,
              let oldest = buckets.min(by: { $0.value.updated < $1.value.updated })?.key {
            buckets.removeValue(forKey: oldest)
        }
    }
}
