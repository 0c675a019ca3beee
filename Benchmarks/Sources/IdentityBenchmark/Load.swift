import BenchSupport

/// A closed-loop run: `inFlight` loops, each starting its next call as soon as the previous one
/// returned, for `warmup` + `duration` seconds; only calls inside the measured window count
/// (the same rules as RPCBenchClient, README.md "The peer contract").
func closedLoop(inFlight: Int, warmup: Double, duration: Double,
                _ call: @escaping @Sendable () async throws -> Void) async throws -> BenchResult {
    let window = MeasurementWindow(warmup: warmup, duration: duration)
    let samples = try await withThrowingTaskGroup(of: LatencySamples.self) { workers in
        for _ in 0..<inFlight {
            workers.addTask {
                var samples = LatencySamples()
                while true {
                    let begin = monotonicNanoseconds()
                    if begin >= window.measureUntil { break }
                    try await call()
                    let end = monotonicNanoseconds()
                    if window.counts(begin: begin, end: end) { samples.record(end - begin) }
                }
                return samples
            }
        }
        return try await workers.reduce(into: []) { $0.append($1) }
    }
    return BenchResult(unary: samples, window: window)
}

func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
