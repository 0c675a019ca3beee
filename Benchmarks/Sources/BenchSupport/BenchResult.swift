/// The one JSON line a benchmark client prints on standard output at the end of a run.
///
/// `{"calls_per_s":…,"p50_us":…,"p99_us":…,"messages_per_s":…}`; a figure that the mode does not
/// produce is `null`.
public struct BenchResult: Sendable {
    public var callsPerSecond: Double?
    public var p50Microseconds: Double?
    public var p99Microseconds: Double?
    public var messagesPerSecond: Double?

    public init(callsPerSecond: Double? = nil, p50Microseconds: Double? = nil,
                p99Microseconds: Double? = nil, messagesPerSecond: Double? = nil) {
        self.callsPerSecond = callsPerSecond
        self.p50Microseconds = p50Microseconds
        self.p99Microseconds = p99Microseconds
        self.messagesPerSecond = messagesPerSecond
    }

    /// A unary run: throughput from the count in the window, latency from the merged samples.
    public init(unary samples: [LatencySamples], window: MeasurementWindow) {
        let merged = LatencySamples.merged(samples)
        self.init(callsPerSecond: Double(merged.count) / window.seconds,
                  p50Microseconds: merged.percentile(50), p99Microseconds: merged.percentile(99))
    }

    public var jsonLine: String {
        func number(_ value: Double?) -> String {
            guard let value, value.isFinite else { return "null" }
            return String(Double((value * 10).rounded()) / 10)
        }
        return "{\"calls_per_s\":\(number(callsPerSecond)),\"p50_us\":\(number(p50Microseconds)),"
            + "\"p99_us\":\(number(p99Microseconds)),\"messages_per_s\":\(number(messagesPerSecond))}"
    }

    /// Prints ``jsonLine`` and a newline on standard output.
    public func emit() { FileHandleOutput.standardOutput(jsonLine + "\n") }
}
