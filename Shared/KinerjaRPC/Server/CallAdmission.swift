public import KinerjaProto
import Synchronization

/// The server's limit on calls in flight across all its connections (docs/RELIABILITY.md,
/// "Overload"). A call past the limit is answered RESOURCE_EXHAUSTED at once, before any handler,
/// interceptor or store work, with a RetryInfo and a QuotaFailure naming the limit; the health
/// service is never refused, so an operator or a load balancer sees a busy server as serving.
///
/// The per-connection limit (``RPCLimits/maxConcurrentCalls``) bounds one client; this bounds the
/// sum, so that twice the traffic a service can serve costs it a refusal per excess call instead of
/// a queue that grows until every call times out.
public final class CallAdmission: Sendable {
    /// Calls admitted at once.
    public let limit: Int
    private let inFlight = Atomic<Int>(0)
    private let refusedTotal = Atomic<Int>(0)
    private let admittedTotal = Atomic<Int>(0)
    /// Refusals not yet reported, and when the last report went out.
    private let report = Mutex<(pending: Int, last: ContinuousClock.Instant?)>((0, nil))
    private let onRefusals: (@Sendable (_ refused: Int, _ limit: Int) -> Void)?
    /// Methods never refused: the health service's.
    static let exemptPrefix = "/" + RPC.HealthService.descriptor.name + "/"

    /// Admits `limit` calls at once; `onRefusals` is told at most once a second how many calls were
    /// refused since it was last told (for the service log).
    public init(limit: Int, onRefusals: (@Sendable (_ refused: Int, _ limit: Int) -> Void)? = nil) {
        precondition(limit > 0, "the limit on calls in flight must be positive")
        self.limit = limit
        self.onRefusals = onRefusals
    }

    /// Calls being served now.
    public var callsInFlight: Int { inFlight.load(ordering: .relaxed) }
    /// Calls admitted since the server started (a service is idle while this stands still).
    public var callsAdmitted: Int { admittedTotal.load(ordering: .relaxed) }
    /// Calls refused since the server started.
    public var callsRefused: Int { refusedTotal.load(ordering: .relaxed) }

    /// Whether calls to `path` count against the limit (all but the health service's).
    func applies(to path: String) -> Bool { !path.hasPrefix(Self.exemptPrefix) }

    /// Takes a slot; false (and counted) when every slot is taken.
    func admit() -> Bool {
        if inFlight.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue <= limit {
            admittedTotal.wrappingAdd(1, ordering: .relaxed)
            return true
        }
        inFlight.wrappingSubtract(1, ordering: .acquiringAndReleasing)
        refusedTotal.wrappingAdd(1, ordering: .relaxed)
        noteRefusal()
        return false
    }

    /// Gives back the slot of an admitted call, when its handler has returned.
    func release() {
        inFlight.wrappingSubtract(1, ordering: .acquiringAndReleasing)
    }

    /// The status a refused call gets.
    var refusal: RPCError {
        var retry = RPC.StatusDetail()
        retry.detail = .retryInfo(RPC.RetryInfo(retryDelayMs: 200))
        var quota = RPC.StatusDetail()
        var violation = RPC.QuotaViolation()
        violation.subject = "server"
        violation.description = "at most \(limit) calls in flight"
        var failure = RPC.QuotaFailure()
        failure.violations = [violation]
        quota.detail = .quotaFailure(failure)
        return RPCError(.resourceExhausted, "the service is at capacity (\(limit) calls in flight); retry shortly",
                        details: [retry, quota])
    }

    private func noteRefusal() {
        guard let onRefusals else { return }
        let now = ContinuousClock.now
        let due = report.withLock { state -> Int? in
            state.pending += 1
            if let last = state.last, now - last < .seconds(1) { return nil }
            defer { state = (0, now) }
            return state.pending
        }
        if let due { onRefusals(due, limit) }
    }
}
