import Foundation

/// Latencies per call kind (microseconds) and failures, from many tasks.
final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var samples: [String: [Double]] = [:]
    private var failures: [String: Int] = [:]
    private var firstFailure: [String: String] = [:]

    func record(_ kind: String, microseconds: Double) {
        lock.lock(); defer { lock.unlock() }
        samples[kind, default: []].append(microseconds)
    }

    func fail(_ kind: String, _ error: any Error) {
        lock.lock(); defer { lock.unlock() }
        failures[kind, default: 0] += 1
        if firstFailure[kind] == nil { firstFailure[kind] = "\(error)" }
    }

    /// Times `body` under `kind`; a failure is counted, not timed.
    func time<T: Sendable>(_ kind: String, _ body: () async throws -> T) async -> T? {
        let start = ContinuousClock.now
        do {
            let value = try await body()
            record(kind, microseconds: (ContinuousClock.now - start).seconds * 1e6)
            return value
        } catch {
            fail(kind, error)
            return nil
        }
    }

    struct Summary: Codable {
        var kind: String
        var calls: Int
        var failures: Int
        var p50_ms: Double?
        var p90_ms: Double?
        var p99_ms: Double?
        var max_ms: Double?
        var first_failure: String?
    }

    func summaries() -> [Summary] {
        lock.lock(); defer { lock.unlock() }
        let kinds = Set(samples.keys).union(failures.keys).sorted()
        return kinds.map { kind in
            let sorted = (samples[kind] ?? []).sorted()
            func rank(_ p: Double) -> Double? {
                guard !sorted.isEmpty else { return nil }
                let index = max(0, min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1))
                return sorted[index] / 1000
            }
            return Summary(kind: kind, calls: sorted.count, failures: failures[kind] ?? 0, p50_ms: rank(0.5), p90_ms: rank(0.9),
                           p99_ms: rank(0.99), max_ms: sorted.last.map { $0 / 1000 }, first_failure: firstFailure[kind])
        }
    }

    func merge(kind: String, microseconds: [Double], failures count: Int) {
        lock.lock(); defer { lock.unlock() }
        samples[kind, default: []] += microseconds
        failures[kind, default: 0] += count
    }
}

/// CPU seconds of a process (utime + stime from /proc/PID/stat), nil when it is gone.
func cpuSeconds(pid: Int32) -> Double? {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = text.lastIndex(of: ")") else { return nil }
    let fields = text[text.index(after: close)...].split(separator: " ")
    // After the command: state(0) ppid(1) … utime(11) stime(12).
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// Busy CPU seconds of the whole machine (all cores; /proc/stat's first line minus idle and iowait).
func machineBusySeconds() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
          let line = text.split(separator: "\n").first else { return .nan }
    let values = line.split(separator: " ").dropFirst().compactMap { Double($0) }
    guard values.count >= 8 else { return .nan }
    let busy = values[0] + values[1] + values[2] + values[5] + values[6] + values[7]
    return busy / Double(sysconf(Int32(_SC_CLK_TCK)))
}
