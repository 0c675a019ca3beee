/// Call latencies of one worker (one in-flight slot), in nanoseconds; merged at the end of a run.
public struct LatencySamples: Sendable {
    public private(set) var nanoseconds: [UInt64] = []

    public init() { nanoseconds.reserveCapacity(1 << 16) }

    @inline(__always)
    public mutating func record(_ latency: UInt64) { nanoseconds.append(latency) }

    public var count: Int { nanoseconds.count }

    /// All samples of all workers, sorted, ready for ``percentile(_:)``.
    public static func merged(_ workers: [LatencySamples]) -> LatencySamples {
        var all = LatencySamples()
        all.nanoseconds = workers.flatMap(\.nanoseconds).sorted()
        return all
    }

    /// The `p`-th percentile (0...100) in microseconds, nearest rank; the samples must be sorted.
    public func percentile(_ p: Double) -> Double? {
        guard !nanoseconds.isEmpty else { return nil }
        let rank = Int((p / 100 * Double(nanoseconds.count)).rounded(.up)) - 1
        return Double(nanoseconds[min(max(rank, 0), nanoseconds.count - 1)]) / 1000
    }
}
