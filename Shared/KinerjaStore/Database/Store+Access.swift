public import GRDB
import Dispatch

/// Reads and writes from async code with one thread hop each way.
///
/// GRDB's async `pool.read` hops four times per read (to the actor that waits for a free reader,
/// back, to the reader's queue, back): on identity's GetEmployee, three reads a call, the profile
/// showed a third of the service's CPU in thread switches and semaphore wake-ups. These run GRDB's
/// synchronous access on a dispatch worker thread (a free reader is taken there, the reader's queue
/// runs on that thread) and resume the caller once. No cooperative thread ever blocks, so they mix
/// safely with GRDB's own async access.
extension Store {
    /// Runs `body` in a read transaction (a snapshot; never waits for the writer).
    public func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let pool = self.pool
        return try await onWorker { try pool.read(body) }
    }

    /// Runs `body` in a write transaction (one writer at a time; commits when `body` returns,
    /// rolls back when it throws).
    public func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let pool = self.pool
        return try await onWorker { try pool.write(body) }
    }

    /// `work` on a dispatch worker thread, its result handed back to the caller's task (nothing
    /// runs when the caller is already cancelled).
    func onWorker<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try Task.checkCancellation()
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try work() }) }
        }
    }
}
