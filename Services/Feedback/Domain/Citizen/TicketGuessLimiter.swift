/// The per-address limit on failed ticket guesses, so 70-bit codes cannot be brute-forced through
/// GetServiceTicket or SubmitCitizenRating.
///
/// A token bucket per address: ``Configuration/burst`` failed guesses (default 10), refilled
/// evenly at ``Configuration/perHour`` (default 12: one every 5 minutes). Only failures cost — an
/// unknown code, a malformed one or one whose check character fails — so a citizen who types
/// their code right is never slowed, and one who mistypes a few times is not locked out. Before
/// parsing the code the handler calls ``take(_:now:)``; once it knows, ``settle(_:right:now:)``:
/// a right code gets its guess back, a wrong one — unknown, malformed or failing its check —
/// keeps its cost.
///
/// Guesses in flight are charged up front, so concurrent guesses all count, but they refuse
/// nothing until they are known to be wrong: a kiosk sending 64 right codes at once is not
/// refused because its bucket holds 10. An address is refused when its settled guesses have used
/// the bucket, or when ``Configuration/maximumInFlight`` (default 128) of its guesses are already
/// open — at 70 bits a code, 128 open guesses are as hopeless as 12 an hour.
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
        /// Most guesses of one address open at once.
        public var maximumInFlight: Int

        /// Limits; out-of-range values are raised to 1.
        public init(burst: Int = 10, perHour: Int = 12, maximumTrackedAddresses: Int = 10_000, maximumInFlight: Int = 128) {
            self.burst = max(1, burst)
            self.perHour = max(1, perHour)
            self.maximumTrackedAddresses = max(1, maximumTrackedAddresses)
            self.maximumInFlight = max(1, maximumInFlight)
        }
    }

    private struct Bucket {
        /// Guesses left, the open ones already taken off.
        var tokens: Double
        var updated: ContinuousClock.Instant
        /// Guesses taken and not yet settled.
        var inFlight = 0
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

    /// Takes one guess for `key` before a lookup, or refuses it when the address has used its
    /// guesses (open ones not counted against it) or has too many open.
    ///
    /// The guess is charged up front, so guesses in flight at the same time are all counted;
    /// ``settle(_:right:now:)`` gives it back when the code turned out right.
    ///
    /// - Throws: ``FeedbackError`` `GUESS_LIMIT_REACHED` (RESOURCE_EXHAUSTED) with the wait.
    public mutating func take(_ key: String, now: ContinuousClock.Instant) throws(FeedbackError) {
        var bucket = buckets[key] ?? Bucket(tokens: Double(configuration.burst), updated: now)
        refill(&bucket, now: now)
        let settled = bucket.tokens + Double(bucket.inFlight)
        guard settled >= 1, bucket.inFlight < configuration.maximumInFlight else {
            buckets[key] = bucket
            let wait = settled >= 1 ? 1 : (1 - settled) / perSecond
            let milliseconds = UInt64((wait * 1000).rounded(.up))
            throw FeedbackError(.guessLimitReached,
                                "too many wrong ticket codes from this address; try again in \(max(1, (milliseconds + 59_999) / 60_000)) minute(s)",
                                retryAfterMilliseconds: milliseconds)
        }
        bucket.tokens -= 1
        bucket.inFlight += 1
        if buckets[key] == nil { makeRoom(now: now) }
        buckets[key] = bucket
    }

    /// Ends the guess taken for `key`: a right code (the ticket exists) gets it back, a wrong one
    /// keeps its cost.
    public mutating func settle(_ key: String, right: Bool, now: ContinuousClock.Instant) {
        guard var bucket = buckets[key] else { return }
        refill(&bucket, now: now)
        bucket.inFlight = max(0, bucket.inFlight - 1)
        if right { bucket.tokens = min(Double(configuration.burst), bucket.tokens + 1) }
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
            if refilled.tokens >= full && bucket.inFlight == 0 { buckets.removeValue(forKey: key) }
        }
        while buckets.count >= configuration.maximumTrackedAddresses,
              let oldest = buckets.min(by: { $0.value.updated < $1.value.updated })?.key {
            buckets.removeValue(forKey: oldest)
        }
    }
}
