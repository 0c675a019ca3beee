public import KinerjaProto
import Synchronization

/// A bounded pool for one kind of heavy work (uploads, exports): at most `limit` run at once, and
/// the next is refused RESOURCE_EXHAUSTED at once rather than queued, so a burst of one kind cannot
/// take the slots, the memory or the disk bandwidth the service's other calls need
/// (docs/RELIABILITY.md, "Overload"). Identity's password hashing has its own pool (HashingPool).
public final class WorkPool: Sendable {
    /// What the pool runs, in the refusal's words (`evidence uploads`, `exports`).
    public let name: String
    /// Runs at once.
    public let limit: Int
    private let running = Atomic<Int>(0)
    private let refusedTotal = Atomic<Int>(0)

    public init(name: String, limit: Int) {
        precondition(limit > 0, "a work pool needs at least one slot")
        self.name = name
        self.limit = limit
    }

    /// Work running now.
    public var inUse: Int { running.load(ordering: .relaxed) }
    /// Work refused since the service started.
    public var refused: Int { refusedTotal.load(ordering: .relaxed) }

    /// Runs `body` in a slot, or throws RESOURCE_EXHAUSTED (with a RetryInfo) when every slot is taken.
    public func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        guard running.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue <= limit else {
            running.wrappingSubtract(1, ordering: .acquiringAndReleasing)
            refusedTotal.wrappingAdd(1, ordering: .relaxed)
            var retry = RPC.StatusDetail()
            retry.detail = .retryInfo(RPC.RetryInfo(retryDelayMs: 1000))
            throw RPCError(.resourceExhausted, "too many \(name) in progress (at most \(limit) at once); retry in a few seconds",
                           details: [retry])
        }
        defer { running.wrappingSubtract(1, ordering: .acquiringAndReleasing) }
        return try await body()
    }
}
