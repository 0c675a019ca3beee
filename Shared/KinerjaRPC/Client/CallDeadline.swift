/// The deadline of the call a task serves, so calls it makes downstream inherit what remains.
public enum CallDeadline {
    /// Set by the server around each handler; read by the client for outgoing calls.
    @TaskLocal public static var current: ContinuousClock.Instant?

    /// The earlier of the inherited deadline and `now + timeout`.
    static func effective(timeout: Duration?) -> ContinuousClock.Instant? {
        let own = timeout.map { ContinuousClock.now + $0 }
        switch (own, current) {
        case (let a?, let b?): return min(a, b)
        case (let a?, nil): return a
        case (nil, let b): return b
        }
    }
}
