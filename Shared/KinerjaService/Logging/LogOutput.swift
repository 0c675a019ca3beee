import Dispatch
import Synchronization

/// Standard error, shared by every logger of the process, one line at a time.
///
/// Call lines (one per call, the bulk of the log) are gathered for at most
/// ``batchDelay`` and written with one `write(2)`: a write to a file or a pipe cost ~2.5 µs, as
/// much as the rest of the call log, on every call (issue 17). Every other line — warnings,
/// errors, start and stop — is written at once, after whatever call lines wait, so the order
/// holds. A process killed with SIGKILL loses at most the last ``batchDelay`` of call lines;
/// the runtime flushes at shutdown (docs/OPERATIONS.md, "Logs").
enum LogOutput {
    /// How long a call line may wait for others.
    static let batchDelay = DispatchTimeInterval.milliseconds(5)
    /// Waiting bytes beyond which the writer does not wait.
    static let batchBytes = 64 * 1024

    private struct Pending {
        var bytes: [UInt8] = []
        var flushScheduled = false
    }

    private static let pending = Mutex(Pending())
    private static let flusher = DispatchQueue(label: "kinerja.log.flush")

    /// Writes `line` now, after the call lines that wait.
    static func write(_ line: [UInt8]) {
        pending.withLock { pending in
            if !pending.bytes.isEmpty {
                pending.bytes.append(contentsOf: line)
                LogLine.writeToStandardError(pending.bytes)
                pending.bytes.removeAll(keepingCapacity: true)
            } else {
                LogLine.writeToStandardError(line)
            }
        }
    }

    /// Adds a call line; written within ``batchDelay``, or at once when many wait.
    static func writeBatched(_ line: [UInt8]) {
        let schedule = pending.withLock { pending -> Bool in
            pending.bytes.append(contentsOf: line)
            if pending.bytes.count >= batchBytes {
                LogLine.writeToStandardError(pending.bytes)
                pending.bytes.removeAll(keepingCapacity: true)
                return false
            }
            if pending.flushScheduled { return false }
            pending.flushScheduled = true
            return true
        }
        if schedule {
            flusher.asyncAfter(deadline: .now() + batchDelay) { flush() }
        }
    }

    /// Writes what waits (the timer, and the runtime at shutdown).
    static func flush() {
        pending.withLock { pending in
            pending.flushScheduled = false
            guard !pending.bytes.isEmpty else { return }
            LogLine.writeToStandardError(pending.bytes)
            pending.bytes.removeAll(keepingCapacity: true)
        }
    }
}
