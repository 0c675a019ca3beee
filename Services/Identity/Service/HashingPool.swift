import Foundation
import KinerjaProto
import Synchronization

/// A fixed set of threads for password hashing, so that a flood of sign-ins (each hash costs
/// ~100 ms and 128 MiB with the recommended scrypt) cannot take the event loops or the
/// cooperative pool away from other calls. At most `threads` hashes run at once; beyond
/// `queueLimit` waiting jobs, new sign-ins are refused with RESOURCE_EXHAUSTED.
final class HashingPool: Sendable {
    private struct State {
        var jobs: [@Sendable () -> Void] = []
    }

    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)
    private let queueLimit: Int

    init(threads: Int, queueLimit: Int) {
        self.queueLimit = max(1, queueLimit)
        for index in 0..<max(1, threads) {
            let thread = Thread { [self] in self.work() }
            thread.name = "kinerja-hashing-\(index)"
            thread.start()
        }
    }

    private func work() {
        while true {
            available.wait()
            let job = state.withLock { $0.jobs.isEmpty ? nil : $0.jobs.removeFirst() }
            job?()
        }
    }

    /// Runs `body` on a hashing thread.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job: @Sendable () -> Void = { continuation.resume(with: Result { try body() }) }
            let accepted = state.withLock { state -> Bool in
                guard state.jobs.count < queueLimit else { return false }
                state.jobs.append(job)
                return true
            }
            if accepted {
                available.signal()
            } else {
                continuation.resume(throwing: RPCError(.resourceExhausted, "too many sign-ins are being processed; retry in a few seconds"))
            }
        }
    }
}
